/**
 * Signatures. Devices and people sign with Ed25519: devices their updates, people the changes
 * they make to the office's authority (who holds what). ECDSA P-256 exists only to let a person
 * from an office made before signed changes prove, once, that they hold their old P-256 key.
 */
import { asBuffer } from '../bytes';

const ALGORITHM = 'Ed25519';
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

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

/** Creates a person's signing key pair, the private half as PKCS#8 so it can be wrapped. */
export async function generateExportableSigningKeyPair(): Promise<{
	privateKeyPkcs8: Uint8Array;
	publicRaw: Uint8Array;
}> {
	// Extractable only so the private key can be exported once, to be passphrase-wrapped.
	const pair = await globalThis.crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
	const [pkcs8, raw] = await Promise.all([
		globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey),
		globalThis.crypto.subtle.exportKey('raw', pair.publicKey)
	]);
	return { privateKeyPkcs8: new Uint8Array(pkcs8), publicRaw: new Uint8Array(raw) };
}

/** Imports a PKCS#8 Ed25519 private key for signing (not extractable). */
export async function importSigningPrivateKey(pkcs8: Uint8Array): Promise<CryptoKey> {
	return globalThis.crypto.subtle.importKey('pkcs8', asBuffer(pkcs8), ALGORITHM, false, ['sign']);
}

/** The raw public key of a PKCS#8 Ed25519 private key: checks a key came back intact. */
export async function signingPublicOfPrivate(pkcs8: Uint8Array): Promise<Uint8Array> {
	const key = await globalThis.crypto.subtle.importKey('pkcs8', asBuffer(pkcs8), ALGORITHM, true, [
		'sign'
	]);
	const { x } = await globalThis.crypto.subtle.exportKey('jwk', key);
	if (!x) throw new TypeError('Expected an Ed25519 private key.');
	const binary = atob(x.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Signs data with an Ed25519 private key, returning the 64-byte signature. */
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

/** Signs with a P-256 private key (PKCS#8) as ECDSA-SHA256; 64 bytes (r ‖ s). */
export async function signEcdsaP256(pkcs8: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
	const key = await globalThis.crypto.subtle.importKey('pkcs8', asBuffer(pkcs8), ECDSA, false, [
		'sign'
	]);
	return new Uint8Array(await globalThis.crypto.subtle.sign(ECDSA_SIGN, key, asBuffer(data)));
}

/** Checks an ECDSA-SHA256 signature by a P-256 public key (JWK); false for anything malformed. */
export async function verifyEcdsaP256(
	publicJwk: JsonWebKey,
	signature: Uint8Array,
	data: Uint8Array
): Promise<boolean> {
	try {
		const { kty, crv, x, y } = publicJwk;
		const key = await globalThis.crypto.subtle.importKey('jwk', { kty, crv, x, y }, ECDSA, true, [
			'verify'
		]);
		return await globalThis.crypto.subtle.verify(
			ECDSA_SIGN,
			key,
			asBuffer(signature),
			asBuffer(data)
		);
	} catch {
		return false;
	}
}
