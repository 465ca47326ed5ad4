/**
 * The frame codec of docs/sync-protocol.md. One binary WebSocket message is one frame:
 *
 *   byte 0      message type
 *   bytes 1..4  header length H, unsigned 32-bit big-endian
 *   bytes 5..   header: H bytes of UTF-8 JSON, an object
 *   the rest    payload: opaque bytes (ciphertext), possibly empty
 *
 * Decoding never throws: anything malformed comes back as a reason, which the session answers
 * with `ERROR bad-frame`. Header fields are checked per message type in headers.ts.
 */

/** The protocol version this relay speaks (HELLO `v`). */
export const PROTOCOL_VERSION = 2;

export const MSG = {
	HELLO: 0x01,
	CHALLENGE: 0x02,
	AUTH: 0x03,
	REGISTER: 0x04,
	READY: 0x05,
	ERROR: 0x06,
	SUBSCRIBE: 0x10,
	UPDATES: 0x11,
	PUSH: 0x12,
	ACK: 0x13,
	SNAPSHOT: 0x14,
	SNAPSHOT_ACK: 0x15,
	CAUGHT_UP: 0x16,
	BLOB_PUT: 0x17,
	BLOB_ACK: 0x18,
	BLOB_GET: 0x19,
	BLOB: 0x1a,
	BLOB_MISSING: 0x1b,
	SNAPSHOT_OFFER: 0x1c,
	SNAPSHOT_CONFIRM: 0x1d,
	SNAPSHOT_DISPUTE: 0x1e,
	SNAPSHOT_DONE: 0x1f,
	ADD_DEVICE: 0x20,
	REVOKE_DEVICE: 0x21,
	DEVICES: 0x22,
	ADMIN_CHALLENGE: 0x23,
	ADMIN_NONCE: 0x24,
	RESTORE_DEVICE: 0x25,
	ADD_ADMIN: 0x26,
	REMOVE_ADMIN: 0x27,
	PAIR_OPEN: 0x30,
	PAIR_MSG: 0x31,
	PAIR_PEER: 0x32,
	PING: 0x40,
	PONG: 0x41
} as const;

export type MessageType = (typeof MSG)[keyof typeof MSG];

/** Bytes before the header: the type and the header length. */
export const PREFIX_BYTES = 5;

/**
 * Largest header the relay reads; SUBSCRIBE may list a cursor for every document of an office.
 * 16 KiB holds the largest other header too: a SNAPSHOT with a 4096-character link.
 */
export const HEADER_MAX_BYTES = 16 * 1024;
export const SUBSCRIBE_HEADER_MAX_BYTES = 1024 * 1024;

export type Header = Record<string, unknown>;

export interface Frame {
	type: number;
	header: Header;
	payload: Buffer;
}

export type Decoded = { ok: true; frame: Frame } | { ok: false; reason: string };

/** Builds one frame; several payload parts are concatenated in order. */
export function encodeFrame(
	type: number,
	header: object,
	payload: Uint8Array | readonly Uint8Array[] = []
): Buffer {
	const json = Buffer.from(JSON.stringify(header), 'utf8');
	const prefix = Buffer.allocUnsafe(PREFIX_BYTES);
	prefix.writeUInt8(type, 0);
	prefix.writeUInt32BE(json.length, 1);
	const parts = payload instanceof Uint8Array ? [payload] : payload;
	return Buffer.concat([prefix, json, ...parts]);
}

/** The header limit for a message type (for frames the relay receives). */
export function headerLimit(type: number): number {
	return type === MSG.SUBSCRIBE ? SUBSCRIBE_HEADER_MAX_BYTES : HEADER_MAX_BYTES;
}

/** Splits a frame into type, header object and payload (a view, not a copy). */
export function decodeFrame(
	data: Buffer,
	maxHeaderBytes: (type: number) => number = headerLimit
): Decoded {
	if (data.length < PREFIX_BYTES) return { ok: false, reason: 'frame shorter than 5 bytes' };
	const type = data.readUInt8(0);
	const length = data.readUInt32BE(1);
	if (length > maxHeaderBytes(type)) return { ok: false, reason: 'header too long' };
	if (PREFIX_BYTES + length > data.length) return { ok: false, reason: 'header truncated' };
	let header: unknown;
	try {
		header = JSON.parse(data.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + length));
	} catch {
		return { ok: false, reason: 'header is not JSON' };
	}
	if (typeof header !== 'object' || header === null || Array.isArray(header)) {
		return { ok: false, reason: 'header is not a JSON object' };
	}
	const payload = data.subarray(PREFIX_BYTES + length);
	return { ok: true, frame: { type, header: header as Header, payload } };
}
