import { asBuffer, toHex, utf8Encode } from '../bytes';

/** Returns the SHA-256 digest of the bytes. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', asBuffer(data)));
}

/** Returns the SHA-256 digest as lowercase hex; strings are hashed as UTF-8. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
	return toHex(await sha256(typeof data === 'string' ? utf8Encode(data) : data));
}
