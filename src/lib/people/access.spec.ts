/**
 * Access by trying, not by asking: a real office (people document, grants, area keys), people
 * signed in with their own passphrases, and documents written and opened with their keyrings. A
 * person outside an area cannot open its documents at all; someone who lost an area (turned off,
 * role changed, role narrowed) cannot read what is written after the change, even with every key
 * they ever held.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	AUDIT_READ_AREA,
	grantsOf,
	highestEpoch,
	newestAreaKey,
	newestAuditKey
} from '$lib/core/authority/state';
import { DocumentStore } from '$lib/core/documents/document-store';
import type { DocumentRef } from '$lib/core/documents/document-id';
import { collection, writeRecord } from '$lib/core/documents/records';
import { AreaKeyring, MissingKeyError } from '$lib/core/keys/area-keyring';
import { keyringCipher } from '$lib/core/keys/document-cipher';
import { adoptGrants, PersonInactiveError, type UnlockedKeys } from '$lib/core/keys/vault';
import type { OfficeDatabase } from '$lib/core/storage/db';
import {
	addPerson,
	changeRoles,
	deactivatePerson,
	PeopleChangeError,
	setRoleAreas,
	type PeopleContext
} from './admin';
import { ALL_AREAS, roleDefinition } from './roles';
import { createPeopleOffice, type PeopleOffice } from './test-support/office';

const DESK_PASSPHRASE = 'blue herons wade at dawn';
const NURSE_PASSPHRASE = 'warm bread on a cold sill';

const FINANCE: DocumentRef = { area: 'finance', period: '2026' };
const CLINICAL: DocumentRef = { area: 'clinical', period: '2026' };
const PATIENTS: DocumentRef = { area: 'patients' };
const BILLING: DocumentRef = { area: 'billing', period: '2026' };

let office: PeopleOffice;
let db: OfficeDatabase;
let manager: UnlockedKeys;
let context: PeopleContext;
const stores: DocumentStore[] = [];

beforeEach(async () => {
	office = await createPeopleOffice();
	({ db, manager, context } = office);
});

afterEach(async () => {
	for (const store of stores.splice(0)) await store.close();
	await office.dispose();
});

const state = () => office.log.require();

/** A store of its own for someone's keys, as their signed-in session would have. */
function storeOf(keys: { keyring: AreaKeyring; deviceId: string }): DocumentStore {
	const store = new DocumentStore(db, keyringCipher(keys.keyring, keys.deviceId), keys.deviceId, {
		channelName: null
	});
	stores.push(store);
	return store;
}

async function writeNote(keys: UnlockedKeys, ref: DocumentRef, id: string): Promise<void> {
	const store = storeOf(keys);
	const document = await store.open(ref);
	document.transact((doc) => writeRecord(doc, 'notes', id, { text: `note ${id}` }));
	await store.flush();
}

/** What someone's keyring reads of a document: the note ids, and how many rows it set aside. */
async function readNotes(keyring: AreaKeyring, ref: DocumentRef) {
	const store = storeOf({ keyring, deviceId: 'reader-device' });
	const document = await store.open(ref);
	return {
		ids: [...collection(document.doc, 'notes').keys()].sort(),
		unreadable: store.unreadable.size
	};
}

const signIn = (personId: string, passphrase: string) => office.signIn(personId, passphrase);

const add = (name: string, roles: string[], passphrase: string) =>
	addPerson(context, { name, roles, passphrase });

describe('what a role opens, tried with real keys', () => {
	it('keeps finance and clinical documents closed to the front desk but opens patients', async () => {
		await writeNote(manager, FINANCE, 'payroll-1');
		await writeNote(manager, CLINICAL, 'vitals-1');
		await writeNote(manager, PATIENTS, 'patient-1');
		const deskId = await add('Robin Desk', ['front-desk'], DESK_PASSPHRASE);

		const desk = await signIn(deskId, DESK_PASSPHRASE);

		expect(desk.keyring.has('finance')).toBe(false);
		await expect(readNotes(desk.keyring, FINANCE)).rejects.toBeInstanceOf(MissingKeyError);
		await expect(readNotes(desk.keyring, CLINICAL)).rejects.toBeInstanceOf(MissingKeyError);
		expect(await readNotes(desk.keyring, PATIENTS)).toEqual({ ids: ['patient-1'], unreadable: 0 });
	});

	it('gives the manager every area and a clinical person their clinical history', async () => {
		await writeNote(manager, CLINICAL, 'vitals-1');
		const nurseId = await add('Sam Nurse', ['clinical'], NURSE_PASSPHRASE);

		const nurse = await signIn(nurseId, NURSE_PASSPHRASE);

		expect(ALL_AREAS.every((area) => manager.keyring.has(area))).toBe(true);
		expect(await readNotes(nurse.keyring, CLINICAL)).toEqual({ ids: ['vitals-1'], unreadable: 0 });
	});
});

describe('taking access away rotates keys', () => {
	it('leaves a turned-off person unable to sign in or read what is written afterwards', async () => {
		const nurseId = await add('Sam Nurse', ['clinical'], NURSE_PASSPHRASE);
		const before = await signIn(nurseId, NURSE_PASSPHRASE);
		const oldKey = newestAreaKey(state(), 'clinical')!;

		const { rotated } = await deactivatePerson(context, nurseId);
		await writeNote(manager, CLINICAL, 'after-leaving');

		expect(rotated).toContain('clinical');
		await expect(signIn(nurseId, NURSE_PASSPHRASE)).rejects.toBeInstanceOf(PersonInactiveError);
		// Everything ever wrapped to them opens only the old key.
		const theirs = new AreaKeyring();
		await adoptGrants(theirs, before.person, grantsOf(state(), nurseId));
		const newKey = newestAreaKey(state(), 'clinical')!;
		expect(newKey.epoch).toBeGreaterThan(oldKey.epoch);
		expect(theirs.hasKey('clinical', oldKey)).toBe(true);
		expect(theirs.hasKey('clinical', newKey)).toBe(false);
		for (const keyring of [before.keyring, theirs]) {
			expect(await readNotes(keyring, CLINICAL)).toEqual({ ids: [], unreadable: 1 });
		}
		expect(await readNotes(manager.keyring, CLINICAL)).toEqual({
			ids: ['after-leaving'],
			unreadable: 0
		});
	});

	it('rotates clinical when a role change takes it away, and not patients they keep', async () => {
		const nurseId = await add('Sam Nurse', ['clinical'], NURSE_PASSPHRASE);
		const patientsKey = newestAreaKey(state(), 'patients');

		const { rotated } = await changeRoles(context, nurseId, ['front-desk']);
		await writeNote(manager, CLINICAL, 'after-change');

		expect(rotated).toContain('clinical');
		expect(rotated).not.toContain('patients');
		expect(newestAreaKey(state(), 'patients')).toEqual(patientsKey);
		const now = await signIn(nurseId, NURSE_PASSPHRASE);
		expect(await readNotes(now.keyring, CLINICAL)).toEqual({ ids: [], unreadable: 1 });
		// What the new role grants is theirs at once.
		expect(now.keyring.has('billing')).toBe(true);
	});

	it('rotates billing when the front desk role stops granting it', async () => {
		const deskId = await add('Robin Desk', ['front-desk'], DESK_PASSPHRASE);
		const areas = roleDefinition('front-desk')!.defaultAreas.filter((a) => a !== 'billing');

		const { rotated } = await setRoleAreas(context, 'front-desk', areas);
		await writeNote(manager, BILLING, 'statement-1');

		expect(rotated).toEqual(['billing']);
		const desk = await signIn(deskId, DESK_PASSPHRASE);
		expect(await readNotes(desk.keyring, BILLING)).toEqual({ ids: [], unreadable: 1 });
		expect(await readNotes(manager.keyring, BILLING)).toEqual({
			ids: ['statement-1'],
			unreadable: 0
		});
	});

	it('rotates nothing when a role gains an area, and wraps it to its holders', async () => {
		const deskId = await add('Robin Desk', ['front-desk'], DESK_PASSPHRASE);
		const areas = [...roleDefinition('front-desk')!.defaultAreas, 'operations'];

		const { rotated } = await setRoleAreas(context, 'front-desk', areas);

		expect(rotated).toEqual([]);
		expect((await signIn(deskId, DESK_PASSPHRASE)).keyring.has('operations')).toBe(true);
	});

	it('refuses to leave the office without an active manager', async () => {
		await add('Robin Desk', ['front-desk'], DESK_PASSPHRASE);
		const epoch = highestEpoch(state(), 'finance');

		await expect(changeRoles(context, manager.personId, ['front-desk'])).rejects.toThrow(
			PeopleChangeError
		);
		await expect(deactivatePerson(context, manager.personId)).rejects.toThrow(
			'The office needs at least one active office manager.'
		);
		expect(state().persons.get(manager.personId)).toMatchObject({
			active: true,
			roles: ['manager']
		});
		expect(highestEpoch(state(), 'finance')).toBe(epoch);
	});

	it('keeps the audit log writable when a manager steps down: the new audit-read key brings its key pair', async () => {
		const secondId = await add('Alex Second', ['manager'], NURSE_PASSPHRASE);
		const before = newestAreaKey(state(), AUDIT_READ_AREA)!;

		await changeRoles(context, manager.personId, ['front-desk']);

		const after = newestAreaKey(state(), AUDIT_READ_AREA)!;
		expect(after.epoch).toBeGreaterThan(before.epoch);
		expect(newestAuditKey(state())).toMatchObject({ epoch: after.epoch, keyId: after.keyId });
		expect(
			grantsOf(state(), manager.personId).some(
				(g) => g.area === AUDIT_READ_AREA && g.epoch === after.epoch
			)
		).toBe(false);
		expect(
			grantsOf(state(), secondId).some((g) => g.area === AUDIT_READ_AREA && g.epoch === after.epoch)
		).toBe(true);
	});
});
