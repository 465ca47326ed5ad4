import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ulid } from 'ulid';
import { generateAeadKey } from '../crypto/aead';
import type { DocumentRef } from '../documents/document-id';
import { collection, writeRecord } from '../documents/records';
import { AreaKeyring } from '../keys/area-keyring';
import { runReencryption, startReencryption } from '../keys/rotation-job';
import {
	connected,
	createTestDevice,
	enrol,
	startTestRelay,
	testAdmin,
	type SyncOffice,
	type TestDevice
} from '../test-support/sync-devices';
import { countUnsynced } from './outbox-rows';
import { MESSAGE_TYPES } from './protocol';

const ALPHA: DocumentRef = { area: 'alpha' };

let relay: Awaited<ReturnType<typeof startTestRelay>>;
let devices: TestDevice[] = [];

beforeAll(async () => {
	relay = await startTestRelay();
});

afterAll(async () => {
	await relay.close();
});

afterEach(async () => {
	for (const device of devices) await device.dispose();
	devices = [];
});

/** An office with keys of its own (epoch 1), so adding an epoch touches no other test. */
async function newOffice(): Promise<SyncOffice> {
	const keyring = new AreaKeyring();
	for (const area of ['alpha', 'beta']) {
		keyring.add(area, { epoch: 1, keyId: `${area}-1` }, await generateAeadKey());
	}
	return { officeId: ulid(), keyring, admin: await testAdmin() };
}

async function device(office: SyncOffice, name: string, register = false) {
	const created = await createTestDevice({ relay, office, name, register });
	devices.push(created);
	return created;
}

/** A started device the first one enrolled. */
async function joined(first: TestDevice, office: SyncOffice, name: string) {
	const other = await device(office, name);
	await enrol(first, other);
	await other.client.start();
	return other;
}

async function write(on: TestDevice, id: string, qty: number) {
	const document = await on.documents.open(ALPHA);
	document.transact((doc) => writeRecord(doc, 'items', id, { name: id, qty }));
	await on.documents.flush();
}

async function itemIds(on: TestDevice) {
	return [...collection((await on.documents.open(ALPHA)).doc, 'items').keys()].sort();
}

function snapshotsSent(on: TestDevice) {
	return on.socket.sent.filter((frame) => frame[0] === MESSAGE_TYPES.SNAPSHOT).length;
}

describe('fresh snapshots after a key rotation', () => {
	it('leaves only new-epoch ciphertext of the document at the relay, which a new device reads whole', async () => {
		const office = await newOffice();
		const a = await device(office, 'A', true);
		await a.client.start();
		await connected(a.client);
		const b = await joined(a, office, 'B');
		await write(a, 'r1', 1);
		await write(b, 'r2', 2);
		await write(a, 'r3', 3);
		await vi.waitFor(async () => {
			for (const each of [a, b]) expect(await countUnsynced(each.db)).toBe(0);
			expect(await itemIds(a)).toEqual(['r1', 'r2', 'r3']);
		});

		office.keyring.add('alpha', { epoch: 2, keyId: 'alpha-2' }, await generateAeadKey());
		await startReencryption(a.db, ['alpha']);
		const left = await runReencryption(a.db, a.documents, {
			reseal: (docId) => a.client.resealNow(docId)
		});
		expect(left).toBeNull();
		expect(snapshotsSent(a)).toBe(1);

		const late = await joined(a, office, 'late');
		await vi.waitFor(async () => expect(await itemIds(late)).toEqual(['r1', 'r2', 'r3']));
		const received = await late.db.updates.where('docId').equals('alpha').toArray();
		expect(received.map((row) => row.epoch)).toEqual([2]);
		expect(await late.documents.isComplete('alpha')).toBe(true);
	});

	it('sends nothing for a document the relay never heard of, and says so', async () => {
		const office = await newOffice();
		const a = await device(office, 'A', true);
		await a.client.start();
		await connected(a.client);
		await write(a, 'r1', 1);
		await vi.waitFor(async () => expect(await countUnsynced(a.db)).toBe(0));

		expect(await a.client.resealNow('beta')).toBe('sent');
		expect(snapshotsSent(a)).toBe(0);
		expect(await a.client.resealNow('alpha')).toBe('sent');
		expect(snapshotsSent(a)).toBe(1);
	});

	it('answers offline while not connected, so the document is asked for again later', async () => {
		const office = await newOffice();
		const a = await device(office, 'A', true);
		await write(a, 'r1', 1);
		expect(await a.client.resealNow('alpha')).toBe('offline');
		expect(snapshotsSent(a)).toBe(0);
	});

	it('reports a document that is not whole on this device as unreadable, sending nothing', async () => {
		const office = await newOffice();
		const a = await device(office, 'A', true);
		await a.client.start();
		await connected(a.client);
		await write(a, 'r1', 1);
		await vi.waitFor(async () => expect(await countUnsynced(a.db)).toBe(0));
		const row = (await a.db.updates.where('docId').equals('alpha').first())!;
		const ciphertext = row.ciphertext.slice();
		ciphertext[0] ^= 0x01;
		await a.reload();
		await a.db.updates.put({ ...row, ciphertext });
		await a.client.start();
		await connected(a.client);

		expect(await a.client.resealNow('alpha')).toBe('unreadable');
		expect(snapshotsSent(a)).toBe(0);
	});
});
