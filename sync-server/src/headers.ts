/**
 * Header checks per client message type. A header must carry every field of its schema with the
 * right type and shape, else the frame is refused with `ERROR bad-header` naming the field (never
 * its value). Unknown extra fields are ignored, so a newer client can add optional ones.
 *
 * Ids (office, device, document) are 1–128 characters of `A–Z a–z 0–9 . _ : / -` and a `link` is
 * 0–4096 characters of `A–Z a–z 0–9 . _ : , = + / -`: never `|`, which separates the fields of the
 * signed texts, so a signed text has exactly one reading.
 */
import { RelayError } from './errors';
import { PROTOCOL_VERSION } from './protocol';

type Field<T> = (value: unknown) => T | undefined;
type Schema = Record<string, Field<unknown>>;
export type Parsed<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

const ID_PATTERN = /^[A-Za-z0-9._:/-]{1,128}$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAILBOX_PATTERN = /^[0-9a-fA-F]{64}$/;
const BLOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const LINK_PATTERN = /^[A-Za-z0-9._:,=+/-]{0,4096}$/;

const id: Field<string> = (value) =>
	typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;

const count: Field<number> = (value) =>
	typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

const positive: Field<number> = (value) => {
	const n = count(value);
	return n !== undefined && n > 0 ? n : undefined;
};

const version: Field<number> = (value) => (value === PROTOCOL_VERSION ? value : undefined);

/** The clients' opaque per-device chain field: may be empty, never interpreted here. */
const link: Field<string> = (value) =>
	typeof value === 'string' && LINK_PATTERN.test(value) ? value : undefined;

/** Canonical padded base64 (what the signed texts quote) of `min`..`max` bytes. */
function base64(min: number, max: number): Field<string> {
	return (value) => {
		if (typeof value !== 'string' || value.length > Math.ceil(max / 3) * 4) return undefined;
		if (!BASE64_PATTERN.test(value)) return undefined;
		const bytes = Buffer.from(value, 'base64');
		if (bytes.length < min || bytes.length > max) return undefined;
		return bytes.toString('base64') === value ? value : undefined;
	};
}

const blobId: Field<string> = (value) =>
	typeof value === 'string' && BLOB_ID_PATTERN.test(value) ? value : undefined;

const mailbox: Field<string> = (value) =>
	typeof value === 'string' && MAILBOX_PATTERN.test(value) ? value.toLowerCase() : undefined;

const cursors: Field<Map<string, number>> = (value) => {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const map = new Map<string, number>();
	for (const [docId, seq] of Object.entries(value)) {
		if (id(docId) === undefined) return undefined;
		const n = count(seq);
		if (n === undefined) return undefined;
		map.set(docId, n);
	}
	return map;
};

const signature = base64(64, 64);
/** A raw Ed25519 public key: a device's, or an admin's (an office manager's personal key). */
const publicKey = base64(32, 32);
const nonce = base64(1, 64);

/** A nested object checked against its own schema. */
function object<S extends Schema>(schema: S): Field<Parsed<S>> {
	return (value) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
		const parsed: Record<string, unknown> = {};
		for (const [name, field] of Object.entries(schema)) {
			const checked = Object.hasOwn(value, name)
				? field((value as Record<string, unknown>)[name])
				: undefined;
			if (checked === undefined) return undefined;
			parsed[name] = checked;
		}
		return parsed as Parsed<S>;
	};
}

/** What every admin change carries: the admin key, the socket's admin nonce, its signature. */
const ADMIN_SIGNED = { admin: publicKey, nonce, signature };

export const HELLO = { v: version, officeId: id, deviceId: id };
export const AUTH = { signature };
export const REGISTER = {
	publicKey,
	signature,
	admin: object({ key: publicKey, proof: signature })
};
export const SUBSCRIBE = { cursors };
export const PUSH = { docId: id, deviceSeq: positive, epoch: count, nonce, signature, link };
export const SNAPSHOT = { ...PUSH, covers: positive, admin: publicKey, adminSignature: signature };
/** SNAPSHOT_CONFIRM and SNAPSHOT_DISPUTE: a pending snapshot named by document, covers, nonce. */
export const SNAPSHOT_NAMED = { docId: id, covers: positive, nonce };
export const BLOB_PUT = { blobId, epoch: count, nonce, signature, size: positive, link };
export const BLOB_GET = { blobId };
export const ADD_DEVICE = { deviceId: id, publicKey, ...ADMIN_SIGNED };
/** REVOKE_DEVICE and RESTORE_DEVICE. */
export const DEVICE_CHANGE = { deviceId: id, ...ADMIN_SIGNED };
export const ADD_ADMIN = { key: publicKey, proof: signature, ...ADMIN_SIGNED };
export const REMOVE_ADMIN = { key: publicKey, ...ADMIN_SIGNED };
export const PAIR = { mailbox };

/** The header checked against a schema; throws `bad-header` naming the first wrong field. */
export function parseHeader<S extends Schema>(
	schema: S,
	header: Record<string, unknown>
): Parsed<S> {
	const parsed: Record<string, unknown> = {};
	for (const [name, field] of Object.entries(schema)) {
		const value = Object.hasOwn(header, name) ? field(header[name]) : undefined;
		if (value === undefined)
			throw new RelayError('bad-header', `missing or invalid field: ${name}`);
		parsed[name] = value;
	}
	return parsed as Parsed<S>;
}
