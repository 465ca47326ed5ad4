/**
 * Compaction at the relay in protocol v2: a snapshot needs a manager's countersignature, stays
 * pending until another device confirms it opens, and is dropped when one cannot open it.
 * Through a real relay on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateAeadKey } from '../crypto/aead';
import type { DocumentRef } from '../documents/document-id';
import { writeRecord } from '../documents/records';
import { AreaKeyring } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import {
	connected,
	enrolledDevices,
	startTestRelay,
	type DeviceOptions,
	type TestDevice
} from '../test-support/sync-devices';
import type { SnapshotDone } from './messages';
import { countUnsynced } from './outbox-rows';
import { MESSAGE_TYPES } from './protocol';
import { readCursors } from './sync-meta';

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

/** A (snapshots after 5 items) and B, both connected; B writes, A receives. */
async function pair(options: Partial<DeviceOptions> = {}) {
	const { devices: group } = await enrolledDevices(relay, 2, {
		client: { snapshotAfter: 5 },
		...options
	});
	devices.push(...group);
	const [a, b] = group;
	await b.client.start();
	await connected(b.client);
	const done: SnapshotDone[] = [];
	a.client.onSnapshotDone((outcome) => done.push(outcome));
	return { a, b, done };
}

async function writeMany(device: TestDevice, from: number, to: number) {
	const document = await device.documents.open(ALPHA);
	for (let n = from; n <= to; n++) {
		document.transact((doc) => writeRecord(doc, 'items', `item-${n}`, { n }));
		await device.documents.flush();
	}
	await vi.waitFor(async () => expect(await countUnsynced(device.db)).toBe(0));
}

const framesOf = (device: TestDevice, type: number) =>
	device.socket.sent.filter((frame) => frame[0] === type).length;

/** A cipher that seals under the right key's name with other key bytes: nobody can open it. */
async function wrongCipher(device: TestDevice) {
	const { epoch, keyId } = device.office.keyring.current('alpha');
	const wrong = new AreaKeyring();
	wrong.add('alpha', { epoch, keyId }, await generateAeadKey());
	return keyringCipher(wrong, device.device.deviceId);
}

describe('snapshots offered by the relay', () => {
	it('confirms a snapshot that opens and disputes one that does not', async () => {
		const { a, b, done } = await pair();
		await writeMany(b, 1, 6);
		await vi.waitFor(() => expect(done).toHaveLength(1), { timeout: 5000 });
		expect(done[0]).toMatchObject({ docId: 'alpha', ok: true });
		expect(framesOf(b, MESSAGE_TYPES.SNAPSHOT_CONFIRM)).toBe(1);
		expect(b.client.status.disputed).toEqual([]);

		a.client.attach(a.documents, await wrongCipher(a), a.office.admin);
		await writeMany(b, 7, 13);
		await vi.waitFor(() => expect(done).toHaveLength(2), { timeout: 5000 });
		expect(done[1]).toMatchObject({ docId: 'alpha', ok: false });
		expect(framesOf(b, MESSAGE_TYPES.SNAPSHOT_DISPUTE)).toBe(1);
		expect(b.client.status.disputed).toEqual(['alpha']);
	});

	it('sends no relay snapshot without a manager’s signature', async () => {
		const { a, b, done } = await pair({ admin: null });
		await writeMany(b, 1, 8);
		await vi.waitFor(async () => expect((await readCursors(a.db)).alpha).toBe(8));
		expect(framesOf(a, MESSAGE_TYPES.SNAPSHOT)).toBe(0);
		expect(await a.client.resealNow('alpha')).toBe('no-admin');
		expect(framesOf(a, MESSAGE_TYPES.SNAPSHOT)).toBe(0);
		expect(done).toEqual([]);
	});
});
