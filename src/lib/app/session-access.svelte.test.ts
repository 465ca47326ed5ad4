/**
 * The signed-in session follows the office's authority: a key rotation signed on another device
 * is taken up at once, and a sign-in turned off there is signed out as soon as the change
 * arrives. Runs the app's real session over a real office with few PBKDF2 iterations; the other
 * device is a second database paired from the first, its ops handed over the way sync would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorityLog } from '$lib/core/authority/authority-log';
import { newDeviceRow } from '$lib/core/keys/device';
import { reconcileKeys } from '$lib/core/keys/reconcile';
import { createOffice, openAuthority, unlockPerson } from '$lib/core/keys/vault';
import { readTransfer, writeTransfer } from '$lib/core/pairing/office-transfer';
import { openDatabase, type OfficeDatabase } from '$lib/core/storage/db';
import { deleteDatabase, testDatabase } from '$lib/core/test-support/test-office';
import { addPerson, deactivatePerson, keepersOf, type PeopleContext } from '$lib/people/admin';
import { recordingAudit } from '$lib/people/test-support/office';
import { ALL_AREAS } from '$lib/people/roles';
import { session } from './session.svelte';

// One session per test file: it opens this database once, for all tests.
const DATABASE = `session-access-${crypto.randomUUID()}`;
const MANAGER = 'seven red kites over the barn';
const DESK = 'blue herons wade at dawn';
let managerId: string;
let deskId: string;
let other: { db: OfficeDatabase; log: AuthorityLog };

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: MANAGER,
		areas: [...ALL_AREAS],
		iterations: 1000
	});
	managerId = keys.personId;
	db.close();
	await session.start(DATABASE);
	await session.unlock(managerId, MANAGER);
	deskId = await addPerson(
		{ ...session.peopleContext(), iterations: 1000 },
		{ name: 'Oliver Tanaka', roles: ['front-desk'], passphrase: DESK }
	);
	await session.lock('manual');

	const otherDb = testDatabase();
	await writeTransfer(
		otherDb,
		await readTransfer(session.db, 'wss://relay.example.org'),
		await newDeviceRow()
	);
	other = { db: otherDb, log: (await openAuthority(otherDb, { channelName: null }))! };
});

afterAll(async () => {
	await other.log.close();
	await deleteDatabase(other.db);
});

/** The manager signed in on the other device, making people changes there. */
async function managerElsewhere(): Promise<PeopleContext> {
	await other.log.import(session.authority.storedOps());
	const keys = await unlockPerson(other.db, other.log, managerId, { passphrase: MANAGER });
	return {
		db: other.db,
		log: other.log,
		keys,
		audit: recordingAudit([]),
		now: () => new Date(),
		iterations: 1000
	};
}

/** What sync does: this device learns the ops the other device signed. */
async function arriveFromOtherDevice(): Promise<void> {
	await session.authority.import(other.log.storedOps());
}

describe('a signed-in session', () => {
	it('takes up a new key made on another device, so its next writes use it', async () => {
		const manager = await managerElsewhere();
		await session.unlock(deskId, DESK);
		const keyring = session.workspace!.keys.keyring;
		const before = keyring.current('patients');

		const { rotated } = await reconcileKeys({
			db: manager.db,
			log: manager.log,
			keys: manager.keys,
			areas: ALL_AREAS,
			keepers: (state, area) => keepersOf(state, area),
			alsoRotate: ['patients']
		});
		expect(rotated).toContain('patients');
		await arriveFromOtherDevice();

		await expect.poll(() => keyring.current('patients').epoch).toBeGreaterThan(before.epoch);
		expect(session.state).toBe('unlocked');
		await session.lock('manual');
	});

	it('is signed out the moment its sign-in is turned off on another device', async () => {
		const manager = await managerElsewhere();
		await session.unlock(deskId, DESK);
		expect(session.state).toBe('unlocked');

		await deactivatePerson(manager, deskId);
		await arriveFromOtherDevice();

		await expect.poll(() => session.state).toBe('locked');
		expect(session.lockReason).toBe('access-changed');
		expect(session.workspace).toBeNull();
	});
});
