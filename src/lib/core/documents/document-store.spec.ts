import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SYNC_ENABLED_META_KEY } from '../storage/db';
import { StorageFullError, StorageWriteError } from '../storage/errors';
import { makeItem } from '../test-support/items';
import { tablesContaining } from '../test-support/storage-scan';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import type { DocumentRef } from './document-id';
import type { DocumentStore } from './document-store';
import { collection, readRecord, writeRecord } from './records';

const ALPHA: DocumentRef = { area: 'alpha' };
const CANARY = 'CANARY-7f3a';

let office: TestOffice;

beforeEach(async () => {
	office = await createTestOffice();
});

afterEach(async () => {
	vi.restoreAllMocks();
	await office.dispose();
});

/** The update rows of the alpha document: the office's people document has rows of its own. */
function alphaRows() {
	return office.db.updates.where('docId').equals('alpha');
}

async function itemsIn(store: DocumentStore, ref: DocumentRef = ALPHA) {
	const document = await store.open(ref);
	return collection(document.doc, 'items').toJSON();
}

async function writeItems(store: DocumentStore, numbers: number[], ref: DocumentRef = ALPHA) {
	const document = await store.open(ref);
	document.transact((doc) => {
		for (const n of numbers) writeRecord(doc, 'items', makeItem(n).id, makeItem(n));
	});
}

describe('DocumentStore', () => {
	it('keeps edits across a close and a fresh open with the same keys', async () => {
		const first = office.openStore();
		await writeItems(first, [1, 2]);
		const document = await first.open(ALPHA);
		document.transact((doc) => writeRecord(doc, 'items', makeItem(2).id, { qty: 42 }));
		await first.flush();
		await first.close();

		const second = office.openStore();
		expect(await itemsIn(second)).toEqual({
			[makeItem(1).id]: makeItem(1),
			[makeItem(2).id]: makeItem(2, { qty: 42 })
		});
	});

	it('keeps documents of different areas and periods apart', async () => {
		const first = office.openStore();
		await writeItems(first, [1], { area: 'alpha' });
		await writeItems(first, [2], { area: 'alpha', period: '2026-03' });
		await writeItems(first, [3], { area: 'beta' });
		await first.close();

		const second = office.openStore();
		expect(Object.keys(await itemsIn(second, { area: 'alpha' }))).toEqual([makeItem(1).id]);
		expect(Object.keys(await itemsIn(second, { area: 'alpha', period: '2026-03' }))).toEqual([
			makeItem(2).id
		]);
		expect(Object.keys(await itemsIn(second, { area: 'beta' }))).toEqual([makeItem(3).id]);
	});

	it('keeps every edit after compaction', { timeout: 60_000 }, async () => {
		const compactAfter = 500;
		const store = office.openStore({ compactAfter });
		// Creating the office left its people document's rows unsynced too.
		const before = await store.unsyncedCount();
		for (let n = 1; n <= 1200; n++) {
			await writeItems(store, [n]);
			await store.flush();
		}
		await store.close();

		const rows = await alphaRows().count();
		expect(rows).toBeLessThan(compactAfter);
		expect(await office.db.snapshots.get('alpha')).toBeDefined();

		const reopened = office.openStore();
		const items = await itemsIn(reopened);
		expect(Object.keys(items)).toHaveLength(1200);
		for (let n = 1; n <= 1200; n++) expect(items[makeItem(n).id]).toEqual(makeItem(n));
		// Sync is off: the rows folded into the snapshot are gone, only the newer ones count.
		expect(await reopened.unsyncedCount()).toBe(before + rows);
	});

	it('keeps unsynced rows through compaction when the office syncs, and drops them once synced', async () => {
		const store = office.openStore({ keepUnsynced: true });
		const before = await store.unsyncedCount();
		for (let n = 1; n <= 30; n++) {
			await writeItems(store, [n]);
			await store.flush();
		}
		await store.compact(ALPHA);
		expect(await store.logLength(ALPHA)).toBe(30);
		expect(await store.unsyncedCount()).toBe(before + 30);

		await office.db.updates.toCollection().modify({ synced: 1 });
		await writeItems(store, [31]);
		await store.compact(ALPHA);
		expect(await store.logLength(ALPHA)).toBe(1);
		expect(await store.unsyncedCount()).toBe(1);
		await store.close();
		expect(Object.keys(await itemsIn(office.openStore()))).toHaveLength(31);
	});

	it('keeps unsynced rows through compaction once sync is enabled on this device', async () => {
		await office.db.meta.put({ key: SYNC_ENABLED_META_KEY, value: true });
		const store = office.openStore();
		const before = await store.unsyncedCount();
		await writeItems(store, [1, 2]);
		await store.flush();
		await store.compact(ALPHA);
		expect(await store.unsyncedCount()).toBe(before + 1);
		expect(await store.logLength(ALPHA)).toBe(1);
	});

	it('folds the whole log into one snapshot when asked to compact', async () => {
		const store = office.openStore();
		const before = await store.unsyncedCount();
		for (let n = 1; n <= 30; n++) {
			await writeItems(store, [n]);
			await store.flush();
		}
		expect(await store.logLength(ALPHA)).toBe(30);
		expect(await store.unsyncedCount()).toBe(before + 30);

		await store.compact(ALPHA);
		expect(await store.logLength(ALPHA)).toBe(0);
		expect(await office.db.snapshots.get('alpha')).toBeDefined();
		expect(await store.unsyncedCount()).toBe(before);

		await writeItems(store, [31]);
		await store.close();
		const reopened = office.openStore();
		expect(Object.keys(await itemsIn(reopened))).toHaveLength(31);
	});

	it('stores no plaintext in IndexedDB, in update rows or in snapshots', async () => {
		const store = office.openStore();
		const document = await store.open(ALPHA);
		document.transact((doc) =>
			writeRecord(doc, 'items', `id-${CANARY}`, { id: `id-${CANARY}`, name: CANARY, qty: 1 })
		);
		await store.flush();
		await office.workspace.audit.record({
			action: 'create',
			target: 'alpha/items/x',
			detail: CANARY
		});

		expect(await alphaRows().count()).toBeGreaterThan(0);
		expect(await tablesContaining(office.db, CANARY)).toEqual([]);

		await store.compact(ALPHA);
		expect(await office.db.snapshots.get('alpha')).toBeDefined();
		expect(await tablesContaining(office.db, CANARY)).toEqual([]);
	});

	it('finds the canary when it is stored unencrypted, so the scan above can fail', async () => {
		const plain = new Y.Doc();
		plain.getMap('items').set('x', CANARY);
		await office.db.meta.put({ key: 'probe', value: Y.encodeStateAsUpdate(plain) });
		expect(await tablesContaining(office.db, CANARY)).toEqual(['meta']);
	});

	it.each([
		['a ciphertext byte', { ciphertext: true }],
		['a nonce byte', { nonce: true }],
		['the device id bound into the row', { deviceId: 'another-device' }],
		['the document the row claims to belong to', { docId: 'alpha/2026-01' }]
	])(
		'opens without a row whose %s was altered, and lists it, keeps it and never applies it',
		async (_label, change) => {
			const first = office.openStore();
			await writeItems(first, [1]);
			await first.close();

			const [row] = await alphaRows().toArray();
			const tampered = { ...row, ciphertext: row.ciphertext.slice(), nonce: row.nonce.slice() };
			if ('ciphertext' in change) tampered.ciphertext[3] ^= 0x01;
			if ('nonce' in change) tampered.nonce[0] ^= 0x80;
			if ('deviceId' in change) tampered.deviceId = change.deviceId;
			if ('docId' in change) {
				// Replayed into another document of the same area (same key, different context).
				await office.db.updates.delete(row.id);
				tampered.docId = change.docId;
			}
			await office.db.updates.put(tampered);
			const ref = { area: 'alpha', ...(tampered.docId === 'alpha' ? {} : { period: '2026-01' }) };

			for (const store of [office.openStore(), office.openStore()]) {
				expect(await itemsIn(store, ref)).toEqual({});
				expect(await store.isComplete(tampered.docId)).toBe(false);
				expect(store.unreadable.all()).toEqual([
					expect.objectContaining({
						docId: tampered.docId,
						rowId: row.id,
						deviceId: tampered.deviceId,
						reason: 'undecryptable'
					})
				]);
			}
			// Not skipped and not repaired: the row is still there, byte for byte.
			expect(await office.db.updates.get(row.id)).toEqual(tampered);
		}
	);

	it('lists a tampered snapshot instead of refusing the document', async () => {
		const first = office.openStore();
		await writeItems(first, [1]);
		await first.compact(ALPHA);
		await first.close();
		const snapshot = (await office.db.snapshots.get('alpha'))!;
		const ciphertext = snapshot.ciphertext.slice();
		ciphertext[ciphertext.length - 1] ^= 0x01;
		await office.db.snapshots.put({ ...snapshot, ciphertext });

		const store = office.openStore();
		expect(await itemsIn(store)).toEqual({});
		expect(store.unreadable.all()).toEqual([
			expect.objectContaining({ docId: 'alpha', rowId: null, reason: 'snapshot' })
		]);
		expect(await store.isComplete('alpha')).toBe(false);
	});

	describe('in two tabs', () => {
		const channel = () => ({ channelName: `${office.db.name}:docs` });

		it('shows an edit made in one tab in the other, through the broadcast channel', async () => {
			const tabA = office.openStore(channel());
			const tabB = office.openStore(channel());
			await tabB.open(ALPHA);

			await writeItems(tabA, [1]);
			await tabA.flush();

			await vi.waitFor(async () =>
				expect(await itemsIn(tabB)).toEqual({ [makeItem(1).id]: makeItem(1) })
			);
		});

		it('tells the other tab about the edits a closing tab saves last', async () => {
			const tabA = office.openStore(channel());
			const tabB = office.openStore(channel());
			await tabB.open(ALPHA);

			await writeItems(tabA, [1]);
			await tabA.close();

			await vi.waitFor(async () =>
				expect(await itemsIn(tabB)).toEqual({ [makeItem(1).id]: makeItem(1) })
			);
		});

		it('keeps both tabs edits when they interleave', async () => {
			const tabA = office.openStore(channel());
			const tabB = office.openStore(channel());
			for (let n = 1; n <= 10; n++) {
				await writeItems(n % 2 === 0 ? tabA : tabB, [n]);
				await Promise.all([tabA.flush(), tabB.flush()]);
			}
			await vi.waitFor(async () => {
				expect(Object.keys(await itemsIn(tabA))).toHaveLength(10);
				expect(Object.keys(await itemsIn(tabB))).toHaveLength(10);
			});
			await Promise.all([tabA.close(), tabB.close()]);
			expect(Object.keys(await itemsIn(office.openStore()))).toHaveLength(10);
		});
	});

	describe('when a write fails', () => {
		it.each([
			['the disk is full', new DOMException('full', 'QuotaExceededError'), StorageFullError],
			[
				'Dexie reports a full disk inside its own error',
				{ name: 'AbortError', inner: { name: 'QuotaExceededError' } },
				StorageFullError
			],
			['anything else goes wrong', new DOMException('broken', 'UnknownError'), StorageWriteError]
		])(
			'rejects flush when %s, keeps the edit in memory and saves it on the next flush',
			async (_label, failure, expected) => {
				const store = office.openStore();
				const document = await store.open(ALPHA);
				const add = vi.spyOn(office.db.updates, 'add').mockRejectedValue(failure);

				document.transact((doc) => writeRecord(doc, 'items', makeItem(1).id, makeItem(1)));
				await expect(store.flush()).rejects.toBeInstanceOf(expected);
				expect(readRecord(collection(document.doc, 'items').get(makeItem(1).id))).toEqual(
					makeItem(1)
				);
				expect(await alphaRows().count()).toBe(0);

				add.mockRestore();
				await store.flush();
				expect(await alphaRows().count()).toBe(1);
				await store.close();
				expect(await itemsIn(office.openStore())).toEqual({ [makeItem(1).id]: makeItem(1) });
			}
		);

		it('retries a write that failed once before flush reports, so a passing hiccup is no error', async () => {
			const store = office.openStore();
			const document = await store.open(ALPHA);
			const add = vi
				.spyOn(office.db.updates, 'add')
				.mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));

			document.transact((doc) => writeRecord(doc, 'items', makeItem(1).id, makeItem(1)));
			await store.flush();
			expect(add).toHaveBeenCalledTimes(2);
			expect(await alphaRows().count()).toBe(1);
		});

		it('keeps later edits queued behind the failed one, in order', async () => {
			const store = office.openStore();
			const document = await store.open(ALPHA);
			const add = vi
				.spyOn(office.db.updates, 'add')
				.mockRejectedValue(new DOMException('full', 'QuotaExceededError'));

			document.transact((doc) => writeRecord(doc, 'items', makeItem(1).id, makeItem(1)));
			await expect(store.flush()).rejects.toBeInstanceOf(StorageFullError);
			document.transact((doc) => writeRecord(doc, 'items', makeItem(1).id, { qty: 7 }));
			await expect(store.flush()).rejects.toBeInstanceOf(StorageFullError);

			add.mockRestore();
			await store.flush();
			expect(await alphaRows().count()).toBe(1);

			await store.close();
			expect(await itemsIn(office.openStore())).toEqual({
				[makeItem(1).id]: makeItem(1, { qty: 7 })
			});
		});
	});
});
