import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const admin = Buffer.alloc(32, 9).toString('base64');

function blob(deviceKey: number, blobId: string, size: number) {
	return {
		officeId: 'o',
		deviceKey,
		blobId,
		epoch: 1,
		nonce: Buffer.alloc(12),
		signature: Buffer.alloc(64),
		link: 'chain:1',
		payload: Buffer.alloc(size, 7)
	};
}

const officeBytes = (store: Store) =>
	(store.db.prepare('SELECT bytes FROM offices').get() as { bytes: number }).bytes;

describe('relay blob store', () => {
	it('counts a blob against the quota once, however often its device puts it', () => {
		const store = Store.open(storePath());
		const device = store.registerOffice('o', 'd', key, admin, 10);
		expect(store.blobs.put(blob(device.key, 'b1', 600), 1000)).toEqual({ duplicate: false });
		expect(store.blobs.put(blob(device.key, 'b1', 600), 1000)).toEqual({ duplicate: true });
		expect(officeBytes(store)).toBe(600);
		expect(() => store.blobs.put(blob(device.key, 'b2', 600), 1000)).toThrow(
			expect.objectContaining({ code: 'quota' })
		);
		expect(store.blobs.get('o', 'b2')).toBeUndefined();
		expect(store.blobs.get('o', 'b1')).toMatchObject({
			deviceId: 'd',
			size: 600,
			epoch: 1,
			link: 'chain:1',
			v: 2
		});
		store.close();
	});

	it('refuses a blob from a revoked device', () => {
		const store = Store.open(storePath());
		const first = store.registerOffice('o', 'd1', key, admin, 10);
		store.devices.add('o', 'd2', Buffer.alloc(32, 2), admin, 10);
		const second = store.device('o', 'd2')!;
		store.devices.setRevoked('o', 'd2', true);
		expect(() => store.blobs.put(blob(second.key, 'b1', 10), 1000)).toThrow(
			expect.objectContaining({ code: 'revoked' })
		);
		expect(store.blobs.put(blob(first.key, 'b1', 10), 1000)).toEqual({ duplicate: false });
		store.close();
	});
});
