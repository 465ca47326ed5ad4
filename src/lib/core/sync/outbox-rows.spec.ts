import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';
import { deleteDatabase, testDatabase } from '../test-support/test-office';
import { markSynced } from './outbox-rows';
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
	it('moves the cursor past acknowledged items right after it, stopping at a gap', async () => {
		const ids = [await addRow('alpha'), await addRow('alpha'), await addRow('alpha')];
		await writeMeta(db, cursorKey('alpha'), 4);

		await markSynced(db, ids, [
			{ docId: 'alpha', seq: 6 },
			{ docId: 'alpha', seq: 5 },
			{ docId: 'alpha', seq: 8 }
		]);

		// Item 7 is another device's and not stored yet: the cursor must not pass it.
		expect(await readMeta(db, cursorKey('alpha'), 0)).toBe(6);
		expect((await db.updates.bulkGet(ids)).map((row) => row?.synced)).toEqual([1, 1, 1]);
	});

	it('leaves a cursor already past the acknowledged items where it is', async () => {
		await writeMeta(db, cursorKey('alpha'), 9);
		await markSynced(db, [], [{ docId: 'alpha', seq: 3 }]);
		expect(await readMeta(db, cursorKey('alpha'), 0)).toBe(9);
	});
});
