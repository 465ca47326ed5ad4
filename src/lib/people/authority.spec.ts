/**
 * The security review's findings on authority (issue "Authority you can verify"), each replayed
 * as the attack it describes, with real keys: forged roles, planted area keys, rotations made on
 * a stale view, and old secrets that kept working. Each of these passed on the unsigned people
 * document; each must fail now.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signOp } from '$lib/core/authority/op-codec';
import {
	grantsOf,
	isAdmin,
	newestAreaKey,
	newestPeopleKey,
	rekeyDue
} from '$lib/core/authority/state';
import { randomBytes } from '$lib/core/bytes';
import { keyIdOf } from '$lib/core/crypto/key-id';
import type { DocumentRef } from '$lib/core/documents/document-id';
import { DocumentStore } from '$lib/core/documents/document-store';
import { collection, writeRecord } from '$lib/core/documents/records';
import { parseLink } from '$lib/core/documents/item-link';
import { AreaKeyring, MissingKeyError } from '$lib/core/keys/area-keyring';
import { deviceEntryOf } from '$lib/core/keys/device';
import { keyringCipher } from '$lib/core/keys/document-cipher';
import { wrapAreaKey } from '$lib/core/keys/grants';
import { openBytes, rekey } from '$lib/core/keys/own-secret';
import { changePassphrase } from '$lib/core/keys/passphrase-change';
import { reconcileKeys } from '$lib/core/keys/reconcile';
import { loadPassphraseWrap } from '$lib/core/keys/stored-wraps';
import { adoptGrants, personContext, personSigner, type UnlockedKeys } from '$lib/core/keys/vault';
import { unwrapWithPassphrase } from '$lib/core/crypto/passphrase';
import { ensureDevice } from '$lib/core/keys/device';
import { testSigner } from '$lib/core/test-support/authority';
import { addPerson, changeRoles, deactivatePerson, keepersOf, reconcile } from './admin';
import { ALL_AREAS } from './roles';
import {
	createPeopleOffice,
	exchange,
	secondDevice,
	type PeopleOffice
} from './test-support/office';

const DESK = 'blue herons wade at dawn';
const NURSE = 'warm bread on a cold sill';
const BEA = 'eleven brass kettles singing';
const CLINICAL: DocumentRef = { area: 'clinical', period: '2026' };

let office: PeopleOffice;
const others: PeopleOffice[] = [];
const stores: DocumentStore[] = [];

beforeEach(async () => {
	office = await createPeopleOffice();
});

afterEach(async () => {
	for (const store of stores.splice(0)) await store.close();
	for (const other of others.splice(0)) await other.dispose();
	await office.dispose();
});

const state = (on = office) => on.log.require();
const add = (name: string, roles: string[], passphrase: string, on = office) =>
	addPerson(on.context, { name, roles, passphrase });

function storeOf(on: PeopleOffice, keys: { keyring: AreaKeyring; deviceId: string }) {
	const store = new DocumentStore(
		on.db,
		keyringCipher(keys.keyring, keys.deviceId),
		keys.deviceId,
		{
			channelName: null
		}
	);
	stores.push(store);
	return store;
}

async function writeNote(keys: UnlockedKeys, id: string, on = office): Promise<void> {
	const store = storeOf(on, keys);
	const document = await store.open(CLINICAL);
	document.transact((doc) => writeRecord(doc, 'notes', id, { text: id }));
	await store.flush();
}

async function readNotes(keyring: AreaKeyring, on = office): Promise<string[]> {
	const store = storeOf(on, { keyring, deviceId: 'reader' });
	const document = await store.open(CLINICAL);
	return [...collection(document.doc, 'notes').keys()].sort();
}

describe('finding 1: forged roles', () => {
	it('ignores a front-desk person who makes themselves manager from a locked tablet, and no rotation gives them clinical keys', async () => {
		const deskId = await add('Dana Desk', ['front-desk'], DESK);
		// With only the device-held people key: a plain record, as the old people document took it.
		office.log.document.transact((doc) =>
			doc.getMap('persons').set(deskId, { id: deskId, roles: ['manager'], active: true })
		);
		// With their own sign-in: a change signed by them.
		const desk = await office.signIn(deskId, DESK);
		const [forged] = await office.log.append(
			[{ kind: 'person-roles', personId: deskId, roles: ['front-desk', 'manager'] }],
			personSigner(desk)
		);
		expect(state().persons.get(deskId)?.roles).toEqual(['front-desk']);
		expect(state().refused.find((op) => op.id === forged)?.reason).toMatch(/not an office manager/);

		// The manager's next routine rotation (someone leaves clinical).
		const nurseId = await add('Sam Nurse', ['clinical'], NURSE);
		const { rotated } = await deactivatePerson(office.context, nurseId);
		expect(rotated).toContain('clinical');
		await writeNote(office.manager, 'vitals-after');

		const again = await office.signIn(deskId, DESK);
		expect(again.keyring.has('clinical')).toBe(false);
		expect(grantsOf(state(), deskId).some((grant) => grant.area === 'clinical')).toBe(false);
		await expect(readNotes(again.keyring)).rejects.toBeInstanceOf(MissingKeyError);
	});
});

describe('finding 2: planted area keys', () => {
	it('takes up no key planted with only the people key, however high its epoch', async () => {
		const deskId = await add('Dana Desk', ['front-desk'], DESK);
		const thief = await testSigner('Thief');
		const before = newestAreaKey(state(), 'patients')!;
		const raw = randomBytes(32);
		const key = { epoch: before.epoch + 1, keyId: await keyIdOf(raw) };
		const grants = await Promise.all(
			[...state().persons.values()].map((person) => wrapAreaKey(raw, 'patients', key, person))
		);
		const planted = await signOp(
			{ kind: 'grant', grants },
			{ office: state().officeId, at: new Date().toISOString(), parents: state().frontier },
			{ by: { person: deskId }, key: thief.key, privateKey: thief.privateKey }
		);
		await office.log.import(new Map([[planted.id, planted.stored]]));

		expect(newestAreaKey(state(), 'patients')).toEqual(before);
		expect(state().refused.some((op) => op.id === planted.id)).toBe(true);
		const manager = await office.signIn(
			office.manager.personId,
			'seven quiet lanterns over the hill'
		);
		expect(manager.keyring.hasKey('patients', key)).toBe(false);
		expect(manager.keyring.current('patients')).toMatchObject({
			epoch: before.epoch,
			keyId: before.keyId
		});
	});

	it('refuses a grant from a person who is not a manager, at any epoch', async () => {
		const deskId = await add('Dana Desk', ['front-desk'], DESK);
		const desk = await office.signIn(deskId, DESK);
		const raw = randomBytes(32);
		const key = { epoch: newestAreaKey(state(), 'patients')!.epoch + 1, keyId: await keyIdOf(raw) };
		const everyone = [...state().persons.values()];
		const [id] = await office.log.append(
			[
				{
					kind: 'grant',
					grants: await Promise.all(everyone.map((p) => wrapAreaKey(raw, 'patients', key, p)))
				}
			],
			personSigner(desk)
		);
		expect(state().refused.find((op) => op.id === id)?.reason).toMatch(/manager/);
		expect(newestAreaKey(state(), 'patients')?.keyId).not.toBe(key.keyId);
	});

	it('refuses an epoch far above the highest, so the next rotation still works', async () => {
		const raw = randomBytes(32);
		const key = { epoch: 999_999, keyId: await keyIdOf(raw) };
		const manager = state().persons.get(office.manager.personId)!;
		const [id] = await office.log.append(
			[{ kind: 'grant', grants: [await wrapAreaKey(raw, 'billing', key, manager)] }],
			personSigner(office.manager)
		);
		expect(state().refused.find((op) => op.id === id)?.reason).toMatch(/Skips ahead/);
		const { rotated } = await reconcileKeys({
			db: office.db,
			log: office.log,
			keys: office.manager,
			areas: ALL_AREAS,
			keepers: keepersOf,
			alsoRotate: ['billing']
		});
		expect(rotated).toEqual(['billing']);
		expect(newestAreaKey(state(), 'billing')?.epoch).toBe(2);
	});

	it('does not take up a grant whose key is not the one its id names', async () => {
		const deskId = await add('Dana Desk', ['front-desk'], DESK);
		const real = newestAreaKey(state(), 'patients')!;
		const desk = state().persons.get(deskId)!;
		// A manager's device wraps another key under the real key's name (a bug, or worse).
		const impostor = await wrapAreaKey(randomBytes(32), 'patients', real, desk);
		await office.log.append([{ kind: 'grant', grants: [impostor] }], personSigner(office.manager));
		const keys = await office.signIn(deskId, DESK);
		const keyring = new AreaKeyring();
		const gained = await adoptGrants(keyring, keys.person, [impostor]);
		expect(gained).toEqual([]);
		expect(keyring.hasKey('patients', real)).toBe(false);
	});
});

describe('finding 7: rotations on stale views', () => {
	async function twoManagers() {
		const beaId = await add('Bea Manager', ['manager'], BEA);
		const nurseId = await add('Sam Nurse', ['clinical'], NURSE);
		const second = await secondDevice(office);
		others.push(second);
		const bea = await second.signIn(beaId, BEA);
		return { second, bea, beaContext: second.contextOf(bea), nurseId };
	}

	it('rotates again after merging when one manager turned someone off while another rotated for them offline', async () => {
		const { second, beaContext, nurseId } = await twoManagers();
		await deactivatePerson(office.context, nurseId);
		// Bea, offline, has not heard of it: her rotation still wraps clinical to the nurse.
		await reconcileKeys({
			db: second.db,
			log: second.log,
			keys: beaContext.keys,
			areas: ALL_AREAS,
			keepers: keepersOf,
			alsoRotate: ['clinical']
		});
		expect(
			grantsOf(state(second), nurseId).some(
				(g) => g.area === 'clinical' && g.keyId === newestAreaKey(state(second), 'clinical')!.keyId
			)
		).toBe(true);

		await exchange(office, second);
		await reconcile(office.context);
		await reconcile(beaContext);
		await exchange(office, second);

		for (const on of [office, second]) {
			const newest = newestAreaKey(state(on), 'clinical')!;
			const holders = grantsOf(state(on), nurseId).filter(
				(g) => g.area === 'clinical' && g.epoch === newest.epoch && g.keyId === newest.keyId
			);
			expect(holders).toEqual([]);
		}
		expect(newestAreaKey(state(office), 'clinical')).toEqual(
			newestAreaKey(state(second), 'clinical')
		);
	});

	it('keeps both keys of two managers’ concurrent rotations, so nothing sealed under either is lost', async () => {
		const { second, beaContext } = await twoManagers();
		await exchange(office, second);
		const rotate = (on: PeopleOffice, keys: UnlockedKeys) =>
			reconcileKeys({
				db: on.db,
				log: on.log,
				keys,
				areas: ALL_AREAS,
				keepers: keepersOf,
				alsoRotate: ['clinical']
			});
		await rotate(office, office.manager);
		await rotate(second, beaContext.keys);
		const sealedHere = await keyringCipher(office.manager.keyring, office.manager.deviceId).seal(
			'clinical/2026',
			'clinical',
			new TextEncoder().encode('written under one key')
		);
		const sealedThere = await keyringCipher(beaContext.keys.keyring, beaContext.keys.deviceId).seal(
			'clinical/2026',
			'clinical',
			new TextEncoder().encode('written under the other')
		);
		expect(parseLink(sealedHere.link)!.keyId).not.toBe(parseLink(sealedThere.link)!.keyId);
		expect(sealedHere.epoch).toBe(sealedThere.epoch);

		await exchange(office, second);
		// The nurse, who keeps clinical, reads both.
		const nurse = [...state().persons.values()].find((p) => p.name === 'Sam Nurse')!;
		const keys = await office.signIn(nurse.id, NURSE);
		const cipher = keyringCipher(keys.keyring, keys.deviceId);
		await expect(cipher.open('clinical/2026', 'clinical', sealedHere)).resolves.toBeDefined();
		await expect(cipher.open('clinical/2026', 'clinical', sealedThere)).resolves.toBeDefined();
	});
});

describe('finding 8: old secrets stop working', () => {
	it('leaves a passphrase said to be known opening nothing current once a manager reconciles', async () => {
		const deskId = await add('Dana Desk', ['front-desk'], DESK);
		// What someone who knew the old passphrase may have copied: the wrap and every grant.
		const before = state().persons.get(deskId)!;
		const copiedGrants = grantsOf(state(), deskId);
		await changePassphrase(office.log, deskId, DESK, 'a new phrase nobody saw', {
			oldMayBeKnown: true,
			iterations: 1000
		});
		await reconcile(office.context);

		const oldSecret = await unwrapWithPassphrase(
			loadPassphraseWrap(before.wrap),
			DESK,
			personContext(deskId)
		);
		const oldKeys = (await openBytes(state(), before, oldSecret, 2)).keys;
		const keyring = new AreaKeyring();
		await adoptGrants(keyring, oldKeys, [...copiedGrants, ...grantsOf(state(), deskId)]);
		expect(keyring.areas().length).toBeGreaterThan(0);
		for (const area of new Set(copiedGrants.map((g) => g.area))) {
			expect(keyring.hasKey(area, newestAreaKey(state(), area)!)).toBe(false);
		}
		// The person's new passphrase opens the current keys.
		const now = await office.signIn(deskId, 'a new phrase nobody saw');
		for (const area of new Set(copiedGrants.map((g) => g.area))) {
			expect(now.keyring.hasKey(area, newestAreaKey(state(), area)!)).toBe(true);
		}
	});

	it('renews the keys of people who used a removed device, and replaces the people key', async () => {
		const deskId = await add('Dana Desk', ['front-desk'], DESK);
		const second = await secondDevice(office);
		others.push(second);
		const tablet = await ensureDevice(second.db);
		await office.log.append(
			[{ kind: 'device-add', device: deviceEntryOf(tablet, 'Front desk tablet') }],
			personSigner(office.manager)
		);
		await exchange(office, second);
		const deskOnTablet = await second.signIn(deskId, DESK);
		await second.log.append(
			[{ kind: 'person-device', personId: deskId, deviceId: tablet.deviceId }],
			personSigner(deskOnTablet)
		);
		await exchange(office, second);
		const firstPeopleKey = newestPeopleKey(state());

		await office.log.append(
			[{ kind: 'device-remove', deviceId: tablet.deviceId }],
			personSigner(office.manager)
		);
		await reconcile(office.context);

		expect(rekeyDue(state(), state().persons.get(deskId)!)).toBe(true);
		expect(newestPeopleKey(state())).not.toEqual(firstPeopleKey);
		expect([...state().peopleKeys.values()].some((w) => w.deviceId === tablet.deviceId)).toBe(
			false
		);

		// At their next sign-in elsewhere, with their passphrase, the person gets new keys …
		const desk = await office.signIn(deskId, DESK);
		const { openWithPassphrase } = await import('$lib/core/keys/own-secret');
		desk.person = await rekey(office.log, await openWithPassphrase(office.log, deskId, DESK), {
			passphrase: DESK,
			iterations: 1000
		});
		expect(rekeyDue(state(), state().persons.get(deskId)!)).toBe(false);
		// … and a manager gives every area they held a new key the old pair never had.
		const { rotated } = await reconcile(office.context);
		expect(rotated.sort()).toEqual(
			[...new Set(grantsOf(state(), deskId).map((g) => g.area))].sort()
		);
	});
});

describe('removal wins', () => {
	it('drops what a manager added offline while another manager demoted them', async () => {
		const beaId = await add('Bea Manager', ['manager'], BEA);
		const second = await secondDevice(office);
		others.push(second);
		const bea = await second.signIn(beaId, BEA);
		await changeRoles(office.context, beaId, ['front-desk']);
		const friend = await addPerson(second.contextOf(bea), {
			name: 'Bea’s friend',
			roles: ['manager'],
			passphrase: 'a friend of the offline manager'
		});
		await exchange(office, second);
		for (const on of [office, second]) {
			expect(state(on).persons.has(friend)).toBe(false);
			expect(isAdmin(state(on).persons.get(beaId))).toBe(false);
		}
	});
});
