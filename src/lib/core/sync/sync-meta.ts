/**
 * What the sync client keeps in the device's `meta` table: one cursor per document (the highest
 * relay `seq` stored locally), whether this device syncs and registered the office, and when it
 * was last in step. None of it is office data.
 */
import { readMeta, SYNC_ENABLED_META_KEY, writeMeta, type OfficeDatabase } from '../storage/db';

const CURSOR_PREFIX = 'cursor:';
const REGISTERED_KEY = 'sync:registered';
const LAST_SYNCED_KEY = 'sync:lastSyncedAt';

/** The meta key of one document's cursor. */
export function cursorKey(docId: string): string {
	return `${CURSOR_PREFIX}${docId}`;
}

/** Every document's cursor, for SUBSCRIBE. */
export async function readCursors(db: OfficeDatabase): Promise<Record<string, number>> {
	const rows = await db.meta.where('key').startsWith(CURSOR_PREFIX).toArray();
	const cursors: Record<string, number> = {};
	for (const row of rows) {
		if (typeof row.value === 'number') cursors[row.key.slice(CURSOR_PREFIX.length)] = row.value;
	}
	return cursors;
}

/** Whether this device already created the office on the relay (then it signs in with AUTH). */
export async function isRegistered(db: OfficeDatabase, officeId: string): Promise<boolean> {
	return (await readMeta<string | null>(db, REGISTERED_KEY, null)) === officeId;
}

/** Remembers that the relay knows the office, so the next handshake is AUTH. */
export function markRegistered(db: OfficeDatabase, officeId: string): Promise<void> {
	return writeMeta(db, REGISTERED_KEY, officeId);
}

/** When this device was last in step with the relay (ISO instant), if ever. */
export function readLastSynced(db: OfficeDatabase): Promise<string | null> {
	return readMeta<string | null>(db, LAST_SYNCED_KEY, null);
}

/** Remembers when this device was last in step with the relay. */
export function writeLastSynced(db: OfficeDatabase, at: string): Promise<void> {
	return writeMeta(db, LAST_SYNCED_KEY, at);
}

/**
 * Marks this device as syncing (from now on compaction keeps unsynced rows). The first time,
 * each local snapshot this device sealed is queued as an unsynced row: edits folded into a
 * snapshot while sync was off have no row left, and would otherwise never reach the relay. A
 * snapshot is sealed exactly like an update (same key, same associated data), so its bytes go
 * out unchanged; applying a whole state on top of the rest changes nothing.
 */
export async function enableSync(db: OfficeDatabase, deviceId: string): Promise<void> {
	await db.transaction('rw', db.meta, db.snapshots, db.updates, async () => {
		if ((await readMeta(db, SYNC_ENABLED_META_KEY, false)) === true) return;
		const snapshots = await db.snapshots.toArray();
		const rows = snapshots
			.filter((snapshot) => snapshot.deviceId === deviceId)
			// The link too: it is bound into the ciphertext, which does not open without it.
			.map(({ docId, epoch, nonce, ciphertext, link }) => ({
				docId,
				epoch,
				deviceId,
				nonce,
				ciphertext,
				link,
				synced: 0 as const
			}));
		await db.updates.bulkAdd(rows);
		await writeMeta(db, SYNC_ENABLED_META_KEY, true);
	});
}
