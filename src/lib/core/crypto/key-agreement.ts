/**
 * Wrapping a secret to a person's or device's public key (ECIES over P-256, which every
 * WebCrypto has): a single-use (ephemeral) key pair agrees a secret with the recipient's key by
 * ECDH, HKDF turns it into an AES-256-GCM key, and that key seals the secret.
 *
 * Version 2 binds both public keys into the key schedule (HKDF info), as HPKE does: a wrap can
 * only be opened as made, for that recipient, with that ephemeral key. (Version 1 bound neither,
 * so e.g. the negated ephemeral point, which gives the same shared x-coordinate, still opened it;
 * v1 wraps are only read, for offices made before.)
 */
import { asBuffer, concatBytes, utf8Encode } from '../bytes';
import { open, seal } from './aead';
import { DecryptionError } from './errors';

/** A secret sealed to one recipient, with the single-use public key needed to open it. */
export interface WrappedKey {
	/** 2 binds both public keys (current); 1 is read-only, for older offices. */
	v: 1 | 2;
	ephemeralPublicJwk: JsonWebKey;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SHARED_BITS = 256;
// RFC 5869 treats an empty salt as a zero-filled one; the context goes into info instead.
const HKDF_SALT = new Uint8Array(0);

/** Creates a P-256 key pair; the private key comes out as PKCS#8 so it can be wrapped. */
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

/** Imports a PKCS#8 P-256 private key as a non-extractable key for deriveBits. */
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
	const ephemeralPublicJwk = await exportPublicJwk(ephemeral.publicKey);
	const info = keyScheduleInfo(2, context, ephemeralPublicJwk, recipientPublicJwk);
	const key = await deriveWrappingKey(ephemeral.privateKey, recipient, info);
	const { nonce, ciphertext } = await seal(key, secret, utf8Encode(context));
	return { v: 2, ephemeralPublicJwk, nonce, ciphertext };
}

/**
 * Opens a wrapped secret with the recipient's key pair; throws DecryptionError for the wrong
 * key, context or public key, or altered data.
 */
export async function unwrapWithPrivateKey(
	privateKey: CryptoKey,
	ownPublicJwk: JsonWebKey,
	wrapped: WrappedKey,
	context: string
): Promise<Uint8Array> {
	let key: CryptoKey;
	try {
		const ephemeral = await importPublicJwk(wrapped.ephemeralPublicJwk);
		const info = keyScheduleInfo(wrapped.v, context, wrapped.ephemeralPublicJwk, ownPublicJwk);
		key = await deriveWrappingKey(privateKey, ephemeral, info);
	} catch (cause) {
		// A mangled ephemeral key is just another form of altered data.
		throw new DecryptionError({ cause });
	}
	return open(key, wrapped, utf8Encode(context));
}

/** HKDF info: v1 the context only; v2 also both public keys, as raw uncompressed points. */
function keyScheduleInfo(
	version: 1 | 2,
	context: string,
	ephemeral: JsonWebKey,
	recipient: JsonWebKey
): Uint8Array {
	if (version === 1) return utf8Encode('po-wrap-v1|' + context);
	// The points have a fixed length (65 bytes), so the concatenation has one reading.
	return concatBytes(utf8Encode(`po-wrap-v2|${context}|`), pointOf(ephemeral), pointOf(recipient));
}

/**
 * The raw uncompressed point (0x04 ‖ x ‖ y) of a P-256 JWK; throws TypeError for coordinates
 * that are not 32 bytes (importing the key checks it is on the curve).
 */
function pointOf(jwk: JsonWebKey): Uint8Array {
	const x = fromBase64Url(jwk.x ?? '');
	const y = fromBase64Url(jwk.y ?? '');
	if (x.length !== 32 || y.length !== 32) throw new TypeError('Expected a P-256 public key.');
	return concatBytes(new Uint8Array([4]), x, y);
}

function fromBase64Url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function rawPoint(key: CryptoKey): Promise<Uint8Array> {
	return new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key));
}

async function deriveWrappingKey(
	privateKey: CryptoKey,
	publicKey: CryptoKey,
	info: Uint8Array
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
		{ name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: asBuffer(info) },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** Imports a P-256 public key given as JWK; throws TypeError for anything else. */
export async function importPublicJwk(jwk: JsonWebKey): Promise<CryptoKey> {
	if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || jwk.d !== undefined) {
		throw new TypeError('Expected a P-256 public key.');
	}
	// Only the coordinates are passed on, so stray key_ops or ext fields cannot make import fail.
	const { kty, crv, x, y } = jwk;
	return globalThis.crypto.subtle.importKey('jwk', { kty, crv, x, y }, CURVE, true, []);
}

/** The raw uncompressed point (65 bytes) of a P-256 public key given as JWK. */
export async function rawPointOf(jwk: JsonWebKey): Promise<Uint8Array> {
	return rawPoint(await importPublicJwk(jwk));
}

/** The JWK (x, y) of a P-256 public key given as a raw uncompressed point. */
export async function jwkOfRawPoint(raw: Uint8Array): Promise<JsonWebKey> {
	const key = await globalThis.crypto.subtle.importKey('raw', asBuffer(raw), CURVE, true, []);
	return exportPublicJwk(key);
}

async function exportPublicJwk(key: CryptoKey): Promise<JsonWebKey> {
	const { kty, crv, x, y } = await globalThis.crypto.subtle.exportKey('jwk', key);
	// Keep the JWK minimal and stable, since it is stored and compared by other code.
	return { kty, crv, x, y };
}
