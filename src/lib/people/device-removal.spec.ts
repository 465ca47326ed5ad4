/**
 * A removed device cannot read what is written after its removal, tried with real keys: the
 * device keeps its copy of the office as it was (people document included) and a person who
 * knows their passphrase signs in on it; ciphertext written afterwards reaches it anyway (a
 * leaked relay database, say). The new key epoch exists only in the office's people document,
 * which the removed device no longer receives, so those rows stay unreadable there.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '$lib/core/documents/document-store';
import { collection, writeRecord } from '$lib/core/documents/records';
import { keyringCipher } from '$lib/core/keys/document-cipher';
import { newDeviceRow } from '$lib/core/keys/device';
import { unlockOffice, type UnlockedKeys } from '$lib/core/keys/vault';
import { readTransfer, writeTransfer } from '$lib/core/pairing/office-transfer';
import type { OfficeDatabase } from '$lib/core/storage/db';
import { createOffice } from '$lib/core/keys/vault';
import { deleteDatabase, FAST_ITERATIONS, testDatabase } from '$lib/core/test-support/test-office';
import { openPeople } from '$lib/core/test-support/people';
import { removeDevice } from './devices';
import { recordingAudit } from './test-support/office';
import { ALL_AREAS } from './roles';

const PASSPHRASE = 'seven quiet lanterns over the hill';
const CLINICAL = { area: 'clinical', period: '2026' };

let office: OfficeDatabase;
let removed: OfficeDatabase;
let manager: UnlockedKeys;

beforeEach(async () => {
	office = testDatabase();
	removed = testDatabase();
	manager = await createOffice(office, {
		passphrase: PASSPHRASE,
		areas: [...ALL_AREAS],
		iterations: FAST_ITERATIONS
	});
	// The device that will be removed joined earlier, with the office as it was then.
	await writeTransfer(
		removed,
		await readTransfer(office, 'wss://relay.example/sync'),
		await newDeviceRow()
	);
});

afterEach(async () => {
	await deleteDatabase(office);
	await deleteDatabase(removed);
});

async function writeNote(db: OfficeDatabase, keys: UnlockedKeys, id: string): Promise<void> {
	const store = new DocumentStore(db, keyringCipher(keys.keyring, keys.deviceId), keys.deviceId, {
		channelName: null
	});
	const document = await store.open(CLINICAL);
	document.transact((doc) => writeRecord(doc, 'notes', id, { text: `note ${id}` }));
	await store.close();
}

async function readNotes(db: OfficeDatabase, keys: UnlockedKeys) {
	const store = new DocumentStore(db, keyringCipher(keys.keyring, keys.deviceId), keys.deviceId, {
		channelName: null
	});
	const document = await store.open(CLINICAL);
	const result = {
		ids: [...collection(document.doc, 'notes').keys()].sort(),
		unreadable: store.unreadable.size
	};
	await store.close();
	return result;
}

/** Copies the office's clinical rows onto the removed device, as if they had leaked to it. */
async function leakClinicalRows(): Promise<void> {
	const rows = await office.updates.where('docId').equals('clinical/2026').toArray();
	await removed.updates.bulkPut(
		rows.map(({ id: _id, ...row }) => ({ ...row, synced: 1 as const }))
	);
}

describe('removing a device', () => {
	it('leaves what is written afterwards unreadable there, even to a person with a passphrase', async () => {
		await writeNote(office, manager, 'before');
		const log = await openPeople(office);
		const removedDevice = (await removed.device.get('this-device'))!.deviceId;
		try {
			const context = {
				db: office,
				log,
				keys: manager,
				audit: recordingAudit([]),
				now: () => new Date()
			};
			const { deviceEntryOf, ensureDevice } = await import('$lib/core/keys/device');
			const { personSigner } = await import('$lib/core/keys/vault');
			await log.append(
				[{ kind: 'device-add', device: deviceEntryOf(await ensureDevice(removed), 'Tablet') }],
				personSigner(manager)
			);
			const { rotated } = await removeDevice(context, removedDevice);
			expect(rotated).toEqual([...ALL_AREAS]);
		} finally {
			await log.close();
		}
		// Signing out dropped the keys; the manager signs in again and writes.
		const later = await unlockOffice(office, PASSPHRASE);
		await writeNote(office, later, 'after');
		await leakClinicalRows();

		const there = await unlockOffice(removed, PASSPHRASE);
		const read = await readNotes(removed, there);
		expect(read.ids).toEqual(['before']);
		expect(read.unreadable).toBe(1);

		// The office itself reads both with the keys of now.
		const here = await unlockOffice(office, PASSPHRASE);
		expect(await readNotes(office, here)).toEqual({ ids: ['after', 'before'], unreadable: 0 });
	});
});
