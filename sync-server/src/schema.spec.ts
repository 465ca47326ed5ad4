import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLegacyDatabase } from '../test-support/legacy-office';
import { stopRelays, tempDir } from '../test-support/relay-fixture';
import { Store } from './store';

afterEach(() => stopRelays());

const path = () => `${tempDir()}/relay.sqlite`;

describe('relay schema', () => {
	it('upgrades a database of schema version 1 (before blobs) to version 3', () => {
		const file = path();
		Store.open(file).close();
		const old = new Database(file);
		old.exec('DROP TABLE blobs; DROP TABLE admins; DROP TABLE pending_snapshots');
		old.exec('DROP TABLE snapshot_confirmations');
		for (const table of ['items', 'snapshots']) {
			old.exec(
				`ALTER TABLE ${table} DROP COLUMN link; ALTER TABLE ${table} DROP COLUMN sig_version`
			);
		}
		old.exec('ALTER TABLE devices DROP COLUMN added_by; ALTER TABLE devices DROP COLUMN added_at');
		old.pragma('user_version = 1');
		old.close();
		const store = Store.open(file);
		expect(store.db.pragma('user_version', { simple: true })).toBe(3);
		expect(store.blobs.get('o', 'b1')).toBeUndefined();
		expect(store.roster('o')).toEqual({ devices: [], admins: [] });
		store.close();
	});

	it('upgrades a v1 relay database in place, keeping rows as signed under v1', () => {
		const file = path();
		const office = createLegacyDatabase(file);
		const store = Store.open(file);
		expect(store.db.pragma('user_version', { simple: true })).toBe(3);
		const doc = store.documents.get(office.officeId, 'directory')!;
		const page = store.documents.page(doc.key, 0, 10, 1 << 20);
		expect(page.items.map((item) => [item.seq, item.kind, item.link, item.v])).toEqual([
			[2, 'snapshot', '', 1],
			[3, 'update', '', 1],
			[4, 'update', '', 1]
		]);
		expect(store.blobs.get(office.officeId, 'legacy-blob')).toMatchObject({ link: '', v: 1 });
		expect(store.roster(office.officeId)).toEqual({
			devices: office.devices.map((device, i) => ({
				deviceId: device.deviceId,
				revoked: false,
				publicKey: device.publicKey,
				addedBy: '',
				addedAt: office.createdAt[i]
			})),
			admins: []
		});
		store.close();
		// Opening it again is a no-op.
		Store.open(file).close();
	});

	it('refuses a database newer than this relay', () => {
		const file = path();
		const db = new Database(file);
		db.pragma('user_version = 4');
		db.close();
		expect(() => Store.open(file)).toThrow('newer than this relay');
	});
});
