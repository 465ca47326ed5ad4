import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './store';

const dirs: string[] = [];

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storePath(): string {
	const dir = mkdtempSync(join(tmpdir(), 'po-blobs-'));
	dirs.push(dir);
	return join(dir, 'relay.sqlite');
}

const key = Buffer.alloc(32, 1);

function blob(deviceKey: number, blobId: string, size: number) {
	return {
		officeId: 'o',
		deviceKey,
		blobId,
		epoch: 1,
		nonce: Buffer.alloc(12),
		signature: Buffer.alloc(64),
		payload: Buffer.alloc(size, 7)
	};
}

const officeBytes = (store: Store) =>
	(store.db.prepare('SELECT bytes FROM offices').get() as { bytes: number }).bytes;

describe('relay blob store', () => {
	it('counts a blob against the quota once, however often its device puts it', () => {
		const store = Store.open(storePath());
		const device = store.registerOffice('o', 'd', key, 10);
		expect(store.blobs.put(blob(device.key, 'b1', 600), 1000)).toEqual({ duplicate: false });
		expect(store.blobs.put(blob(device.key, 'b1', 600), 1000)).toEqual({ duplicate: true });
		expect(officeBytes(store)).toBe(600);
		expect(() => store.blobs.put(blob(device.key, 'b2', 600), 1000)).toThrow(
			expect.objectContaining({ code: 'quota' })
		);
		expect(store.blobs.get('o', 'b2')).toBeUndefined();
		expect(store.blobs.get('o', 'b1')).toMatchObject({ deviceId: 'd', size: 600, epoch: 1 });
		store.close();
	});

	it('refuses a blob from a revoked device', () => {
		const store = Store.open(storePath());
		const first = store.registerOffice('o', 'd1', key, 10);
		store.addDevice('o', 'd2', Buffer.alloc(32, 2), 10);
		const second = store.device('o', 'd2')!;
		store.revokeDevice('o', 'd2');
		expect(() => store.blobs.put(blob(second.key, 'b1', 10), 1000)).toThrow(
			expect.objectContaining({ code: 'revoked' })
		);
		expect(store.blobs.put(blob(first.key, 'b1', 10), 1000)).toEqual({ duplicate: false });
		store.close();
	});

	it('adds the blobs table to a database of schema version 1', () => {
		const path = storePath();
		Store.open(path).close();
		const old = new Database(path);
		old.exec('DROP TABLE blobs');
		old.pragma('user_version = 1');
		old.close();
		const store = Store.open(path);
		expect(store.db.pragma('user_version', { simple: true })).toBe(2);
		expect(store.blobs.get('o', 'b1')).toBeUndefined();
		store.close();
	});
});
