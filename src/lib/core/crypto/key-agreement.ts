/**
 * Wrapping a secret to a person's public key (ECIES over P-256, which every WebCrypto has).
 */
import { asBuffer, utf8Encode } from '../bytes';
import { open, seal } from './aead';
import { DecryptionError } from './errors';

/** A secret sealed to one recipient, with the single-use public key needed to open it. */
export interface WrappedKey {
	ephemeralPublicJwk: JsonWebKey;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SHARED_BITS = 256;
// RFC 5869 treats an empty salt as a zero-filled one; the context goes into info instead.
const HKDF_SALT = new Uint8Array(0);

/** Creates a person's key pair; the private key comes out as PKCS#8 so it can be wrapped. */
export async function generatePersonKeyPair(): Promise<{
	publicJwk: JsonWebKey;
	privateKeyPkcs8: Uint8Array;
}> {
	// Extractable only so the private key can be exported once, to be passphrase-wrapped.
	const pair = await globalThis.crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
	const publicJwk = await exportPublicJwk(pair.publicKey);
	const privateKeyPkcs8 = new Uint8Array(
		await globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey)
	);
	return { publicJwk, privateKeyPkcs8 };
}

/** Imports a person's PKCS#8 private key as a non-extractable key for deriveBits. */
export async function importPersonPrivateKey(pkcs8: Uint8Array): Promise<CryptoKey> {
	return globalThis.crypto.subtle.importKey('pkcs8', asBuffer(pkcs8), CURVE, false, ['deriveBits']);
}

/** The public key (x, y) that belongs to a PKCS#8 private key: checks a key came back intact. */
export async function publicJwkOfPrivate(pkcs8: Uint8Array): Promise<JsonWebKey> {
	const key = await globalThis.crypto.subtle.importKey('pkcs8', asBuffer(pkcs8), CURVE, true, [
		'deriveBits'
	]);
	const { kty, crv, x, y } = await globalThis.crypto.subtle.exportKey('jwk', key);
	return { kty, crv, x, y };
}

/** Seals secret so only the holder of the matching private key can open it, within context. */
export async function wrapToPublicKey(
	recipientPublicJwk: JsonWebKey,
	secret: Uint8Array,
	context: string
): Promise<WrappedKey> {
	const recipient = await importPublicJwk(recipientPublicJwk);
	const ephemeral = await globalThis.crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
	const key = await deriveWrappingKey(ephemeral.privateKey, recipient, context);
	const { nonce, ciphertext } = await seal(key, secret, utf8Encode(context));
	return { ephemeralPublicJwk: await exportPublicJwk(ephemeral.publicKey), nonce, ciphertext };
}

/** Opens a wrapped secret; throws DecryptionError for the wrong key, context or altered data. */
export async function unwrapWithPrivateKey(
	privateKey: CryptoKey,
	wrapped: WrappedKey,
	context: string
): Promise<Uint8Array> {
	let key: CryptoKey;
	try {
		const ephemeral = await importPublicJwk(wrapped.ephemeralPublicJwk);
		key = await deriveWrappingKey(privateKey, ephemeral, context);
	} catch (cause) {
		// A mangled ephemeral key is just another form of altered data.
		throw new DecryptionError({ cause });
	}
	return open(key, wrapped, utf8Encode(context));
}

async function deriveWrappingKey(
	privateKey: CryptoKey,
	publicKey: CryptoKey,
	context: string
): Promise<CryptoKey> {
	const shared = await globalThis.crypto.subtle.deriveBits(
		{ name: 'ECDH', public: publicKey },
		privateKey,
		SHARED_BITS
	);
	// The raw ECDH output is not uniformly random, so it is never used as a key directly.
	const material = await globalThis.crypto.subtle.importKey('raw', shared, 'HKDF', false, [
		'deriveKey'
	]);
	return globalThis.crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: HKDF_SALT,
			info: utf8Encode('po-wrap-v1|' + context)
		},
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

async function importPublicJwk(jwk: JsonWebKey): Promise<CryptoKey> {
	if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.d !== undefined) {
		throw new TypeError('Expected a P-256 public key.');
	}
	// Only the coordinates are passed on, so stray key_ops or ext fields cannot make import fail.
	const { kty, crv, x, y } = jwk;
	return globalThis.crypto.subtle.importKey('jwk', { kty, crv, x, y }, CURVE, true, []);
}

async function exportPublicJwk(key: CryptoKey): Promise<JsonWebKey> {
	const { kty, crv, x, y } = await globalThis.crypto.subtle.exportKey('jwk', key);
	// Keep the JWK minimal and stable, since it is stored and compared by other code.
	return { kty, crv, x, y };
}
