/**
 * Wrapping a secret under a passphrase that a person types, with PBKDF2 and AES-256-GCM.
 *
 * Version 2 binds a context (whose secret it is: the person's id) and the KDF parameters into the
 * associated data, so a wrap copied to another person's record, or with its iteration count
 * lowered, no longer opens. Version 1 bound neither; it is only read, for offices made before.
 */
import { asBuffer, randomBytes, utf8Encode } from '../bytes';
import { open, seal } from './aead';
import { DecryptionError, WrongPassphraseError } from './errors';

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** A secret sealed under a passphrase-derived key, with everything needed to derive it again. */
export interface PassphraseWrapped {
	v: 1 | 2;
	kdf: 'PBKDF2-SHA256';
	iterations: number;
	salt: Uint8Array;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

const SALT_BYTES = 16;
const V1_AAD = utf8Encode('po-passphrase-v1');
const MIN_LENGTH = 10;
// Stops a tampered record from making unlocking hang for minutes.
const MAX_ITERATIONS = 10_000_000;
const COMMON = [
	'password',
	'passphrase',
	'1234567890',
	'qwertyuiop',
	'letmein',
	'iloveyou',
	'welcome',
	'admin',
	'practiceoffice',
	'abcdefghij'
];

function associatedData(v: 1 | 2, context: string, iterations: number): Uint8Array {
	if (v === 1) return V1_AAD;
	return utf8Encode(`po-passphrase-v2|PBKDF2-SHA256|${iterations}|${context}`);
}

/** Seals secret under a key derived from passphrase with PBKDF2-SHA256, bound to `context`. */
export async function wrapWithPassphrase(
	secret: Uint8Array,
	passphrase: string,
	context: string,
	iterations = PBKDF2_ITERATIONS
): Promise<PassphraseWrapped> {
	if (!saneIterations(iterations)) {
		throw new RangeError(`PBKDF2 iterations must be from 1 to ${MAX_ITERATIONS}.`);
	}
	const salt = randomBytes(SALT_BYTES);
	const key = await deriveKey(passphrase, salt, iterations);
	const { nonce, ciphertext } = await seal(key, secret, associatedData(2, context, iterations));
	return { v: 2, kdf: 'PBKDF2-SHA256', iterations, salt, nonce, ciphertext };
}

/**
 * Recovers the secret wrapped for `context`; throws WrongPassphraseError if the passphrase (or
 * the record) is wrong.
 */
export async function unwrapWithPassphrase(
	wrapped: PassphraseWrapped,
	passphrase: string,
	context: string
): Promise<Uint8Array> {
	const { kdf, iterations, v } = wrapped;
	// A record we cannot even attempt was altered; the passphrase is not the problem.
	if (kdf !== 'PBKDF2-SHA256' || !saneIterations(iterations) || (v !== 1 && v !== 2)) {
		throw new DecryptionError();
	}
	const key = await deriveKey(passphrase, wrapped.salt, iterations);
	try {
		return await open(key, wrapped, associatedData(v, context, iterations));
	} catch (cause) {
		// A wrong passphrase and a tampered salt or ciphertext look the same to GCM;
		// the passphrase is by far the likelier cause, so that is what we report.
		throw new WrongPassphraseError({ cause });
	}
}

function saneIterations(iterations: number): boolean {
	return Number.isInteger(iterations) && iterations >= 1 && iterations <= MAX_ITERATIONS;
}

/** Explains why a new passphrase is too weak, or returns null when it is acceptable. */
export function passphraseProblem(passphrase: string): string | null {
	// Count code points, so an accented letter or emoji counts as one character.
	const chars = [...passphrase.normalize('NFC')];
	if (chars.length < MIN_LENGTH) return 'Use at least 10 characters.';
	if (new Set(chars).size === 1) return 'Use different characters, not one character repeated.';
	const lowered = passphrase.toLowerCase().replace(/\s+/g, '');
	// Strip the digits and symbols people tack on to satisfy rules: 'Password123!' is 'password'.
	const stem = lowered.replace(/[^\p{L}]+$/u, '');
	if (COMMON.includes(lowered) || COMMON.includes(stem)) {
		return 'That passphrase is too common. Try a few unrelated words.';
	}
	return null;
}

/** The AES-GCM key PBKDF2-SHA256 derives from a passphrase (wrapping keys, backup files). */
export async function deriveKey(
	passphrase: string,
	salt: Uint8Array,
	iterations: number
): Promise<CryptoKey> {
	// NFC, so the same passphrase typed on macOS and Windows gives the same bytes.
	const material = await globalThis.crypto.subtle.importKey(
		'raw',
		utf8Encode(passphrase.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return globalThis.crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}
