import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './store';

const dirs: string[] = [];

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStore(): Store {
	const dir = mkdtempSync(join(tmpdir(), 'po-store-'));
	dirs.push(dir);
	return Store.open(join(dir, 'relay.sqlite'));
}

const key = Buffer.alloc(32, 1);
const bounds = { quotaBytes: 10_000, maxDocuments: 10 };

describe('relay store', () => {
	it('opens in WAL mode with synchronous FULL', () => {
		const store = openStore();
		expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
		store.close();
	});

	it('keeps the office byte count equal to what it stores, through pushes and snapshots', () => {
		const store = openStore();
		const device = store.registerOffice('o', 'd', key, 10);
		const write = (deviceSeq: number, size: number) => ({
			officeId: 'o',
			deviceKey: device.key,
			docId: 'directory',
			deviceSeq,
			epoch: 1,
			nonce: Buffer.alloc(12),
			signature: Buffer.alloc(64),
			payload: Buffer.alloc(size)
		});
		for (let i = 1; i <= 5; i++) store.documents.push(write(i, 100), bounds);
		store.documents.snapshot({ ...write(6, 250), covers: 3 }, bounds);
		const counted = () => store.db.prepare('SELECT bytes FROM offices').pluck().get();
		const actual = () =>
			store.db
				.prepare('SELECT (SELECT TOTAL(size) FROM items) + (SELECT TOTAL(size) FROM snapshots)')
				.pluck()
				.get();
		expect(counted()).toBe(450);
		expect(actual()).toBe(450);
		store.documents.snapshot({ ...write(7, 50), covers: 5 }, bounds);
		expect(counted()).toBe(50);
		expect(actual()).toBe(50);
		store.close();
	});

	it('reports itself unhealthy once closed', () => {
		const store = openStore();
		expect(store.healthy()).toBe(true);
		store.close();
		expect(store.healthy()).toBe(false);
	});
});
