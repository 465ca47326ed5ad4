import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityLog } from '../authority/authority-log';
import { grantsOf, isAdmin, newestAreaKey } from '../authority/state';
import { DocumentStore } from '../documents/document-store';
import { collection, readRecord, writeRecord } from '../documents/records';
import type { OfficeDatabase } from '../storage/db';
import {
	createLegacyOffice,
	legacyId,
	legacyRow,
	type LegacyOffice
} from '../test-support/legacy-office';
import { deleteDatabase, testDatabase } from '../test-support/test-office';
import { keyringCipher } from './document-cipher';
import { adoptMigration, legacyPersons, migrateOffice, NotMigratedError } from './migration';
import { enrol, openWithPassphrase } from './own-secret';
import { reconcileKeys } from './reconcile';
import { openAuthority, readOffice, unlockPerson } from './vault';

const AREAS = ['alpha', 'audit', 'audit-read'];
const MANAGER = {
	id: legacyId(),
	name: 'Mara Manager',
	roles: ['manager'],
	passphrase: 'seven quiet lanterns over the hill'
};
const DESK = {
	id: legacyId(),
	name: 'Dana Desk',
	roles: ['front-desk'],
	passphrase: 'blue herons wade at dawn'
};
const GONE = {
	id: legacyId(),
	name: 'Gil Gone',
	roles: ['front-desk'],
	passphrase: 'an old passphrase of his',
	active: false
};

let db: OfficeDatabase;
let legacy: LegacyOffice;
let log: AuthorityLog;
const others: OfficeDatabase[] = [];

beforeEach(async () => {
	db = testDatabase();
	legacy = await createLegacyOffice(db, [MANAGER, DESK, GONE], AREAS);
	const doc = new Y.Doc();
	writeRecord(doc, 'notes', 'n1', { text: 'written before the move' });
	await legacyRow(db, legacy, 'alpha', 'alpha', Y.encodeStateAsUpdate(doc));
	log = (await openAuthority(db, { channelName: null }))!;
});

afterEach(async () => {
	await log.close();
	await deleteDatabase(db);
	for (const other of others.splice(0)) await deleteDatabase(other);
});

const move = () =>
	migrateOffice(db, log, MANAGER.id, MANAGER.passphrase, {
		deviceName: 'Office PC',
		iterations: 1000
	});

async function notes(keys: { keyring: Parameters<typeof keyringCipher>[0]; deviceId: string }) {
	const store = new DocumentStore(db, keyringCipher(keys.keyring, keys.deviceId), keys.deviceId, {
		channelName: null
	});
	const document = await store.open({ area: 'alpha' });
	const ids = [...collection(document.doc, 'notes').keys()].map(String);
	const texts = ids.map(
		(id) => (readRecord(collection(document.doc, 'notes').get(id)) as { text: string }).text
	);
	await store.close();
	return texts;
}

describe('moving an office made before signed changes', () => {
	it('lists its people from the old records until it moves', () => {
		expect(log.state).toBeNull();
		expect(
			legacyPersons(log)
				.map((p) => p.name)
				.sort()
		).toEqual([DESK.name, GONE.name, MANAGER.name]);
	});

	it('moves at its manager’s sign-in, keeping people, roles, who is turned off, and old data readable', async () => {
		const root = await move();
		expect((await readOffice(db))?.root).toEqual({
			rootKey: root.rootKey,
			genesisId: root.genesisId
		});
		const state = log.require();
		expect(state.refused).toEqual([]);
		expect(state.persons.get(MANAGER.id)).toMatchObject({
			roles: ['manager'],
			active: true,
			signingKey: root.rootKey
		});
		expect(state.persons.get(DESK.id)).toMatchObject({
			roles: ['front-desk'],
			active: true,
			signingKey: null
		});
		expect(state.persons.get(GONE.id)).toMatchObject({ active: false });

		const manager = await unlockPerson(db, log, MANAGER.id, { passphrase: MANAGER.passphrase });
		expect(await notes(manager)).toEqual(['written before the move']);
	});

	it('lets a carried-over person sign in and enrol a signing key with their old passphrase', async () => {
		await move();
		const desk = await unlockPerson(db, log, DESK.id, { passphrase: DESK.passphrase });
		expect(desk.person.signingPrivate).toBeNull();
		expect(await notes(desk)).toEqual(['written before the move']);
		const secret = await openWithPassphrase(log, DESK.id, DESK.passphrase);
		await enrol(log, secret, { passphrase: DESK.passphrase, iterations: 1000 });
		const again = await unlockPerson(db, log, DESK.id, { passphrase: DESK.passphrase });
		expect(again.person.signingKey).toBe(log.require().persons.get(DESK.id)?.signingKey);
		expect(again.person.signingKey).not.toBeNull();
		expect(log.require().refused).toEqual([]);
	});

	it('gives every carried-over key a successor once a manager reconciles', async () => {
		await move();
		const manager = await unlockPerson(db, log, MANAGER.id, { passphrase: MANAGER.passphrase });
		const before = new Map(AREAS.map((area) => [area, newestAreaKey(log.require(), area)!]));
		const { rotated } = await reconcileKeys({
			db,
			log,
			keys: manager,
			areas: AREAS,
			keepers: (state, area) =>
				[...state.persons.values()].filter((p) => p.active && (area !== 'audit-read' || isAdmin(p)))
		});
		expect(rotated.sort()).toEqual([...AREAS].sort());
		for (const area of AREAS) {
			expect(newestAreaKey(log.require(), area)!.epoch).toBeGreaterThan(before.get(area)!.epoch);
		}
		// The person turned off before the move holds none of the new keys.
		expect(grantsOf(log.require(), GONE.id).every((g) => g.epoch === 1)).toBe(true);
	});

	it('leaves out a key someone planted in the old records that the manager never held', async () => {
		await log.close();
		await deleteDatabase(db);
		db = testDatabase();
		legacy = await createLegacyOffice(db, [MANAGER, DESK], AREAS, {
			extraGrants: (office) => [
				{
					id: `alpha|9|${DESK.id}`,
					area: 'alpha',
					epoch: 9,
					personId: DESK.id,
					// A wrap of some key to the desk's public key: anything, it is never opened.
					wrapped: {
						ephemeralPublicJwk: office.persons[1].publicJwk,
						nonce: 'AAAAAAAAAAAAAAAA',
						ciphertext: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
					},
					grantedBy: null,
					grantedAt: new Date().toISOString()
				}
			]
		});
		log = (await openAuthority(db, { channelName: null }))!;
		await move();
		expect(grantsOf(log.require(), DESK.id).some((g) => g.epoch === 9)).toBe(false);
		expect(newestAreaKey(log.require(), 'alpha')?.epoch).toBe(1);
	});

	it('is started only by a manager of the old records', async () => {
		await expect(
			migrateOffice(db, log, DESK.id, DESK.passphrase, { deviceName: 'Tablet' })
		).rejects.toBeInstanceOf(NotMigratedError);
		expect((await readOffice(db))?.root).toBeUndefined();
	});

	it('resumes a move cut short after its start was stored, with the same root', async () => {
		const first = await move();
		// The pin is lost (a crash before it was written); the start of the move is in the document.
		const office = (await readOffice(db))!;
		await db.meta.put({ key: 'office', value: { ...office, root: undefined } });
		await log.close();
		log = (await openAuthority(db, { channelName: null }))!;
		expect(await move()).toEqual(first);
	});

	it('is taken up by another device of the office once the move reaches it', async () => {
		const other = testDatabase();
		others.push(other);
		// The other device has the office as it was: the same rows and keys.
		await other.updates.bulkAdd((await db.updates.toArray()).map(({ id: _, ...row }) => row));
		await other.meta.bulkPut(
			(await db.meta.toArray()).filter((row) => row.key === 'people-key' || row.key === 'office')
		);
		const root = await move();
		const otherLog = (await openAuthority(other, { channelName: null }))!;
		try {
			expect(otherLog.state).toBeNull();
			await otherLog.import(log.storedOps());
			expect(await adoptMigration(other, otherLog)).toEqual(root);
			expect(otherLog.require().persons.get(MANAGER.id)?.signingKey).toBe(root.rootKey);
		} finally {
			await otherLog.close();
		}
	});
});
