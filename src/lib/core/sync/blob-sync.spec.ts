import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { utf8Decode, utf8Encode } from '../bytes';
import { BlobUnavailableError } from '../blobs/blob-store';
import { LocalBlobStore } from '../blobs/local-blob-store';
import { tablesContaining } from '../test-support/storage-scan';
import {
	connected,
	enrolledDevices,
	startTestRelay,
	type SyncOffice,
	type TestDevice
} from '../test-support/sync-devices';
import { MESSAGE_TYPES } from './protocol';

const CANARY = 'CANARY-BLOB-5521 referral letter for John Doe';

let relay: Awaited<ReturnType<typeof startTestRelay>>;
const log: Record<string, unknown>[] = [];
let devices: TestDevice[] = [];
let stores: LocalBlobStore[] = [];

beforeAll(async () => {
	relay = await startTestRelay({ log: (entry) => log.push(entry) });
});

afterAll(async () => {
	await relay.close();
});

afterEach(async () => {
	for (const store of stores) store.close();
	for (const device of devices) await device.dispose();
	devices = [];
	stores = [];
});

/** Two enrolled devices, A stopped (offline) and B connected; each with a blob store. */
async function pair() {
	const { office, devices: group } = await enrolledDevices(relay, 2);
	devices.push(...group);
	const [a, b] = group;
	await a.client.stop();
	await b.client.start();
	await connected(b.client);
	return { a, b, blobsOf: (device: TestDevice) => blobStore(office, device) };
}

function blobStore(office: SyncOffice, device: TestDevice): LocalBlobStore {
	const store = new LocalBlobStore(device.db, office.keyring, device.device.deviceId, {
		pollMs: 10,
		timeoutMs: 5000
	});
	stores.push(store);
	return store;
}

const unsyncedBlobs = (device: TestDevice) => device.db.blobs.where('synced').equals(0).count();

describe('blob sync between two devices', () => {
	it('uploads a file added offline once the device is online, and the other device gets it', async () => {
		const { a, b, blobsOf } = await pair();
		const id = await blobsOf(a).put('alpha', utf8Encode(CANARY));
		expect(await unsyncedBlobs(a)).toBe(1);

		await a.client.start();
		await vi.waitFor(async () => expect(await unsyncedBlobs(a)).toBe(0));

		expect(await blobsOf(b).has(id)).toBe(false);
		expect(utf8Decode(await blobsOf(b).get('alpha', id))).toBe(CANARY);
		expect(await blobsOf(b).has(id)).toBe(true);
		expect(await b.db.blobWants.count()).toBe(0);
		expect(await b.db.blobs.get(id)).toMatchObject({ synced: 1, deviceId: a.device.deviceId });
	});

	it('counts a file waiting for upload as a change not yet synced', async () => {
		const { a, blobsOf } = await pair();
		await blobsOf(a).put('alpha', utf8Encode('scan'));
		await a.client.start();
		expect(a.client.status.pending).toBeGreaterThanOrEqual(1);
		await vi.waitFor(() => expect(a.client.status).toMatchObject({ pending: 0 }));
	});

	it('reports a file the adding device never uploaded as unavailable at once, and gets it later', async () => {
		const { a, b, blobsOf } = await pair();
		const id = await blobsOf(a).put('alpha', utf8Encode(CANARY));

		const started = Date.now();
		await expect(blobsOf(b).get('alpha', id, { timeoutMs: 4000 })).rejects.toBeInstanceOf(
			BlobUnavailableError
		);
		// Answered by the relay (BLOB_MISSING), not by the timeout.
		expect(Date.now() - started).toBeLessThan(3000);
		expect(typeof (await b.db.blobWants.get(id))?.missingAt).toBe('string');

		await a.client.start();
		await vi.waitFor(async () => expect(await unsyncedBlobs(a)).toBe(0));
		expect(utf8Decode(await blobsOf(b).get('alpha', id))).toBe(CANARY);
	});

	it('keeps the upload queue across a reload and an upload cut off before its ACK', async () => {
		const { a, b, blobsOf } = await pair();
		const first = await blobsOf(a).put('alpha', utf8Encode('first file'));
		await a.reload();
		await a.client.start();
		await connected(a.client);
		const second = await blobsOf(a).put('alpha', utf8Encode('second file'));
		await vi.waitFor(() =>
			expect(a.socket.sent.some((frame) => frame[0] === MESSAGE_TYPES.BLOB_PUT)).toBe(true)
		);
		a.socket.cut();

		await vi.waitFor(async () => expect(await unsyncedBlobs(a)).toBe(0), { timeout: 5000 });
		expect(utf8Decode(await blobsOf(b).get('alpha', first))).toBe('first file');
		expect(utf8Decode(await blobsOf(b).get('alpha', second))).toBe('second file');
	});

	it('downloads prefetched files in the background', async () => {
		const { a, b, blobsOf } = await pair();
		await a.client.start();
		const ids = [
			await blobsOf(a).put('alpha', utf8Encode('one')),
			await blobsOf(a).put('beta', utf8Encode('two'))
		];
		await vi.waitFor(async () => expect(await unsyncedBlobs(a)).toBe(0));

		await blobsOf(b).prefetch('alpha', [ids[0]]);
		await blobsOf(b).prefetch('beta', [ids[1]]);
		await vi.waitFor(async () => expect(await b.db.blobs.count()).toBe(2));
		expect(await b.db.blobWants.count()).toBe(0);
		expect(utf8Decode(await blobsOf(b).get('beta', ids[1], { timeoutMs: 0 }))).toBe('two');
	});

	it('never shows the relay, its log, the wire or either database the plaintext', async () => {
		const { a, b, blobsOf } = await pair();
		await a.client.start();
		const id = await blobsOf(a).put('alpha', utf8Encode(CANARY));
		await vi.waitFor(async () => expect(await unsyncedBlobs(a)).toBe(0));
		expect(utf8Decode(await blobsOf(b).get('alpha', id))).toBe(CANARY);

		const needle = Buffer.from(CANARY);
		const files = [relay.dbPath, `${relay.dbPath}-wal`].filter((path) => existsSync(path));
		expect(files.length).toBeGreaterThan(0);
		for (const path of files) expect(readFileSync(path).includes(needle)).toBe(false);
		expect(JSON.stringify(log)).not.toContain('CANARY-BLOB');
		expect(log.some((entry) => entry.event === 'blob-put' && entry.blobId === id)).toBe(true);
		const frames = [...a.socket.sent, ...b.socket.sent];
		expect(frames.some((frame) => frame[0] === MESSAGE_TYPES.BLOB_PUT)).toBe(true);
		for (const frame of frames) expect(Buffer.from(frame).includes(needle)).toBe(false);
		for (const device of [a, b]) {
			expect(await tablesContaining(device.db, 'CANARY-BLOB')).toEqual([]);
		}
	});
});
