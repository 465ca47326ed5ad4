/**
 * The office's authority in tests: opening it on a database that has an office, and reading the
 * people document's stored rows (which are not any test area's rows, so counts of those leave
 * them out).
 */
import type { AuthorityLog } from '../authority/authority-log';
import { PEOPLE_DOCUMENT } from '../authority/authority-log';
import { documentId } from '../documents/document-id';
import { openAuthority } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';

/** The people document's id in the updates and snapshots tables. */
export const PEOPLE_DOC_ID = documentId(PEOPLE_DOCUMENT);

/** Opens the authority log with the device's people keys; close it after. */
export async function openPeople(db: OfficeDatabase): Promise<AuthorityLog> {
	const log = await openAuthority(db, { channelName: null });
	if (!log) throw new Error('This database has no office with people keys.');
	return log;
}

/** Runs `use` with the authority log open, and closes it whatever happens. */
export async function withPeople<T>(
	db: OfficeDatabase,
	use: (log: AuthorityLog) => Promise<T> | T
): Promise<T> {
	const log = await openPeople(db);
	try {
		return await use(log);
	} finally {
		await log.close();
	}
}
