/**
 * Opening audit entries, for those who hold the audit-read key (managers): the audit key's
 * private half is opened once per audit key, and each writer's month key (entry-key.ts) once
 * per ephemeral key; both are kept in memory only for as long as the AuditLog is.
 */
import { AUDIT_READ_AREA, type AuthorityState } from '../authority/state';
import { DecryptionError } from '../crypto/errors';
import type { AreaKeyring } from '../keys/area-keyring';
import { openAuditKey } from '../keys/audit-key';
import { openCarried, type CarriedContent, type CarriedRecord } from './carried-entry';
import { openingKey } from './entry-key';
import { openContent, type AuditContent, type SealedEntry } from './sealed-entry';

/** Opens sealed entries and carried-over records; DecryptionError for what does not open. */
export interface EntryOpener {
	sealed(
		entry: SealedEntry,
		chainDevice: string,
		epk: JsonWebKey | undefined
	): Promise<AuditContent>;
	carried(record: CarriedRecord, epk: JsonWebKey | undefined): Promise<CarriedContent>;
}

/** Only managers hold the audit-read key; everyone else gets this when reading the log. */
export class AuditReadError extends Error {
	override name = 'AuditReadError';
	constructor(message = 'Only office managers can read the audit log.') {
		super(message);
	}
}

/** Keys opened so far, by audit key and by ephemeral key. */
export class OpeningKeys {
	readonly privates = new Map<string, Promise<CryptoKey | null>>();
	readonly derived = new Map<string, Promise<CryptoKey>>();

	clear(): void {
		this.privates.clear();
		this.derived.clear();
	}
}

/** Whether this keyring can read the log at all. */
export function canRead(keyring: AreaKeyring): boolean {
	return keyring.has(AUDIT_READ_AREA);
}

/** An opener for the signed-in manager; AuditReadError for anyone else. */
export function entryOpener(
	cache: OpeningKeys,
	keyring: AreaKeyring,
	officeId: string,
	state: AuthorityState | null
): EntryOpener {
	if (!canRead(keyring)) throw new AuditReadError();

	function auditPrivate(ref: string): Promise<CryptoKey | null> {
		let opening = cache.privates.get(ref);
		if (!opening) {
			const auditKey = state?.auditKeys.get(ref);
			opening = auditKey ? openAuditKey(keyring, auditKey) : Promise.resolve(null);
			// A key not held yet may arrive later in the session: only keep what opened.
			opening.then(
				(key) => key || cache.privates.delete(ref),
				() => cache.privates.delete(ref)
			);
			cache.privates.set(ref, opening);
		}
		return opening;
	}

	async function keyFor(ref: string, epkId: string, epk: JsonWebKey | undefined) {
		if (!epk) throw new DecryptionError();
		const id = `${epkId}|${ref}`;
		let deriving = cache.derived.get(id);
		if (!deriving) {
			deriving = (async () => {
				const key = await auditPrivate(ref);
				if (!key) throw new DecryptionError();
				return openingKey(key, epk, epkId, ref);
			})();
			deriving.catch(() => cache.derived.delete(id));
			cache.derived.set(id, deriving);
		}
		return deriving;
	}

	return {
		async sealed(entry, chainDevice, epk) {
			return openContent(await keyFor(entry.key, entry.epk, epk), officeId, chainDevice, entry);
		},
		async carried(record, epk) {
			return openCarried(await keyFor(record.key, record.epk, epk), officeId, record);
		}
	};
}
