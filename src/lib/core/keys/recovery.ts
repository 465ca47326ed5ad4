/**
 * Recovering from a forgotten passphrase with the recovery key (recovery-key.ts).
 *
 * Making a recovery sheet wraps the person's private key a second time, under a key derived
 * from the recovery key, and stores it beside the passphrase wrapping in their identity row.
 * HKDF, not PBKDF2: the recovery key carries 130 random bits, far beyond any guessing, so
 * stretching would only slow the person down, not an attacker (the passphrase stays the
 * weakest way in). Recovering unwraps the private key with the recovery key and wraps it again
 * under a new passphrase; the area keys and every piece of office data stay as they are.
 * A new sheet replaces the old wrapping, so an old sheet stops working.
 */
import { asBuffer, randomBytes, utf8Encode } from '../bytes';
import { open, seal } from '../crypto/aead';
import { publicJwkOfPrivate } from '../crypto/key-agreement';
import {
	PBKDF2_ITERATIONS,
	passphraseProblem,
	unwrapWithPassphrase,
	wrapWithPassphrase
} from '../crypto/passphrase';
import type { PeopleDirectory } from '../people/people-directory';
import type { PersonRecord } from '../people/people-schema';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import {
	loadPassphraseWrap,
	loadRecoveryWrap,
	storePassphraseWrap,
	storeRecoveryWrap
} from './stored-wraps';
import { UnknownPersonError } from './vault';

/** The private key sealed under a key derived (HKDF-SHA256) from a recovery key. */
export interface RecoveryWrapped {
	kdf: 'HKDF-SHA256';
	salt: Uint8Array;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

/** A recovery key that is well formed but does not open this office. */
export class WrongRecoveryKeyError extends Error {
	override name = 'WrongRecoveryKeyError';
	constructor(options?: ErrorOptions) {
		super(
			'That recovery key does not open this office. Use the key from the newest recovery sheet.',
			options
		);
	}
}

/** A recovery key with a typo, or a new passphrase that is too weak; the message says which. */
export class RecoveryInputError extends Error {
	override name = 'RecoveryInputError';
	constructor(
		readonly field: 'key' | 'passphrase',
		message: string
	) {
		super(message);
	}
}

const AAD = utf8Encode('po-recovery-v1');

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

function personOf(directory: PeopleDirectory, personId: string): PersonRecord {
	const person = directory.person(personId);
	if (!person) throw new UnknownPersonError();
	return person;
}

/** Whether a recovery sheet was made for this person (on any device: it syncs). */
export function hasRecoveryKey(directory: PeopleDirectory, personId: string): boolean {
	return Boolean(directory.person(personId)?.recoveryWrappedPrivateKey);
}

/**
 * Makes a new recovery key for the signed-in person (the passphrase proves it is them) and
 * returns it, formatted for the sheet. It is not stored anywhere: the sheet shows it once.
 */
export async function createRecoveryKey(
	directory: PeopleDirectory,
	personId: string,
	passphrase: string
): Promise<string> {
	const person = personOf(directory, personId);
	const pkcs8 = await unwrapWithPassphrase(
		loadPassphraseWrap(person.wrappedPrivateKey),
		passphrase
	);
	const formatted = generateRecoveryKey();
	const parsed = parseRecoveryKey(formatted);
	if (!parsed.ok) throw new Error(parsed.message);
	const salt = randomBytes(16);
	const key = await deriveKey(parsed.key, salt, person.id);
	const sealed = await seal(key, pkcs8, AAD);
	pkcs8.fill(0);
	const wrapped: RecoveryWrapped = { kdf: 'HKDF-SHA256', salt, ...sealed };
	await directory.write((w) =>
		w.patchPerson(person.id, { recoveryWrappedPrivateKey: storeRecoveryWrap(wrapped) })
	);
	return formatted;
}

/**
 * Sets a new passphrase using the recovery key. Throws RecoveryInputError (typo, weak
 * passphrase) or WrongRecoveryKeyError; changes nothing unless it succeeds.
 */
export async function recoverWithKey(
	directory: PeopleDirectory,
	personId: string,
	typedKey: string,
	newPassphrase: string,
	iterations = PBKDF2_ITERATIONS
): Promise<void> {
	const parsed = parseRecoveryKey(typedKey);
	if (!parsed.ok) throw new RecoveryInputError('key', parsed.message);
	const problem = passphraseProblem(newPassphrase);
	if (problem) throw new RecoveryInputError('passphrase', problem);
	const person = personOf(directory, personId);
	const stored = person.recoveryWrappedPrivateKey;
	if (!stored) throw new WrongRecoveryKeyError();
	const wrapped = loadRecoveryWrap(stored);
	const key = await deriveKey(parsed.key, wrapped.salt, person.id);
	let pkcs8: Uint8Array;
	try {
		pkcs8 = await open(key, wrapped, AAD);
	} catch (cause) {
		throw new WrongRecoveryKeyError({ cause });
	}
	// A sheet made for a key pair the person no longer has would open none of their area keys.
	const { x, y } = await publicJwkOfPrivate(pkcs8);
	if (x !== person.publicJwk.x || y !== person.publicJwk.y) {
		pkcs8.fill(0);
		throw new WrongRecoveryKeyError();
	}
	const rewrapped = await wrapWithPassphrase(pkcs8, newPassphrase, iterations);
	pkcs8.fill(0);
	await directory.write((w) =>
		w.patchPerson(person.id, { wrappedPrivateKey: storePassphraseWrap(rewrapped) })
	);
}
