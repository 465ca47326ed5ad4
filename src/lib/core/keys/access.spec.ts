import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from '../bytes';
import { PeopleDirectory } from '../people/people-directory';
import type { OfficeDatabase } from '../storage/db';
import { deleteDatabase, FAST_ITERATIONS, testDatabase } from '../test-support/test-office';
import { ensureAreaKeys, grantAreas, newestEpoch, rotateAreas } from './access';
import { AreaKeyring } from './area-keyring';
import { keyringCipher } from './document-cipher';
import { readPeopleKey } from './people-key';
import { adoptGrants, createOffice, newPersonKeys, unlockPerson, type UnlockedKeys } from './vault';

const MANAGER = 'seven quiet lanterns over the hill';
const OTHER = 'blue herons wade at dawn';

let db: OfficeDatabase;
let keys: UnlockedKeys;
let directory: PeopleDirectory;

beforeEach(async () => {
	db = testDatabase();
	keys = await createOffice(db, {
		passphrase: MANAGER,
		areas: ['alpha', 'beta'],
		iterations: FAST_ITERATIONS
	});
	directory = await PeopleDirectory.open(db, (await readPeopleKey(db))!, keys.deviceId, {
		channelName: null
	});
});

afterEach(async () => {
	await directory.close();
	await deleteDatabase(db);
});

/** Adds a person with no grants and returns their id. */
async function addSomeone(): Promise<string> {
	const personKeys = await newPersonKeys(OTHER, FAST_ITERATIONS);
	const id = `P${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
	await directory.write((w) =>
		w.putPerson({
			id,
			name: 'Someone Else',
			roles: ['front-desk'],
			active: true,
			createdAt: new Date().toISOString(),
			createdBy: keys.personId,
			...personKeys
		})
	);
	return id;
}

/** Whether what `a` seals for the area, `b` opens. */
async function reads(a: AreaKeyring, b: AreaKeyring, area: string): Promise<boolean> {
	const sealed = await keyringCipher(a, 'D').seal(area, area, randomBytes(16));
	return keyringCipher(b, 'D')
		.open(area, area, sealed)
		.then(() => true)
		.catch(() => false);
}

describe('area key access', () => {
	it('gives someone who gains an area every epoch of it, so they read its history', async () => {
		const oldKeyring = new AreaKeyring();
		oldKeyring.add('alpha', 1, keys.keyring.get('alpha', 1));
		await rotateAreas(
			directory,
			keys,
			['alpha'],
			() => [directory.person(keys.personId)!],
			new Date()
		);
		const id = await addSomeone();
		await grantAreas(directory, keys, directory.person(id)!, ['alpha'], new Date());
		const them = await unlockPerson(db, directory, id, { passphrase: OTHER });
		expect(directory.grantsOf(id).map((g) => g.epoch).length).toBe(2);
		expect(await reads(oldKeyring, them.keyring, 'alpha')).toBe(true);
		expect(await reads(keys.keyring, them.keyring, 'alpha')).toBe(true);
		expect(them.keyring.has('beta')).toBe(false);
	});

	it('rotates to a higher epoch that only the keepers receive, and writes use it at once', async () => {
		const id = await addSomeone();
		await grantAreas(directory, keys, directory.person(id)!, ['alpha'], new Date());
		const before = newestEpoch(directory, 'alpha');
		const epochs = await rotateAreas(
			directory,
			keys,
			['alpha'],
			() => [directory.person(keys.personId)!],
			new Date()
		);
		const epoch = epochs.get('alpha')!;
		expect(epoch).toBeGreaterThan(before);
		expect(epoch).toBeLessThanOrEqual(before + 1024);
		expect(keys.keyring.current('alpha').epoch).toBe(epoch);
		const them = await unlockPerson(db, directory, id, { passphrase: OTHER });
		expect(them.keyring.hasEpoch('alpha', epoch)).toBe(false);
		expect(await reads(keys.keyring, them.keyring, 'alpha')).toBe(false);
	});

	it('lets a signed-in session take up a grant made elsewhere, skipping damaged ones', async () => {
		const id = await addSomeone();
		const them = await unlockPerson(db, directory, id, { passphrase: OTHER });
		expect(them.keyring.has('beta')).toBe(false);
		await grantAreas(directory, keys, directory.person(id)!, ['beta'], new Date());
		const grants = directory.grantsOf(id);
		const damaged = { ...grants[0], area: 'alpha', id: 'x' };
		expect(await adoptGrants(them.keyring, them.privateKey, [damaged, ...grants])).toEqual([
			'beta'
		]);
		expect(them.keyring.has('alpha')).toBe(false);
		expect(await reads(keys.keyring, them.keyring, 'beta')).toBe(true);
	});

	it('gives an area without any key its first key, once', async () => {
		const me = directory.person(keys.personId)!;
		expect(
			await ensureAreaKeys(directory, keys, ['alpha', 'gamma'], () => [me], new Date())
		).toEqual(['gamma']);
		expect(keys.keyring.has('gamma')).toBe(true);
		expect(await ensureAreaKeys(directory, keys, ['gamma'], () => [me], new Date())).toEqual([]);
		const again = await unlockPerson(db, directory, keys.personId, { passphrase: MANAGER });
		expect(await reads(keys.keyring, again.keyring, 'gamma')).toBe(true);
	});
});
