/**
 * The relay's wire format (docs/sync-protocol.md, "Transport"): every message is one binary frame
 *
 *   byte 0        message type
 *   bytes 1..4    header length H, unsigned 32-bit big-endian
 *   bytes 5..5+H  header: a UTF-8 JSON object
 *   the rest      payload: opaque bytes, possibly empty
 *
 * Decoding never throws: anything that is not a well-formed frame comes back as a FrameError, so
 * a confused or hostile peer cannot crash the reader. The relay keeps its own copy of this codec
 * (it imports nothing from src/); the round-trip tests pin both to the same bytes.
 */
import { utf8Decode, utf8Encode } from '../bytes';

export const PROTOCOL_VERSION = 2;
/** Longest header of a frame sent to the relay, but SUBSCRIBE (a cursor per document). */
export const MAX_HEADER_BYTES = 16 * 1024;
export const MAX_SUBSCRIBE_HEADER_BYTES = 1024 * 1024;
/** Longest header read from the relay: an UPDATES page lists up to 512 items. */
export const MAX_RELAY_HEADER_BYTES = 1024 * 1024;
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
const PREFIX_BYTES = 5;

export const MESSAGE_TYPES = {
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

export type MessageName = keyof typeof MESSAGE_TYPES;

const NAMES = new Map<number, MessageName>(
	Object.entries(MESSAGE_TYPES).map(([name, type]) => [type, name as MessageName])
);

/** The name of a message type byte, or undefined for a type this version does not know. */
export function messageName(type: number): MessageName | undefined {
	return NAMES.get(type);
}

export interface Frame {
	type: MessageName;
	header: Record<string, unknown>;
	payload: Uint8Array;
}

export interface FrameError {
	error: 'bad-frame' | 'too-large' | 'unknown-type';
	message: string;
}

export type DecodedFrame = { ok: true; frame: Frame } | ({ ok: false } & FrameError);

/** The longest header a frame of this type may carry: lists (of cursors, items) run longer. */
export function headerLimit(type: MessageName): number {
	if (type === 'SUBSCRIBE') return MAX_SUBSCRIBE_HEADER_BYTES;
	if (type === 'UPDATES' || type === 'READY' || type === 'DEVICES') return MAX_RELAY_HEADER_BYTES;
	return MAX_HEADER_BYTES;
}

/** Builds one frame; throws only on a header too long to send (a bug on this side). */
export function encodeFrame(
	type: MessageName,
	header: object,
	payload: Uint8Array = new Uint8Array(0)
): Uint8Array<ArrayBuffer> {
	const headerBytes = utf8Encode(JSON.stringify(header));
	if (headerBytes.length > headerLimit(type)) {
		throw new RangeError(`A ${type} header of ${headerBytes.length} bytes is too long.`);
	}
	const frame = new Uint8Array(PREFIX_BYTES + headerBytes.length + payload.length);
	frame[0] = MESSAGE_TYPES[type];
	new DataView(frame.buffer).setUint32(1, headerBytes.length, false);
	frame.set(headerBytes, PREFIX_BYTES);
	frame.set(payload, PREFIX_BYTES + headerBytes.length);
	return frame;
}

function failure(error: FrameError['error'], message: string): DecodedFrame {
	return { ok: false, error, message };
}

function parseHeader(bytes: Uint8Array): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(utf8Decode(bytes));
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
		return value as Record<string, unknown>;
	} catch {
		return null;
	}
}

export interface FrameLimits {
	maxFrameBytes?: number;
	maxHeaderBytes?: number;
}

/** Splits a frame into type, header and payload; never throws. */
export function decodeFrame(data: unknown, limits: FrameLimits = {}): DecodedFrame {
	const { maxFrameBytes = DEFAULT_MAX_FRAME_BYTES, maxHeaderBytes = MAX_HEADER_BYTES } = limits;
	const bytes = asBytes(data);
	if (!bytes) return failure('bad-frame', 'Not a binary frame.');
	if (bytes.length > maxFrameBytes) return failure('too-large', 'The frame is too large.');
	if (bytes.length < PREFIX_BYTES) return failure('bad-frame', 'The frame is too short.');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const headerLength = view.getUint32(1, false);
	if (headerLength > maxHeaderBytes) return failure('bad-frame', 'The header is too long.');
	if (PREFIX_BYTES + headerLength > bytes.length) {
		return failure('bad-frame', 'The header runs past the end of the frame.');
	}
	const type = messageName(bytes[0]);
	if (!type) return failure('unknown-type', `Unknown message type ${bytes[0]}.`);
	const header = parseHeader(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength));
	if (!header) return failure('bad-frame', 'The header is not a JSON object.');
	return {
		ok: true,
		frame: { type, header, payload: bytes.subarray(PREFIX_BYTES + headerLength) }
	};
}

/** The bytes of a socket message (ArrayBuffer, typed array, Node Buffer); null for text. */
export function asBytes(data: unknown): Uint8Array | null {
	if (data instanceof Uint8Array) return data;
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	if (ArrayBuffer.isView(data))
		return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
	return null;
}
