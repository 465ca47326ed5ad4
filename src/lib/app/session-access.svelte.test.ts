/**
 * The signed-in session follows the people document: a grant made elsewhere (a rotation) is
 * taken up at once, and a sign-in turned off elsewhere is signed out as soon as the change
 * arrives. Runs the app's real session over a real office with few PBKDF2 iterations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rotateAreas } from '$lib/core/keys/access';
import { createOffice, unlockPerson } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import { withPeople } from '$lib/core/test-support/people';
import { Workspace } from '$lib/core/session/workspace';
import { addPerson, keepersOf } from '$lib/people/admin';
import { ALL_AREAS } from '$lib/people/roles';
import { session } from './session.svelte';

// One session per test file: it opens this database once, for all tests.
const DATABASE = `session-access-${crypto.randomUUID()}`;
const MANAGER = 'seven red kites over the barn';
const DESK = 'blue herons wade at dawn';
let deskId: string;

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: MANAGER,
		areas: [...ALL_AREAS],
		iterations: 1000
	});
	const workspace = new Workspace(db, keys, { channelName: null });
	deskId = await withPeople(db, (directory) =>
		addPerson(
			{ directory, keys, audit: workspace.audit, now: () => new Date(), iterations: 1000 },
			{ name: 'Oliver Tanaka', roles: ['front-desk'], passphrase: DESK }
		)
	);
	await workspace.close();
	db.close();
	await session.start(DATABASE);
});

/** The manager's keys, as another device of the office would hold them. */
async function managerKeys() {
	const office = session.people.find((person) => person.roles.includes('manager'))!;
	return unlockPerson(session.db, session.directory, office.id, { passphrase: MANAGER });
}

describe('a signed-in session', () => {
	it('takes up a new key epoch made elsewhere, so its next writes use it', async () => {
		await session.unlock(deskId, DESK);
		const keyring = session.workspace!.keys.keyring;
		const before = keyring.current('patients').epoch;

		const epochs = await rotateAreas(
			session.directory,
			await managerKeys(),
			['patients'],
			(area) => keepersOf(session.directory, area),
			new Date()
		);

		await expect.poll(() => keyring.current('patients').epoch).toBe(epochs.get('patients'));
		expect(keyring.current('patients').epoch).toBeGreaterThan(before);
		expect(session.state).toBe('unlocked');
		await session.lock('manual');
	});

	it('is signed out the moment its sign-in is turned off elsewhere', async () => {
		await session.unlock(deskId, DESK);
		expect(session.state).toBe('unlocked');

		await session.directory.write((w) => w.patchPerson(deskId, { active: false }));

		await expect.poll(() => session.state).toBe('locked');
		expect(session.lockReason).toBe('access-changed');
		expect(session.workspace).toBeNull();
	});
});
