import { describe, expect, it } from 'vitest';
import {
	asBuffer,
	bytesEqual,
	concatBytes,
	fromBase64,
	randomBytes,
	toBase64,
	toHex,
	utf8Decode,
	utf8Encode
} from './bytes';

describe('base64', () => {
	it('round-trips an empty array', () => {
		expect(toBase64(new Uint8Array(0))).toBe('');
		expect(fromBase64('')).toEqual(new Uint8Array(0));
	});

	it.each([
		['f', 'Zg=='],
		['fo', 'Zm8='],
		['foo', 'Zm9v'],
		['foob', 'Zm9vYg=='],
		['fooba', 'Zm9vYmE='],
		['foobar', 'Zm9vYmFy']
	])('encodes the RFC 4648 vector %j as %j', (text, encoded) => {
		expect(toBase64(utf8Encode(text))).toBe(encoded);
		expect(utf8Decode(fromBase64(encoded))).toBe(text);
	});

	it('round-trips a 1 MB random array across many encoding chunks', () => {
		const data = randomBytes(1024 * 1024);
		const encoded = toBase64(data);
		expect(encoded).toHaveLength(4 * Math.ceil(data.length / 3));
		expect(bytesEqual(fromBase64(encoded), data)).toBe(true);
	});

	it('round-trips every byte value', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(toHex(all.subarray(250))).toBe('fafbfcfdfeff');
		expect(fromBase64(toBase64(all))).toEqual(all);
		expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
	});

	it('rejects text that is not base64', () => {
		expect(() => fromBase64('not base64!')).toThrow();
	});
});

describe('utf8', () => {
	it.each(['', 'plain', 'Müller-Lüdenscheidt, Ærø, façade', 'Zahnarzt 🦷 👩🏽‍⚕️', '日本語'])(
		'round-trips %j',
		(text) => {
			expect(utf8Decode(utf8Encode(text))).toBe(text);
		}
	);

	it('encodes accents as multi-byte sequences', () => {
		expect(toHex(utf8Encode('é'))).toBe('c3a9');
	});

	it('rejects malformed UTF-8 instead of inventing replacement characters', () => {
		expect(() => utf8Decode(new Uint8Array([0xc3]))).toThrow();
	});
});

describe('byte helpers', () => {
	it('concatenates parts in order', () => {
		const joined = concatBytes(new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3]));
		expect(joined).toEqual(new Uint8Array([1, 2, 3]));
		expect(concatBytes()).toEqual(new Uint8Array(0));
	});

	it('compares bytes by content and length', () => {
		expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
		expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
		expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
	});

	it('writes lowercase hex with leading zeros', () => {
		expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
	});

	it('gives random bytes of the requested length, beyond the 64 KiB per-call limit', () => {
		expect(randomBytes(0)).toHaveLength(0);
		const big = randomBytes(200_000);
		expect(big).toHaveLength(200_000);
		// The last chunk must be filled too, not left as zeros.
		expect(big.subarray(-1000).some((b) => b !== 0)).toBe(true);
		expect(bytesEqual(randomBytes(32), randomBytes(32))).toBe(false);
	});

	it('rejects a negative or fractional random length', () => {
		expect(() => randomBytes(-1)).toThrow(RangeError);
		expect(() => randomBytes(1.5)).toThrow(RangeError);
	});

	it('passes ArrayBuffer-backed bytes through and copies shared ones', () => {
		const plain = new Uint8Array([1, 2, 3]);
		expect(asBuffer(plain)).toBe(plain);
		const shared = new Uint8Array(new SharedArrayBuffer(3));
		shared.set([4, 5, 6]);
		const copied = asBuffer(shared);
		expect(copied.buffer).toBeInstanceOf(ArrayBuffer);
		expect(copied).toEqual(new Uint8Array([4, 5, 6]));
	});
});
