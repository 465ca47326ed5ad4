/**
 * Byte helpers that behave the same in the browser and in Node, without relying on Buffer.
 */

const encoder = new TextEncoder();
// Fatal, so corrupted text surfaces as an error instead of silently turning into U+FFFD.
const decoder = new TextDecoder('utf-8', { fatal: true });

// String.fromCharCode(...bytes) overflows the call stack on large arrays, so we go in slices.
const BASE64_CHUNK = 0x8000;
// crypto.getRandomValues refuses to fill more than 65,536 bytes per call.
const RANDOM_CHUNK = 65_536;

/** Encodes a string as UTF-8 bytes. */
export function utf8Encode(s: string): Uint8Array<ArrayBuffer> {
	return encoder.encode(s);
}

/** Decodes UTF-8 bytes to a string; throws on malformed input. */
export function utf8Decode(b: Uint8Array): string {
	return decoder.decode(b);
}

/** Encodes bytes as standard (padded) base64. */
export function toBase64(b: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < b.length; i += BASE64_CHUNK) {
		binary += String.fromCharCode(...b.subarray(i, i + BASE64_CHUNK));
	}
	return btoa(binary);
}

/** Decodes standard base64 to bytes; throws on invalid input. */
export function fromBase64(s: string): Uint8Array<ArrayBuffer> {
	const binary = atob(s);
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

/** Joins byte arrays into one new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	let length = 0;
	for (const part of parts) length += part.length;
	const out = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** Returns n cryptographically secure random bytes. */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`Cannot make ${n} random bytes.`);
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i += RANDOM_CHUNK) {
		globalThis.crypto.getRandomValues(out.subarray(i, i + RANDOM_CHUNK));
	}
	return out;
}

/** Compares two byte arrays without exiting early, so timing does not reveal where they differ. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
	return diff === 0;
}

/** Encodes bytes as lowercase hexadecimal. */
export function toHex(b: Uint8Array): string {
	let hex = '';
	for (let i = 0; i < b.length; i++) hex += b[i].toString(16).padStart(2, '0');
	return hex;
}

/**
 * Returns the bytes backed by a plain ArrayBuffer, copying only when needed.
 * Since TypeScript 5.7 a Uint8Array<ArrayBufferLike> is not a BufferSource, and WebCrypto
 * rejects SharedArrayBuffer views at runtime, so every call into crypto.subtle goes through this.
 */
export function asBuffer(b: Uint8Array): Uint8Array<ArrayBuffer> {
	if (b.buffer instanceof ArrayBuffer) return b as Uint8Array<ArrayBuffer>;
	return new Uint8Array(b);
}
