/**
 * Changing a person's passphrase. Only the wrapping of their private key changes: the same key
 * is unwrapped with the current passphrase and wrapped again under the new one, so every area
 * key wrapped to them (and all office data) stays as it is — nothing is re-encrypted. The PIN
 * and recovery-sheet wrappings hold the same private key and keep working.
 */
import {
	PBKDF2_ITERATIONS,
	passphraseProblem,
	unwrapWithPassphrase,
	wrapWithPassphrase
} from '../crypto/passphrase';
import type { PeopleDirectory } from '../people/people-directory';
import { loadPassphraseWrap, storePassphraseWrap } from './stored-wraps';
import { UnknownPersonError } from './vault';

/** A new passphrase that is too weak; the message says why. */
export class WeakPassphraseError extends Error {
	override name = 'WeakPassphraseError';
}

/**
 * Re-wraps the person's private key under `next`. Throws WrongPassphraseError when `current`
 * is wrong, WeakPassphraseError or UnknownPersonError; changes nothing unless it succeeds.
 */
export async function changePassphrase(
	directory: PeopleDirectory,
	personId: string,
	current: string,
	next: string,
	iterations = PBKDF2_ITERATIONS
): Promise<void> {
	const person = directory.person(personId);
	if (!person) throw new UnknownPersonError();
	const problem = passphraseProblem(next);
	if (problem) throw new WeakPassphraseError(problem);
	const pkcs8 = await unwrapWithPassphrase(loadPassphraseWrap(person.wrappedPrivateKey), current);
	try {
		const wrapped = await wrapWithPassphrase(pkcs8, next, iterations);
		await directory.write((w) =>
			w.patchPerson(personId, { wrappedPrivateKey: storePassphraseWrap(wrapped) })
		);
	} finally {
		pkcs8.fill(0);
	}
}
