/**
 * Which stored rows make up the office (and go into a backup), and which belong to this device
 * only (and never do): the device's own identity and signing key, sync cursors and flags, blob
 * requests, reminders. A restored browser is a new device with rows of its own.
 */
import { PEOPLE_KEY_META_KEY } from '../keys/people-keys';
import type { OfficeDatabase } from '../storage/db';
import type { TableCounts } from './format';

/** The meta row holding the office record (vault.ts). */
export const OFFICE_META_KEY = 'office';
const AUDIT_HEAD_PREFIX = 'audit-head:';

/**
 * Whether a meta row belongs to the office: the office record, its people keys (without them no
 * one could sign in on the restored device) and audit chain heads. Audit chain heads are kept: a restored device starts
 * a chain of its own, and the old device's head still shows if its chain was cut short.
 */
export function isOfficeMeta(key: string): boolean {
	return (
		key === OFFICE_META_KEY || key === PEOPLE_KEY_META_KEY || key.startsWith(AUDIT_HEAD_PREFIX)
	);
}

/** How many rows of each office table there are now. */
export async function countOfficeRows(db: OfficeDatabase): Promise<TableCounts> {
	const [updates, snapshots, blobs, identities, keyring, meta] = await Promise.all([
		db.updates.count(),
		db.snapshots.count(),
		db.blobs.count(),
		db.identities.count(),
		db.keyring.count(),
		db.meta.filter((row) => isOfficeMeta(row.key)).count()
	]);
	return { updates, snapshots, blobs, identities, keyring, meta };
}

/** A count of zero for every table. */
export function emptyCounts(): TableCounts {
	return { updates: 0, snapshots: 0, blobs: 0, identities: 0, keyring: 0, meta: 0 };
}
