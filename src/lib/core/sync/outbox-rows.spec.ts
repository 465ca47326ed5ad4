import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';
import { deleteDatabase, testDatabase } from '../test-support/test-office';
import { markSynced, storedThrough } from './outbox-rows';
import { cursorKey } from './sync-meta';

let db: OfficeDatabase;

beforeEach(() => {
	db = testDatabase();
});

afterEach(async () => {
	await deleteDatabase(db);
});

async function addRow(docId: string): Promise<number> {
	const row = { docId, epoch: 1, deviceId: 'me', nonce: new Uint8Array(12), synced: 0 as const };
	return (await db.updates.add({ ...row, ciphertext: new Uint8Array(4) })) as number;
}

describe('markSynced', () => {
	it('marks the rows synced and leaves the cursor to received pages', async () => {
		const ids = [await addRow('alpha'), await addRow('alpha')];
		await writeMeta(db, cursorKey('alpha'), 4);

		await markSynced(db, ids, [
			{ docId: 'alpha', seq: 5 },
			{ docId: 'alpha', seq: 6 }
		]);

		expect((await db.updates.bulkGet(ids)).map((row) => row?.synced)).toEqual([1, 1]);
		// Own items come back in a later backlog, which is when a relay snapshot may fall due.
		expect(await readMeta(db, cursorKey('alpha'), 0)).toBe(4);
	});
});

describe('storedThrough', () => {
	it('runs past own acknowledged items right after the cursor, stopping at a gap', async () => {
		await writeMeta(db, cursorKey('alpha'), 4);
		await markSynced(
			db,
			[],
			[
				{ docId: 'alpha', seq: 6 },
				{ docId: 'alpha', seq: 5 },
				{ docId: 'alpha', seq: 8 }
			]
		);

		// Item 7 is another device's and not stored yet: nothing past it is covered.
		expect(await storedThrough(db, 'alpha')).toBe(6);
		expect(await storedThrough(db, 'beta')).toBe(0);
	});

	it('is the cursor when the cursor is already past the acknowledged items', async () => {
		await writeMeta(db, cursorKey('alpha'), 9);
		await markSynced(db, [], [{ docId: 'alpha', seq: 3 }]);
		expect(await storedThrough(db, 'alpha')).toBe(9);
	});
});
