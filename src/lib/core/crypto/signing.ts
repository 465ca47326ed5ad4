/**
 * Device signatures with Ed25519, so peers can tell which device wrote an update.
 */
import { asBuffer } from '../bytes';

const ALGORITHM = 'Ed25519';

/** Creates a device key pair; the private key cannot be exported, only stored as a CryptoKey. */
export async function generateSigningKeyPair(): Promise<{
	publicKey: CryptoKey;
	privateKey: CryptoKey;
	publicRaw: Uint8Array;
}> {
	// WebCrypto keeps public keys exportable regardless of the flag, which we rely on here.
	const pair = await globalThis.crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
	const publicRaw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
	return { publicKey: pair.publicKey, privateKey: pair.privateKey, publicRaw };
}

/** Signs data with a device's private key, returning the 64-byte signature. */
export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await globalThis.crypto.subtle.sign(ALGORITHM, privateKey, asBuffer(data)));
}

/** Checks a signature against a raw 32-byte public key; false for anything malformed. */
export async function verify(
	publicRaw: Uint8Array,
	signature: Uint8Array,
	data: Uint8Array
): Promise<boolean> {
	let publicKey: CryptoKey;
	try {
		publicKey = await globalThis.crypto.subtle.importKey(
			'raw',
			asBuffer(publicRaw),
			ALGORITHM,
			true,
			['verify']
		);
	} catch {
		// A key that does not even import cannot vouch for anything: fail closed.
		return false;
	}
	return globalThis.crypto.subtle.verify(ALGORITHM, publicKey, asBuffer(signature), asBuffer(data));
}
