import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PEOPLE_DOCUMENT } from '../authority/authority-log';
import { bytesEqual } from '../bytes';
import { DocumentStore } from '../documents/document-store';
import { keyringCipher } from '../keys/document-cipher';
import { newDeviceRow } from '../keys/device';
import { peopleKeyring, readPeopleKeys } from '../keys/people-keys';
import { personSigner, readOffice, unlockOffice } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';
import { fakeWrap } from '../test-support/authority';
import { rowCounts } from '../test-support/pairing';
import { PEOPLE_DOC_ID, withPeople } from '../test-support/people';
import {
	createTestOffice,
	deleteDatabase,
	TEST_PASSPHRASE,
	testDatabase,
	type TestOffice
} from '../test-support/test-office';
import { PairingError } from './errors';
import {
	PEOPLE_ROWS_BUDGET,
	readTransfer,
	RELAY_URL_META_KEY,
	writeTransfer
} from './office-transfer';
import type { KeysPayload } from './payload';

const RELAY = 'wss://relay.example.org';

let host: TestOffice;
let payload: KeysPayload;
let db: OfficeDatabase;

beforeEach(async () => {
	host = await createTestOffice();
	payload = await readTransfer(host.db, RELAY);
	db = testDatabase();
});

afterEach(async () => {
	await host.dispose();
	await deleteDatabase(db);
});

/** Folds the host's people document into a snapshot, as compaction on the host would. */
async function compactPeople(db: OfficeDatabase, deviceId: string): Promise<void> {
	const keyring = await peopleKeyring(await readPeopleKeys(db));
	const store = new DocumentStore(db, keyringCipher(keyring, deviceId), deviceId, {
		channelName: null
	});
	await store.open(PEOPLE_DOCUMENT);
	await store.compact(PEOPLE_DOCUMENT);
	await store.close();
}

/** Renames the host's manager: one more signed op in the people document. */
async function rename(name: string): Promise<void> {
	await withPeople(host.db, (log) =>
		log.append(
			[{ kind: 'person-profile', personId: host.keys.personId, name, staffId: null }],
			personSigner(host.keys)
		)
	);
}

const keysEqual = (a: KeysPayload['peopleKeys'], b: KeysPayload['peopleKeys']) =>
	a.length === b.length && a.every((k, i) => k.keyId === b[i].keyId && bytesEqual(k.raw, b[i].raw));

describe('readTransfer', () => {
	it('leaves out a people document too large for one pairing message; it then comes by sync', async () => {
		// Many long-named people: more ciphertext than PEOPLE_ROWS_BUDGET.
		await withPeople(host.db, async (log) => {
			const me = log.require().persons.get(host.keys.personId)!;
			const people = Array.from({ length: 400 }, (_, n) => ({
				kind: 'person-add' as const,
				person: {
					id: `P${n}`,
					name: `${'Long name '.repeat(10)}${n}`,
					roles: ['front-desk'],
					signingKey: me.signingKey,
					publicJwk: me.publicJwk,
					wrap: fakeWrap(),
					recovery: null,
					staffId: null,
					idleMinutes: null
				}
			}));
			await log.append(people, personSigner(host.keys));
		});
		const large = await readTransfer(host.db, RELAY);
		expect(large.people).toEqual([]);
		expect(keysEqual(large.peopleKeys, await readPeopleKeys(host.db))).toBe(true);

		await writeTransfer(db, large, await newDeviceRow());
		expect(await readOffice(db)).toEqual(large.office);
		expect(await db.updates.where('docId').equals(PEOPLE_DOC_ID).count()).toBe(0);
		expect(PEOPLE_ROWS_BUDGET).toBeLessThan(64 * 1024);
	});

	it('collects the office, its people keys and the people document as stored', async () => {
		expect(payload.office).toEqual(await readOffice(host.db));
		expect(keysEqual(payload.peopleKeys, await readPeopleKeys(host.db))).toBe(true);
		const stored = await host.db.updates.where('docId').equals(PEOPLE_DOC_ID).sortBy('id');
		expect(payload.people).toEqual(
			stored.map(({ epoch, deviceId, nonce, ciphertext, link }) => ({
				kind: 'update',
				epoch,
				deviceId,
				nonce,
				ciphertext,
				link
			}))
		);
		expect(payload.relayUrl).toBe(RELAY);
	});

	it("leaves out every other document's rows", async () => {
		const store = host.openStore();
		const document = await store.open({ area: 'alpha' });
		document.transact((doc) => doc.getMap('items').set('a', 1));
		await store.flush();
		const again = await readTransfer(host.db, RELAY);
		expect(again.people).toEqual(payload.people);
	});

	it('hands over the snapshot first, then the rows stored after it', async () => {
		await compactPeople(host.db, host.keys.deviceId);
		await rename('Renamed');
		const after = await readTransfer(host.db, RELAY);
		expect(after.people.map((row) => row.kind)).toEqual(['snapshot', 'update']);
	});

	it('fails with no-office on a device without an office', async () => {
		const error = await readTransfer(db, RELAY).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PairingError);
		expect((error as PairingError).failure).toBe('no-office');
	});
});

describe('writeTransfer', () => {
	it('stores office, people keys, people document, relay and device together', async () => {
		const device = await newDeviceRow();
		await writeTransfer(db, payload, device);
		expect(await readOffice(db)).toEqual(payload.office);
		expect(keysEqual(await readPeopleKeys(db), payload.peopleKeys)).toBe(true);
		const rows = await db.updates.where('docId').equals(PEOPLE_DOC_ID).sortBy('id');
		expect(rows).toHaveLength(payload.people.length);
		// Already on the host (or the relay): nothing to send again.
		expect(rows.every((row) => row.synced === 1)).toBe(true);
		expect((await db.meta.get(RELAY_URL_META_KEY))?.value).toBe(RELAY);
		expect((await db.device.get('this-device'))?.deviceId).toBe(device.deviceId);
		// No legacy identity or key rows.
		expect(await db.identities.count()).toBe(0);
		expect(await db.keyring.count()).toBe(0);
	});

	it('lets the owner sign in on the new device with their passphrase and the same keys', async () => {
		await writeTransfer(db, payload, await newDeviceRow());
		const hostPeople = await withPeople(host.db, (log) => [...log.require().persons.values()]);
		expect(await withPeople(db, (log) => [...log.require().persons.values()])).toEqual(hostPeople);
		const keys = await unlockOffice(db, TEST_PASSPHRASE);
		expect(keys).toMatchObject({ officeId: host.keys.officeId, personId: host.keys.personId });
		expect(keys.keyring.areas().sort()).toEqual(host.keys.keyring.areas().sort());
	});

	it('restores a people document handed over as a snapshot and updates', async () => {
		await compactPeople(host.db, host.keys.deviceId);
		await rename('Renamed');
		await writeTransfer(db, await readTransfer(host.db, RELAY), await newDeviceRow());
		expect(await db.snapshots.get(PEOPLE_DOC_ID)).toBeDefined();
		const person = await withPeople(db, (log) => log.require().persons.get(host.keys.personId));
		expect(person?.name).toBe('Renamed');
		await expect(unlockOffice(db, TEST_PASSPHRASE)).resolves.toBeTruthy();
	});

	it('replaces people rows an unfinished office left on this device', async () => {
		const [row] = payload.people;
		await db.updates.add({ docId: PEOPLE_DOC_ID, ...row, deviceId: 'old', synced: 0 });
		await db.snapshots.put({ docId: PEOPLE_DOC_ID, ...row, createdAt: new Date().toISOString() });
		await writeTransfer(db, payload, await newDeviceRow());
		const rows = await db.updates.where('docId').equals(PEOPLE_DOC_ID).toArray();
		expect(rows.map((r) => r.deviceId)).toEqual(payload.people.map((r) => r.deviceId));
		expect(await db.snapshots.get(PEOPLE_DOC_ID)).toBeUndefined();
		await expect(unlockOffice(db, TEST_PASSPHRASE)).resolves.toBeTruthy();
	});

	it('refuses a device that already has an office and leaves that office as it was', async () => {
		const before = await rowCounts(host.db);
		const office = await readOffice(host.db);
		await expect(writeTransfer(host.db, payload, await newDeviceRow())).rejects.toThrow(
			'This device already has an office.'
		);
		expect(await rowCounts(host.db)).toEqual(before);
		expect(await readOffice(host.db)).toEqual(office);
	});

	it('writes nothing at all when its last write fails', async () => {
		vi.spyOn(db.meta, 'bulkPut').mockRejectedValueOnce(new Error('disk on fire'));
		const error = await writeTransfer(db, payload, await newDeviceRow()).catch((e: unknown) => e);
		expect((error as PairingError).failure).toBe('storage');
		expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
	});

	it('refuses when this device got another identity while pairing ran', async () => {
		await db.device.put(await newDeviceRow());
		await expect(writeTransfer(db, payload, await newDeviceRow())).rejects.toBeInstanceOf(
			PairingError
		);
		expect(await readOffice(db)).toBeNull();
		expect(await db.updates.count()).toBe(0);
	});
});
