/**
 * Changing one's passphrase. Normally only the sealing of the person's secret changes — nothing
 * else is touched. When the person says the old passphrase may be known (written down, seen,
 * shared), they get a new key pair instead (own-secret.ts, `rekey`), so nothing sealed under the
 * old one — in old copies of the people document, backups, other devices — opens anything
 * current.
 */
import type { AuthorityLog } from '../authority/authority-log';
import { passphraseProblem, PBKDF2_ITERATIONS } from '../crypto/passphrase';
import { openWithPassphrase, rekey, rewrap } from './own-secret';
import type { PersonKeys } from './person-secret';

/** A new passphrase that is too weak; the message says why. */
export class WeakPassphraseError extends Error {
	override name = 'WeakPassphraseError';
}

/**
 * Seals the person's secret under `next` (with a new key pair when `oldMayBeKnown`). Throws
 * WrongPassphraseError when `current` is wrong, WeakPassphraseError or UnknownPersonError;
 * changes nothing unless it succeeds. Returns the person's keys from now on.
 */
export async function changePassphrase(
	log: AuthorityLog,
	personId: string,
	current: string,
	next: string,
	options: { oldMayBeKnown?: boolean; iterations?: number } = {}
): Promise<PersonKeys> {
	const problem = passphraseProblem(next);
	if (problem) throw new WeakPassphraseError(problem);
	const secret = await openWithPassphrase(log, personId, current);
	const sealing = { passphrase: next, iterations: options.iterations ?? PBKDF2_ITERATIONS };
	try {
		return options.oldMayBeKnown
			? await rekey(log, secret, sealing)
			: await rewrap(log, secret, sealing);
	} finally {
		secret.bytes.fill(0);
	}
}
