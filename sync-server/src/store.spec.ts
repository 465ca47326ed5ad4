import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedRows } from '../test-support/database';
import { Store } from './store';

const dirs: string[] = [];

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStore(): { store: Store; path: string } {
	const dir = mkdtempSync(join(tmpdir(), 'po-store-'));
	dirs.push(dir);
	const path = join(dir, 'relay.sqlite');
	return { store: Store.open(path), path };
}

const key = Buffer.alloc(32, 1);
const admin = Buffer.alloc(32, 9).toString('base64');
const bounds = { quotaBytes: 10_000, maxDocuments: 10 };

describe('relay store', () => {
	it('opens in WAL mode with synchronous FULL', () => {
		const { store } = openStore();
		expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
		store.close();
	});

	it('keeps the office byte count equal to what it stores, through pending and applied snapshots', () => {
		const { store, path } = openStore();
		const writer = store.registerOffice('o', 'd', key, admin, 10);
		store.devices.add('o', 'other', Buffer.alloc(32, 2), admin, 10);
		const other = store.device('o', 'other')!;
		const write = (deviceSeq: number, size: number) => ({
			officeId: 'o',
			deviceKey: writer.key,
			docId: 'directory',
			deviceSeq,
			epoch: 1,
			nonce: Buffer.alloc(12, deviceSeq),
			signature: Buffer.alloc(64, deviceSeq),
			link: '',
			payload: Buffer.alloc(size)
		});
		const named = (deviceSeq: number, covers: number) => ({
			docId: 'directory',
			covers,
			nonce: Buffer.alloc(12, deviceSeq).toString('base64')
		});
		const counted = () => {
			const rows = storedRows(path);
			expect(rows.bytes).toEqual([rows.actualBytes]);
			return rows.actualBytes;
		};
		for (let i = 1; i <= 5; i++) store.documents.push(write(i, 100), bounds);
		store.compaction.propose({ ...write(6, 250), covers: 3 }, bounds.quotaBytes);
		expect(counted()).toBe(750);
		store.compaction.propose({ ...write(7, 200), covers: 3 }, bounds.quotaBytes);
		expect(counted()).toBe(700);
		expect(store.compaction.dispute('o', other.key, named(7, 3))).toEqual({ writer: 'd' });
		expect(counted()).toBe(500);
		store.compaction.propose({ ...write(8, 250), covers: 3 }, bounds.quotaBytes);
		expect(store.compaction.confirm('o', other.key, named(8, 3), 1)).toMatchObject({
			outcome: 'applied'
		});
		expect(counted()).toBe(450);
		store.compaction.propose({ ...write(9, 50), covers: 5 }, bounds.quotaBytes);
		store.compaction.confirm('o', other.key, named(9, 5), 1);
		expect(counted()).toBe(50);
		store.close();
	});

	it('reports itself unhealthy once closed', () => {
		const { store } = openStore();
		expect(store.healthy()).toBe(true);
		store.close();
		expect(store.healthy()).toBe(false);
	});
});
