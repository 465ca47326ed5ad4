/**
 * The office's people document in tests: opening it on a database that has an office, and reading
 * its stored rows (which are not any test area's rows, so counts of those leave them out).
 */
import { documentId } from '../documents/document-id';
import { readPeopleKey } from '../keys/people-key';
import { ensureDevice } from '../keys/vault';
import { PEOPLE_DOCUMENT, PeopleDirectory } from '../people/people-directory';
import type { OfficeDatabase } from '../storage/db';

/** The people document's id in the updates and snapshots tables. */
export const PEOPLE_DOC_ID = documentId(PEOPLE_DOCUMENT);

/** Opens the people document with the device's people key; close it after. */
export async function openPeople(db: OfficeDatabase): Promise<PeopleDirectory> {
	const peopleKey = await readPeopleKey(db);
	if (!peopleKey) throw new Error('This database has no people key.');
	const device = await ensureDevice(db);
	return PeopleDirectory.open(db, peopleKey, device.deviceId, { channelName: null });
}

/** Runs `use` with the people document open, and closes it whatever happens. */
export async function withPeople<T>(
	db: OfficeDatabase,
	use: (directory: PeopleDirectory) => Promise<T> | T
): Promise<T> {
	const directory = await openPeople(db);
	try {
		return await use(directory);
	} finally {
		await directory.close();
	}
}
