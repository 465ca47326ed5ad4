import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE_AREA } from '../authority/authority-log';
import { grantsOf, isAdmin } from '../authority/state';
import { fromBase64, randomBytes, utf8Encode } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import { DecryptionError, WrongPassphraseError } from '../crypto/errors';
import { importPersonPrivateKey } from '../crypto/key-agreement';
import { unwrapWithPassphrase } from '../crypto/passphrase';
import type { OfficeDatabase } from '../storage/db';
import { signOp } from '../authority/op-codec';
import { deviceEntry, personEntry, randomKeyId, testSigner } from '../test-support/authority';
import { withPeople } from '../test-support/people';
import {
	deleteDatabase,
	FAST_ITERATIONS,
	TEST_AREAS,
	TEST_PASSPHRASE,
	testDatabase
} from '../test-support/test-office';
import { MissingKeyError } from './area-keyring';
import { keyringCipher } from './document-cipher';
import { PEOPLE_KEY_META_KEY } from './people-keys';
import { SecretMismatchError } from './person-secret';
import { loadPassphraseWrap } from './stored-wraps';
import {
	createOffice,
	NoOfficeError,
	officeMeta,
	personContext,
	readOffice,
	unlockOffice,
	type UnlockedKeys
} from './vault';

const databases: OfficeDatabase[] = [];

function freshDatabase(): OfficeDatabase {
	const db = testDatabase();
	databases.push(db);
	return db;
}

async function newOffice(db = freshDatabase()): Promise<UnlockedKeys> {
	return createOffice(db, {
		passphrase: TEST_PASSPHRASE,
		areas: TEST_AREAS,
		iterations: FAST_ITERATIONS
	});
}

/** Whether what one keyring seals for an area, the other opens. */
async function sameAreaKey(a: UnlockedKeys, b: UnlockedKeys, area: string): Promise<boolean> {
	const plaintext = randomBytes(40);
	const sealed = await keyringCipher(a.keyring, a.deviceId).seal(`${area}/2026`, area, plaintext);
	const opened = await keyringCipher(b.keyring, b.deviceId)
		.open(`${area}/2026`, area, sealed)
		.catch(() => null);
	return opened !== null && opened.every((byte, i) => byte === plaintext[i]);
}

afterEach(async () => {
	for (const db of databases.splice(0)) await deleteDatabase(db);
});

describe('createOffice and unlockOffice', () => {
	it('records the office with its creator as owner', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		expect(await readOffice(db)).toMatchObject({
			officeId: created.officeId,
			ownerPersonId: created.personId,
			demo: false,
			root: {
				rootKey: created.person.signingKey,
				genesisId: expect.stringMatching(/^[0-9a-f]{64}$/) as string
			}
		});
		// Every area, and the people key that seals the people document.
		expect(created.keyring.areas().sort()).toEqual([...TEST_AREAS, PEOPLE_AREA].sort());
	});

	it('starts the chain of authority with the creator as its only manager', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		const state = await withPeople(db, (log) => log.require());
		expect(state.applied[0]).toBe(state.genesisId);
		expect([...state.persons.values()].filter(isAdmin).map((p) => p.id)).toEqual([
			created.personId
		]);
		expect(state.devices.get(created.deviceId)).toMatchObject({ removed: false });
		expect(state.refused).toEqual([]);
	});

	it('refuses a person whose own secret names another root than this device pinned', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		const office = (await readOffice(db))!;
		// Someone with the disk makes a chain of their own that lists the manager (their sealed
		// secret copied as it is) and pins it, hoping the manager signs in there.
		const thief = await testSigner('Thief');
		const victim = (await withPeople(db, (log) => log.require().persons.get(created.personId)))!;
		const fake = await signOp(
			{
				kind: 'genesis',
				person: personEntry(thief, ['manager']),
				device: deviceEntry(thief),
				peopleKey: { epoch: 1, keyId: await randomKeyId() },
				migrated: {
					persons: [
						{
							...personEntry(thief, ['manager']),
							id: victim.id,
							name: victim.name,
							signingKey: victim.signingKey,
							publicJwk: victim.publicJwk,
							wrap: victim.wrap
						}
					],
					roles: [],
					grants: [],
					devices: []
				}
			},
			{ office: office.officeId, at: new Date().toISOString(), parents: [] },
			{ by: { person: thief.id }, key: thief.key, privateKey: thief.privateKey }
		);
		await withPeople(db, (log) => log.import(new Map([[fake.id, fake.stored]])));
		await db.meta.put(officeMeta({ ...office, root: { rootKey: thief.key, genesisId: fake.id } }));
		const error = await unlockOffice(db, TEST_PASSPHRASE).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SecretMismatchError);
		expect((error as SecretMismatchError).reason).toBe('office');
	});
	it.each(TEST_AREAS)('unlocks the same %s key that was created', async (area) => {
		const db = freshDatabase();
		const created = await newOffice(db);
		const unlocked = await unlockOffice(db, TEST_PASSPHRASE);
		expect(unlocked).toMatchObject({
			officeId: created.officeId,
			personId: created.personId,
			deviceId: created.deviceId
		});
		expect(await sameAreaKey(created, unlocked, area)).toBe(true);
		expect(await sameAreaKey(unlocked, created, area)).toBe(true);
	});

	it('gives each area its own key', async () => {
		const created = await newOffice();
		const plaintext = utf8Encode('hello');
		const sealed = await keyringCipher(created.keyring, created.deviceId).seal(
			'alpha',
			'alpha',
			plaintext
		);
		const otherArea = keyringCipher(created.keyring, created.deviceId).open(
			'alpha',
			'beta',
			sealed
		);
		// Another area has no key of that id at all.
		await expect(otherArea).rejects.toBeInstanceOf(MissingKeyError);
	});

	it('gives two offices different keys', async () => {
		const first = await newOffice();
		const second = await newOffice();
		expect(await sameAreaKey(first, second, 'alpha')).toBe(false);
	});

	it('rejects a wrong passphrase with WrongPassphraseError', async () => {
		const db = freshDatabase();
		await newOffice(db);
		await expect(unlockOffice(db, 'seven quiet lanterns over the hills')).rejects.toBeInstanceOf(
			WrongPassphraseError
		);
	});

	it('rejects unlocking a device with no office with NoOfficeError', async () => {
		await expect(unlockOffice(freshDatabase(), TEST_PASSPHRASE)).rejects.toBeInstanceOf(
			NoOfficeError
		);
	});

	it('refuses to set up a second office on the same device, leaving the first intact', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		const peopleKey = await db.meta.get(PEOPLE_KEY_META_KEY);
		await expect(newOffice(db)).rejects.toThrow('already set up');
		expect(await db.meta.get(PEOPLE_KEY_META_KEY)).toEqual(peopleKey);
		const persons = await withPeople(db, (log) => [...log.require().persons.values()]);
		expect(persons.map((person) => person.id)).toEqual([created.personId]);
		const unlocked = await unlockOffice(db, TEST_PASSPHRASE);
		expect(await sameAreaKey(created, unlocked, 'alpha')).toBe(true);
	});

	it('adds a key for an area it is asked for that has none yet, and keeps it', async () => {
		const db = freshDatabase();
		await newOffice(db);
		const first = await unlockOffice(db, TEST_PASSPHRASE, { areas: [...TEST_AREAS, 'gamma'] });
		expect(first.keyring.has('gamma')).toBe(true);
		const gammaGrants = () =>
			withPeople(db, (log) => [...log.require().grants.values()].filter((g) => g.area === 'gamma'));
		expect(await gammaGrants()).toEqual([
			expect.objectContaining({
				personId: first.personId,
				epoch: first.keyring.current('gamma').epoch
			})
		]);

		const second = await unlockOffice(db, TEST_PASSPHRASE);
		expect(second.keyring.has('gamma')).toBe(true);
		expect(await sameAreaKey(first, second, 'gamma')).toBe(true);

		await unlockOffice(db, TEST_PASSPHRASE, { areas: ['gamma'] });
		expect(await gammaGrants()).toHaveLength(1);
	});

	it('holds no key for an area it was never given', async () => {
		const created = await newOffice();
		expect(() => created.keyring.current('delta')).toThrow(MissingKeyError);
	});

	it('keeps the same device across unlocks', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		await unlockOffice(db, TEST_PASSPHRASE);
		expect(await db.device.count()).toBe(1);
		expect((await db.device.get('this-device'))!.deviceId).toBe(created.deviceId);
	});
});

describe('what the vault stores', () => {
	it('stores a public key only, and the private key wrapped under the passphrase', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		const person = (await withPeople(db, (log) => log.require().persons.get(created.personId)))!;
		expect(person).toMatchObject({ roles: ['manager'], active: true, createdBy: null });
		expect(person.publicJwk).not.toHaveProperty('d');
		expect(Object.keys(person.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
		expect(person.wrap).toMatchObject({ v: 2, kdf: 'PBKDF2-SHA256', iterations: FAST_ITERATIONS });
		expect(person.recovery).toBeNull();
		// The stored bytes are not a usable key; the passphrase opens them, for this person only.
		const wrapped = loadPassphraseWrap(person.wrap);
		await expect(importPersonPrivateKey(wrapped.ciphertext)).rejects.toThrow();
		const secret = await unwrapWithPassphrase(wrapped, TEST_PASSPHRASE, personContext(person.id));
		expect(JSON.parse(new TextDecoder().decode(secret))).toMatchObject({
			v: 2,
			person: person.id,
			root: person.signingKey
		});
		await expect(
			unwrapWithPassphrase(wrapped, TEST_PASSPHRASE, personContext('someone-else'))
		).rejects.toBeInstanceOf(WrongPassphraseError);
		// Nothing lands in the tables older versions kept identities and keys in.
		expect(await db.identities.count()).toBe(0);
		expect(await db.keyring.count()).toBe(0);
	});

	it('stores area keys wrapped, so the stored bytes do not open the area', async () => {
		const db = freshDatabase();
		const created = await newOffice(db);
		const grants = await withPeople(db, (log) => grantsOf(log.require(), created.personId));
		expect(grants.map((grant) => grant.area).sort()).toEqual([...TEST_AREAS].sort());
		const sealed = await keyringCipher(created.keyring, created.deviceId).seal(
			'alpha',
			'alpha',
			utf8Encode('secret')
		);
		for (const grant of grants) {
			expect(grant).toMatchObject({
				personId: created.personId,
				epoch: 1,
				grantedBy: created.personId
			});
			expect(grant.wrapped.ephemeralPublicJwk).not.toHaveProperty('d');
			// 32 key bytes plus a 16-byte tag: encrypted, not raw.
			const ciphertext = fromBase64(grant.wrapped.ciphertext);
			expect(ciphertext).toHaveLength(48);
			const asKey = await importAeadKey(ciphertext.slice(0, 32));
			const cipher = keyringCipher(created.keyring, created.deviceId);
			created.keyring.add('probe', { epoch: sealed.epoch, keyId: grant.keyId }, asKey);
			await expect(cipher.open('alpha', 'probe', sealed)).rejects.toBeInstanceOf(DecryptionError);
		}
	});

	it('keeps the area keys it holds in memory non-extractable', async () => {
		const created = await newOffice();
		for (const area of TEST_AREAS)
			expect(created.keyring.current(area).key.extractable).toBe(false);
	});
});
