/**
 * Reads what the relay sends. Every header is checked against its schema before anything acts on
 * it, and an UPDATES payload must split exactly into its items' sizes: a frame that fails comes
 * back as an InvalidFrame value (never an exception), so a broken or hostile relay can make this
 * client reconnect but never crash it or store half an item.
 */
import { z } from 'zod';
import type { RelayMessage } from './messages';
import {
	decodeFrame,
	DEFAULT_MAX_FRAME_BYTES,
	MAX_RELAY_HEADER_BYTES,
	type Frame,
	type MessageName
} from './protocol';

export interface InvalidFrame {
	type: 'invalid';
	reason: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const id = z.string().min(1).max(256);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const base64 = z.string().max(4096).regex(BASE64);
/** A link is opaque here; the relay admits at most 4096 characters, never `|`. */
const link = z
	.string()
	.max(4096)
	.regex(/^[^|]*$/);
const version = z.union([z.literal(1), z.literal(2)]);
const deviceList = z.object({
	devices: z.array(
		z.object({
			deviceId: id,
			revoked: z.boolean(),
			publicKey: base64,
			addedBy: z.union([base64, z.literal('')]),
			addedAt: count
		})
	),
	admins: z.array(base64)
});
const empty = z.object({});
const snapshotName = z.object({ docId: id, covers: count, nonce: base64 });

const item = z.object({
	seq: count,
	kind: z.enum(['update', 'snapshot']),
	deviceId: id,
	deviceSeq: count,
	epoch: count,
	nonce: base64,
	signature: base64,
	link,
	v: version,
	size: count
});

const SCHEMAS = {
	CHALLENGE: z.object({ nonce: base64 }),
	READY: deviceList,
	ERROR: z.object({
		code: z.string().max(100),
		message: z.string().max(2000),
		fatal: z.boolean(),
		ref: z.unknown().optional()
	}),
	UPDATES: z.object({
		docId: id,
		items: z.array(item),
		more: z.boolean(),
		latest: count,
		sinceSnapshot: count
	}),
	ACK: z.object({ docId: id, deviceSeq: count, seq: count }),
	SNAPSHOT_ACK: z.object({ docId: id, covers: count }),
	SNAPSHOT_OFFER: snapshotName.extend({
		deviceId: id,
		deviceSeq: count,
		epoch: count,
		signature: base64,
		link,
		v: version,
		size: count
	}),
	SNAPSHOT_DONE: snapshotName.extend({ ok: z.boolean() }),
	CAUGHT_UP: empty,
	BLOB_ACK: z.object({ blobId: id }),
	BLOB: z.object({
		blobId: id,
		deviceId: id,
		epoch: count,
		nonce: base64,
		signature: base64,
		link,
		v: version,
		size: count
	}),
	BLOB_MISSING: z.object({ blobId: id }),
	DEVICES: deviceList,
	ADMIN_NONCE: z.object({ nonce: base64 }),
	PAIR_MSG: z.object({ mailbox: z.string().regex(/^[0-9a-f]{64}$/) }),
	PAIR_PEER: z.object({ mailbox: z.string().regex(/^[0-9a-f]{64}$/), present: z.boolean() }),
	PONG: empty
} satisfies Partial<Record<MessageName, z.ZodType>>;

type RelayName = keyof typeof SCHEMAS;

function invalid(reason: string): InvalidFrame {
	return { type: 'invalid', reason };
}

function splitPayload(sizes: number[], payload: Uint8Array): Uint8Array[] | null {
	let total = 0;
	for (const size of sizes) total += size;
	if (total !== payload.length) return null;
	const parts: Uint8Array[] = [];
	let offset = 0;
	for (const size of sizes) {
		parts.push(payload.subarray(offset, offset + size));
		offset += size;
	}
	return parts;
}

function toMessage(frame: Frame): RelayMessage | InvalidFrame {
	if (!(frame.type in SCHEMAS)) return invalid(`The relay does not send ${frame.type}.`);
	const type = frame.type as RelayName;
	const parsed = SCHEMAS[type].safeParse(frame.header);
	if (!parsed.success) return invalid(`A ${type} header is malformed.`);
	const header = parsed.data;
	if (type === 'UPDATES') {
		const updates = header as z.output<(typeof SCHEMAS)['UPDATES']>;
		const ciphertexts = splitPayload(
			updates.items.map((entry) => entry.size),
			frame.payload
		);
		if (!ciphertexts) return invalid('An UPDATES payload does not match its items.');
		return { type, header: updates, ciphertexts };
	}
	if (type === 'BLOB' || type === 'SNAPSHOT_OFFER') {
		const sized = header as unknown as { size: number };
		if (sized.size !== frame.payload.length) {
			return invalid(`A ${type} payload does not match its size.`);
		}
		return { type, header, payload: frame.payload } as RelayMessage;
	}
	if (type === 'PAIR_MSG') return { type, header, payload: frame.payload } as RelayMessage;
	return { type, header } as RelayMessage;
}

/** Decodes and checks one frame from the relay; never throws. */
export function readRelayMessage(
	data: unknown,
	maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES
): RelayMessage | InvalidFrame {
	const decoded = decodeFrame(data, { maxFrameBytes, maxHeaderBytes: MAX_RELAY_HEADER_BYTES });
	if (!decoded.ok) return invalid(decoded.message);
	return toMessage(decoded.frame);
}
