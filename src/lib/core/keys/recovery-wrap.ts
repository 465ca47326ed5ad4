/**
 * Sealing a person's secret under their recovery key (recovery-key.ts). HKDF, not PBKDF2: the
 * recovery key carries 130 random bits, far beyond any guessing, so stretching would only slow
 * the person down (the passphrase stays the weakest way in). Version 2 binds the person's id into
 * the associated data as well as the key derivation; version 1 is only read.
 */
import { asBuffer, randomBytes, utf8Encode } from '../bytes';
import { open, seal } from '../crypto/aead';

/** A secret sealed under a key derived (HKDF-SHA256) from a recovery key. */
export interface RecoveryWrapped {
	v: 1 | 2;
	kdf: 'HKDF-SHA256';
	salt: Uint8Array;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

async function deriveKey(normalizedKey: string, salt: Uint8Array, personId: string) {
	const material = await globalThis.crypto.subtle.importKey(
		'raw',
		utf8Encode(normalizedKey),
		'HKDF',
		false,
		['deriveKey']
	);
	return globalThis.crypto.subtle.deriveKey(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: asBuffer(salt),
			info: utf8Encode(`po-recovery|${personId}`)
		},
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

function aad(v: 1 | 2, personId: string): Uint8Array {
	return utf8Encode(v === 1 ? 'po-recovery-v1' : `po-recovery-v2|HKDF-SHA256|${personId}`);
}

/** Seals `secret` under the (normalized) recovery key, for `personId`. */
export async function wrapWithRecoveryKey(
	secret: Uint8Array,
	normalizedKey: string,
	personId: string
): Promise<RecoveryWrapped> {
	const salt = randomBytes(16);
	const key = await deriveKey(normalizedKey, salt, personId);
	const sealed = await seal(key, secret, aad(2, personId));
	return { v: 2, kdf: 'HKDF-SHA256', salt, ...sealed };
}

/** Opens a recovery wrap; throws DecryptionError for another key, person or altered data. */
export async function unwrapWithRecoveryKey(
	wrapped: RecoveryWrapped,
	normalizedKey: string,
	personId: string
): Promise<Uint8Array> {
	const key = await deriveKey(normalizedKey, wrapped.salt, personId);
	return open(key, wrapped, aad(wrapped.v, personId));
}
