/**
 * Copies every table of a device database into an empty one, row ids included (they are the
 * device's `deviceSeq`s). Lets a benchmark sync a copy of a shared fixture, whose other users
 * must not see what syncing writes (the sync flag, the outbox rows it queues, cursors).
 */
import type { OfficeDatabase } from '$lib/core/storage/db';

export async function copyDatabase(from: OfficeDatabase, to: OfficeDatabase): Promise<void> {
	const tables = from.tables.map((table) => table.name);
	// Read first: awaiting another database inside a Dexie transaction would end the transaction.
	const contents = await Promise.all(tables.map((name) => from.table(name).toArray()));
	await to.transaction('rw', tables, async () => {
		for (const [i, name] of tables.entries()) await to.table(name).bulkPut(contents[i]);
	});
}
