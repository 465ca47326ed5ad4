/**
 * A plaintext entry from before signatures, carried over by a manager (migrate-legacy.ts): its
 * original fields and hash, with what the old chain check said of it, sealed to the audit key
 * like a new entry and filed in `legacy:<original device>` under its original seq. The migrating
 * device signs it (nobody can vouch for the original writer any more) and the migrating manager
 * too, so the viewer can say who carried it over.
 */
import { canonicalJson } from '../authority/canonical';
import { fromBase64, toBase64, utf8Encode } from '../bytes';
import { open, seal } from '../crypto/aead';
import { DecryptionError } from '../crypto/errors';
import { sha256Hex } from '../crypto/hash';
import type { ChainHead } from './chain';
import type { EntrySealer } from './entry-key';
import type { LegacyEntry } from './legacy-chain';
import { contentOf, decodeFields, type EntrySigner, type SignedHead } from './sealed-entry';
import { actorText, carriedHeadText, carriedText, signText } from './signatures';

/** What a carried-over entry says; only audit-key holders read it. */
export interface CarriedContent extends LegacyEntry {
	check: { ok: boolean; message?: string };
	/** The manager who carried it over, when. */
	migratedBy: string;
	migratedAt: string;
}

export interface CarriedRecord {
	v: 2;
	/** The original seq and device: where the entry sat in the old chain. */
	seq: number;
	device: string;
	/** The migrating device. */
	by: string;
	key: string;
	epk: string;
	nonce: string;
	ct: string;
	hash: string;
	/** The migrating device's signature (signatures.ts `carriedText`). */
	sig: string;
	/** The migrating manager's, over `actorText` with the migrating device. */
	actorSig: string | null;
}

/** The last entry of a chain a device carried over, signed by it. */
export interface CarriedHead extends SignedHead {
	by: string;
}

/** The hash a carried-over record must carry. */
export function carriedHash(
	record: Pick<CarriedRecord, 'seq' | 'device' | 'by' | 'key' | 'epk' | 'nonce' | 'ct'>
): Promise<string> {
	const { device, seq, by, key, epk, nonce, ct } = record;
	return sha256Hex(canonicalJson(['audit-legacy-v2', device, seq, by, key, epk, nonce, ct]));
}

function carriedAad(officeId: string, device: string, seq: number, by: string): Uint8Array {
	return utf8Encode(canonicalJson(['po-audit-legacy-v2', officeId, device, seq, by]));
}

/** Seals and signs one legacy entry as carried over (`original.seq` is its chain position). */
export async function sealCarried(
	original: LegacyEntry,
	device: string,
	carried: Pick<CarriedContent, 'check' | 'migratedBy' | 'migratedAt'>,
	sealer: EntrySealer,
	signer: EntrySigner
): Promise<CarriedRecord> {
	const { ok, message } = carried.check;
	const content = {
		...original,
		check: message === undefined ? { ok } : { ok, message },
		migratedBy: carried.migratedBy,
		migratedAt: carried.migratedAt
	};
	const { officeId, deviceId: by } = signer;
	const aad = carriedAad(officeId, device, original.seq, by);
	const sealed = await seal(sealer.key, utf8Encode(canonicalJson(content)), aad);
	const fields = {
		seq: original.seq,
		device,
		by,
		key: sealer.auditKey,
		epk: sealer.epkId,
		nonce: toBase64(sealed.nonce),
		ct: toBase64(sealed.ciphertext)
	};
	const hash = await carriedHash(fields);
	return {
		v: 2,
		...fields,
		hash,
		sig: await signText(signer.deviceKey, carriedText(officeId, by, device, hash)),
		actorSig: signer.personKey
			? await signText(signer.personKey, actorText(officeId, by, hash))
			: null
	};
}

/** Opens what a carried-over record says; DecryptionError when it does not open. */
export async function openCarried(
	key: CryptoKey,
	officeId: string,
	record: CarriedRecord
): Promise<CarriedContent> {
	const aad = carriedAad(officeId, record.device, record.seq, record.by);
	const bytes = await open(
		key,
		{ nonce: fromBase64(record.nonce), ciphertext: fromBase64(record.ct) },
		aad
	);
	const all = decodeFields(bytes);
	const check = all.check as { ok?: unknown; message?: unknown } | undefined;
	const strings = ['prevHash', 'hash', 'migratedBy', 'migratedAt'];
	if (!strings.every((field) => typeof all[field] === 'string') || typeof check?.ok !== 'boolean') {
		throw new DecryptionError();
	}
	return {
		...contentOf(all),
		seq: record.seq,
		prevHash: all.prevHash as string,
		hash: all.hash as string,
		check: {
			ok: check.ok,
			...(typeof check.message === 'string' ? { message: check.message } : {})
		},
		migratedBy: all.migratedBy as string,
		migratedAt: all.migratedAt as string
	};
}

/** The signed last entry of `device`'s chain carried over by the signer's device. */
export async function signCarriedHead(
	signer: EntrySigner,
	device: string,
	head: ChainHead
): Promise<CarriedHead> {
	const text = carriedHeadText(signer.officeId, signer.deviceId, device, head.seq, head.hash);
	return { ...head, by: signer.deviceId, sig: await signText(signer.deviceKey, text) };
}

/** A stored value as a carried-over record, or null. */
export function parseCarried(value: unknown): CarriedRecord | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	const strings = ['device', 'by', 'key', 'epk', 'nonce', 'ct', 'hash', 'sig'];
	if (record.v !== 2 || !Number.isSafeInteger(record.seq)) return null;
	if (!strings.every((field) => typeof record[field] === 'string')) return null;
	if (record.actorSig !== null && typeof record.actorSig !== 'string') return null;
	return record as unknown as CarriedRecord;
}

/** A stored value as a carried-over head, or null. */
export function parseCarriedHead(value: unknown): CarriedHead | null {
	const head = value as Partial<CarriedHead> | null;
	if (typeof head !== 'object' || head === null || !Number.isSafeInteger(head.seq)) return null;
	if (
		typeof head.hash !== 'string' ||
		typeof head.sig !== 'string' ||
		typeof head.by !== 'string'
	) {
		return null;
	}
	return { seq: head.seq!, hash: head.hash, sig: head.sig, by: head.by };
}
