/**
 * Recovering from a forgotten passphrase with the recovery key (recovery-key.ts).
 *
 * Making a recovery sheet gives the person a new key pair (own-secret.ts, `rekey`), sealed under
 * both their passphrase and the new recovery key — so an older sheet, and anything its key
 * could open, opens nothing current. Recovering opens the secret with the recovery key and gives
 * the person a new key pair again, under the new passphrase: the sheet is used up, and whoever
 * knew the forgotten passphrase is locked out too. Office data is never re-encrypted for this;
 * managers' devices give the areas the old keys could open new keys (reconcile.ts).
 */
import type { AuthorityLog } from '../authority/authority-log';
import { passphraseProblem, PBKDF2_ITERATIONS } from '../crypto/passphrase';
import { openBytes, openWithPassphrase, rekey } from './own-secret';
import type { PersonKeys } from './person-secret';
import { generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { unwrapWithRecoveryKey } from './recovery-wrap';
import { loadRecoveryWrap } from './stored-wraps';
import { UnknownPersonError } from './vault';

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

/** Whether a recovery sheet was made for this person's current keys (on any device). */
export function hasRecoveryKey(log: AuthorityLog, personId: string): boolean {
	return Boolean(log.state?.persons.get(personId)?.recovery);
}

/**
 * Makes a new recovery key for the person (the passphrase proves it is them), with a new key
 * pair sealed under both. Returns the key, formatted for the sheet (it is stored nowhere: the
 * sheet shows it once), and the new keys for the signed-in session.
 */
export async function createRecoveryKey(
	log: AuthorityLog,
	personId: string,
	passphrase: string,
	iterations = PBKDF2_ITERATIONS
): Promise<{ recoveryKey: string; keys: PersonKeys }> {
	const secret = await openWithPassphrase(log, personId, passphrase);
	try {
		const recoveryKey = generateRecoveryKey();
		const parsed = parseRecoveryKey(recoveryKey);
		if (!parsed.ok) throw new Error(parsed.message);
		const keys = await rekey(log, secret, { passphrase, recoveryKey: parsed.key, iterations });
		return { recoveryKey, keys };
	} finally {
		secret.bytes.fill(0);
	}
}

/**
 * Sets a new passphrase using the recovery key, with a new key pair. Throws RecoveryInputError
 * (typo, weak passphrase) or WrongRecoveryKeyError; changes nothing unless it succeeds.
 */
export async function recoverWithKey(
	log: AuthorityLog,
	personId: string,
	typedKey: string,
	newPassphrase: string,
	iterations = PBKDF2_ITERATIONS
): Promise<PersonKeys> {
	const parsed = parseRecoveryKey(typedKey);
	if (!parsed.ok) throw new RecoveryInputError('key', parsed.message);
	const problem = passphraseProblem(newPassphrase);
	if (problem) throw new RecoveryInputError('passphrase', problem);
	const state = log.require();
	const person = state.persons.get(personId);
	if (!person) throw new UnknownPersonError();
	if (!person.recovery) throw new WrongRecoveryKeyError();
	let bytes: Uint8Array;
	try {
		bytes = await unwrapWithRecoveryKey(loadRecoveryWrap(person.recovery), parsed.key, personId);
	} catch (cause) {
		throw new WrongRecoveryKeyError({ cause });
	}
	try {
		// A sheet made for keys the person no longer has would open none of their area keys.
		const secret = await openBytes(state, person, bytes, person.recovery.v).catch((cause) => {
			throw new WrongRecoveryKeyError({ cause });
		});
		return await rekey(log, secret, { passphrase: newPassphrase, iterations });
	} finally {
		bytes.fill(0);
	}
}
