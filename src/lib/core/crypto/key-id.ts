/**
 * Key ids and fingerprints.
 *
 * A key id names one symmetric key (an area key, a people key) among the keys of its epoch. It is
 * a commitment to the key: HMAC-SHA256 of a fixed label under the key, cut to 16 bytes. So two
 * managers who each make a key for the same epoch offline get different ids (never a collision
 * that would lose data), and whoever unwraps a key can check it is the key the id names — a wrap
 * holding another key under a borrowed id is refused. GCM alone does not commit to its key.
 *
 * A fingerprint names a P-256 public key: SHA-256 of its coordinates. Grants record the
 * fingerprint of the key they are wrapped to, so a grant to a key someone has since replaced is
 * seen for what it is.
 */
import { asBuffer, utf8Encode } from '../bytes';

const KEY_ID_LABEL = utf8Encode('po-key-id-v1');
const KEY_ID_BYTES = 16;

/** base64url without padding (ids and fingerprints travel in text). */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The id of a raw 32-byte symmetric key. */
export async function keyIdOf(raw: Uint8Array): Promise<string> {
	const hmac = await globalThis.crypto.subtle.importKey(
		'raw',
		asBuffer(raw),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', hmac, KEY_ID_LABEL));
	return toBase64Url(mac.subarray(0, KEY_ID_BYTES));
}

/** The fingerprint of a P-256 public key given as JWK. */
export async function fingerprintOf(jwk: { x?: string; y?: string }): Promise<string> {
	const digest = await globalThis.crypto.subtle.digest(
		'SHA-256',
		asBuffer(utf8Encode(`po-fp-v1|${jwk.x ?? ''}|${jwk.y ?? ''}`))
	);
	return toBase64Url(new Uint8Array(digest));
}
