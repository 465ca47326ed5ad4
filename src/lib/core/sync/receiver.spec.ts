import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes, toBase64 } from '../bytes';
import type { OfficeDatabase } from '../storage/db';
import { deleteDatabase, testDatabase } from '../test-support/test-office';
import type { UpdatesHeader, UpdatesItem } from './messages';
import { BacklogProgress, storePage } from './receiver';
import { cursorKey, readCursors } from './sync-meta';

const ME = 'device-me';

let db: OfficeDatabase;

beforeEach(() => {
	db = testDatabase();
});

afterEach(async () => {
	vi.restoreAllMocks();
	await deleteDatabase(db);
});

function page(seqs: number[], options: { deviceId?: (seq: number) => string } = {}) {
	const ciphertexts = seqs.map(() => randomBytes(16));
	const items: UpdatesItem[] = seqs.map((seq, i) => ({
		seq,
		kind: 'update',
		deviceId: options.deviceId?.(seq) ?? 'device-other',
		deviceSeq: seq,
		epoch: 1,
		nonce: toBase64(randomBytes(12)),
		signature: toBase64(randomBytes(64)),
		size: ciphertexts[i].length
	}));
	const latest = Math.max(0, ...seqs);
	const header: UpdatesHeader = {
		docId: 'alpha',
		items,
		more: false,
		latest,
		sinceSnapshot: latest
	};
	// As they come off the wire: views into one frame.
	const frame = new Uint8Array(ciphertexts.reduce((n, c) => n + c.length, 0));
	let offset = 0;
	const views = ciphertexts.map((c) => {
		frame.set(c, offset);
		offset += c.length;
		return frame.subarray(offset - c.length, offset);
	});
	return { header, ciphertexts: views };
}

describe('storePage', () => {
	it('stores items as synced rows with their own bytes, and moves the cursor', async () => {
		const { header, ciphertexts } = page([1, 2, 3]);
		expect(await storePage(db, ME, header, ciphertexts)).toMatchObject({ stored: 3, cursor: 3 });

		const rows = await db.updates.toArray();
		expect(rows.map((row) => [row.synced, row.deviceId])).toEqual(
			Array(3).fill([1, 'device-other'])
		);
		expect(rows[1].ciphertext).toEqual(ciphertexts[1]);
		expect(rows[1].ciphertext.byteLength).toBe(16);
		expect(toBase64(rows[2].nonce)).toBe(header.items[2].nonce);
		expect(await readCursors(db)).toEqual({ alpha: 3 });
	});

	it('skips items at or below the cursor: a page received twice is stored once', async () => {
		const first = page([1, 2]);
		await storePage(db, ME, first.header, first.ciphertexts);
		const again = page([2, 3]);
		expect(await storePage(db, ME, again.header, again.ciphertexts)).toMatchObject({ stored: 1 });
		expect(await db.updates.count()).toBe(3);
	});

	it('moves the cursor past this device’s own items without storing them again', async () => {
		const { header, ciphertexts } = page([1, 2, 3], { deviceId: (seq) => (seq === 2 ? ME : 'x') });
		expect(await storePage(db, ME, header, ciphertexts)).toMatchObject({ stored: 2, cursor: 3 });
		expect((await db.updates.toArray()).filter((row) => row.deviceId === ME)).toEqual([]);
	});

	it('stores neither rows nor cursor when the write fails, so the page can come again', async () => {
		const { header, ciphertexts } = page([1, 2]);
		vi.spyOn(db.updates, 'bulkAdd').mockRejectedValueOnce(
			new DOMException('full', 'QuotaExceededError')
		);
		await expect(storePage(db, ME, header, ciphertexts)).rejects.toBeDefined();
		expect(await db.updates.count()).toBe(0);
		expect(await db.meta.get(cursorKey('alpha'))).toBeUndefined();

		expect(await storePage(db, ME, header, ciphertexts)).toMatchObject({ stored: 2 });
	});
});

describe('BacklogProgress', () => {
	it('adds up every document from its cursor to the latest seq announced', () => {
		const progress = new BacklogProgress();
		progress.record({ docId: 'a', stored: 5, cursorBefore: 10, cursor: 15 }, 30);
		expect(progress.record({ docId: 'b', stored: 4, cursorBefore: 0, cursor: 4 }, 4)).toEqual({
			received: 9,
			total: 24
		});
		expect(progress.record({ docId: 'a', stored: 15, cursorBefore: 15, cursor: 30 }, 31)).toEqual({
			received: 24,
			total: 24
		});
	});
});
