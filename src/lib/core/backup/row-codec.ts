/**
 * How one stored row is written into a backup body: `[tag u8][length u32][body]`, the body being
 * the row as JSON with every byte array taken out and appended raw (`{"$b": n}` marks where the
 * n-th one goes). Raw bytes, because a backup is mostly ciphertext and base64 would add a third.
 */
import { concatBytes, utf8Decode, utf8Encode } from '../bytes';
import { ByteQueue } from './byte-queue';

/** One row of one table (or a framing record: begin, end). */
export interface BackupRecord {
	tag: number;
	value: unknown;
}

/** Refuses a record a backup could not have written (a tampered length cannot allocate 4 GB). */
export const MAX_RECORD_BYTES = 512 * 1024 * 1024;

function u32(n: number): Uint8Array {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, n, false);
	return out;
}

/** Encodes one record. */
export function encodeRecord(tag: number, value: unknown): Uint8Array {
	const bytes: Uint8Array[] = [];
	const json = JSON.stringify(value, (_key, v: unknown) => {
		// By tag, not instanceof: rows read from IndexedDB may carry another realm's Uint8Array.
		if (Object.prototype.toString.call(v) !== '[object Uint8Array]') return v;
		bytes.push(v as Uint8Array);
		return { $b: bytes.length - 1 };
	});
	const jsonBytes = utf8Encode(json);
	const body = concatBytes(
		u32(jsonBytes.length),
		jsonBytes,
		u32(bytes.length),
		...bytes.flatMap((b) => [u32(b.length), b])
	);
	return concatBytes(Uint8Array.of(tag), u32(body.length), body);
}

function decodeBody(body: Uint8Array): unknown {
	const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
	let at = 0;
	const take = (n: number) => {
		if (at + n > body.length) throw new RangeError('A record ends early.');
		const out = body.subarray(at, at + n);
		at += n;
		return out;
	};
	const readU32 = () => {
		take(4);
		return view.getUint32(at - 4, false);
	};
	const json = utf8Decode(take(readU32()));
	const count = readU32();
	const arrays: Uint8Array[] = [];
	// Copies, so a row never keeps the whole decrypted chunk alive through a view.
	for (let i = 0; i < count; i++) arrays.push(take(readU32()).slice());
	if (at !== body.length) throw new RangeError('A record has bytes left over.');
	return JSON.parse(json, (_key, v: unknown) => {
		if (v && typeof v === 'object' && !Array.isArray(v) && '$b' in v) {
			const index = v.$b;
			if (typeof index !== 'number' || !arrays[index]) throw new RangeError('A bad byte index.');
			return arrays[index];
		}
		return v;
	});
}

/** Reads records out of bytes pushed in arbitrary pieces. */
export class RecordParser {
	readonly #queue = new ByteQueue();

	/** Bytes pushed but not yet part of a whole record. */
	get pending(): number {
		return this.#queue.length;
	}

	/** Adds bytes and returns every record now complete. Throws RangeError on malformed input. */
	push(bytes: Uint8Array): BackupRecord[] {
		this.#queue.push(bytes);
		const records: BackupRecord[] = [];
		while (this.#queue.length >= 5) {
			const length = this.#queue.peekU32(1);
			if (length > MAX_RECORD_BYTES) throw new RangeError('A record is too large.');
			if (this.#queue.length < 5 + length) break;
			const tag = this.#queue.read(1)[0];
			this.#queue.read(4);
			records.push({ tag, value: decodeBody(this.#queue.read(length)) });
		}
		return records;
	}
}
