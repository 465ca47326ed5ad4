import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocumentRef } from '../documents/document-id';
import { collection, writeRecord } from '../documents/records';
import {
	connected,
	createTestDevice,
	enrol,
	enrolledDevices,
	newSyncOffice,
	startTestRelay,
	type TestDevice
} from '../test-support/sync-devices';
import { countUnsynced } from './outbox-rows';
import type { SyncStatus } from './sync-status';

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

async function enroll(count: number, options: Parameters<typeof enrolledDevices>[2] = {}) {
	const result = await enrolledDevices(relay, count, options);
	devices.push(...result.devices);
	return result;
}

async function write(device: TestDevice, id: string, fields: Record<string, unknown>, ref = ALPHA) {
	const document = await device.documents.open(ref);
	document.transact((doc) => writeRecord(doc, 'items', id, fields));
	await device.documents.flush();
}

async function items(device: TestDevice, ref = ALPHA) {
	const records = collection((await device.documents.open(ref)).doc, 'items');
	return records.toJSON() as Record<string, Record<string, unknown>>;
}

/** The document's items, read from a copy of its whole Yjs state. */
async function stateOf(device: TestDevice, ref = ALPHA) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate((await device.documents.open(ref)).doc));
	return doc.getMap('items').toJSON();
}

/** Waits until no device has unsynced rows and every device shows the same items. */
async function inStep(group: TestDevice[], ref = ALPHA, timeout = 10_000) {
	await vi.waitFor(
		async () => {
			for (const device of group) expect(await countUnsynced(device.db)).toBe(0);
			const first = await items(group[0], ref);
			for (const device of group.slice(1)) expect(await items(device, ref)).toEqual(first);
		},
		{ timeout, interval: 20 }
	);
}

describe('SyncClient', () => {
	it('merges edits two devices made offline to the same document, losing none', async () => {
		const [a, b] = (await enroll(2)).devices;
		await a.client.stop();

		await write(a, 'r1', { name: 'from A', qty: 1 });
		await write(b, 'r2', { name: 'from B', qty: 2 });
		await write(a, 'shared', { name: 'A names it', qty: 3 });
		await write(b, 'shared', { note: 'B adds a note' });
		await write(b, 'shared', { qty: 4 });

		await Promise.all([a.client.start(), b.client.start()]);
		await inStep([a, b]);

		expect(await stateOf(a)).toEqual(await stateOf(b));
		const merged = await items(a);
		expect(merged.r1).toEqual({ name: 'from A', qty: 1 });
		expect(merged.r2).toEqual({ name: 'from B', qty: 2 });
		// Both wrote record "shared": one Y.Map wins the record, deterministically on both devices.
		expect([3, 4]).toContain(merged.shared.qty);
	});

	it('shows an edit on another device while both are online', async () => {
		const [a, b] = (await enroll(2)).devices;
		await b.client.start();
		await connected(b.client);
		await b.documents.open(ALPHA);

		await write(a, 'live', { name: 'typed on A', qty: 7 });
		await vi.waitFor(async () =>
			expect((await items(b)).live).toEqual({ name: 'typed on A', qty: 7 })
		);
		await vi.waitFor(() => expect(a.client.status.pending).toBe(0));
	});

	it('pushes the outbox after a reload: unsynced rows survive the page going away', async () => {
		const [a, b] = (await enroll(2)).devices;
		await a.client.stop();
		await write(a, 'kept', { name: 'written offline', qty: 1 });
		await write(a, 'kept', { qty: 2 });
		await a.documents.compact(ALPHA);
		expect(await countUnsynced(a.db)).toBe(2);

		await a.reload();
		await Promise.all([a.client.start(), b.client.start()]);
		await inStep([a, b]);
		expect((await items(b)).kept).toEqual({ name: 'written offline', qty: 2 });
	});

	it('sends edits folded into a local snapshot while sync was still off', async () => {
		const office = await newSyncOffice();
		const a = await createTestDevice({ relay, office, register: true });
		const b = await createTestDevice({ relay, office });
		devices.push(a, b);
		await write(a, 'early', { name: 'before any relay', qty: 1 });
		await write(a, 'early', { qty: 2 });
		await a.documents.compact(ALPHA);
		expect(await a.db.updates.count()).toBe(0);

		await a.client.start();
		await connected(a.client);
		await enrol(a, b);
		await b.client.start();
		await inStep([a, b]);
		expect((await items(b)).early).toEqual({ name: 'before any relay', qty: 2 });
	});

	it('reports pending changes, connection state and when it was last in step', async () => {
		const [a] = (await enroll(1)).devices;
		const seen: SyncStatus[] = [];
		a.client.subscribe((status) => seen.push(status));
		await vi.waitFor(() => expect(a.client.status.lastSyncedAt).not.toBeNull());
		await a.client.stop();
		expect(a.client.status.state).toBe('offline');

		await write(a, 'x', { name: 'offline edit' });
		await a.client.start();
		await vi.waitFor(() => expect(seen.some((s) => s.pending === 1)).toBe(true));
		await vi.waitFor(() =>
			expect(a.client.status).toMatchObject({ state: 'connected', pending: 0 })
		);
		expect(seen.map((s) => s.state)).toEqual(
			expect.arrayContaining(['connecting', 'connected', 'offline'])
		);
	});

	it('reconnects by itself after the connection drops, and sends what was written meanwhile', async () => {
		const [a, b] = (await enroll(2)).devices;
		await b.client.start();
		await connected(b.client);
		a.socket.cut();
		await write(a, 'after-cut', { name: 'still arrives' });
		await inStep([a, b]);
		expect((await items(b))['after-cut']).toEqual({ name: 'still arrives' });
		expect(a.socket.sockets.length).toBeGreaterThan(1);
	});

	describe('while the browser is offline', () => {
		afterEach(() => {
			vi.unstubAllGlobals();
		});

		it('opens no socket and says offline, then connects and pushes on pushNow once online', async () => {
			// A backoff far longer than the test: only pushNow can bring the connection back.
			const [a, b] = (await enroll(2, { client: { backoff: { initialMs: 60_000 } } })).devices;
			await a.client.stop();
			await b.client.start();
			await connected(b.client);
			const network = { onLine: false };
			vi.stubGlobal('navigator', network);

			await write(a, 'offline', { name: 'written with no network' });
			const seen: SyncStatus[] = [];
			a.client.subscribe((status) => seen.push(status));
			const sockets = a.socket.sockets.length;
			await a.client.start();
			await vi.waitFor(() => expect(a.client.status.pending).toBe(1));
			a.client.pushNow();
			await new Promise((resolve) => setTimeout(resolve, 100));
			expect(a.socket.sockets).toHaveLength(sockets);
			expect(a.client.status.state).toBe('offline');
			expect(seen.map((status) => status.state)).not.toContain('connecting');

			network.onLine = true;
			a.client.pushNow();
			await connected(a.client);
			expect(a.socket.sockets).toHaveLength(sockets + 1);
			await inStep([a, b]);
			expect((await items(b)).offline).toEqual({ name: 'written with no network' });
		});
	});

	it('drops the socket on disconnect, says offline at once, and reconnects after the backoff', async () => {
		const [a, b] = (await enroll(2)).devices;
		await b.client.start();
		await connected(b.client);
		const socket = a.socket.sockets[0];
		expect(a.client.status.state).toBe('connected');

		a.client.disconnect();
		expect(a.client.status.state).toBe('offline');
		expect([WebSocket.CLOSING, WebSocket.CLOSED]).toContain(socket.readyState);

		// The test devices back off 10–100 ms: a new socket, and edits flow through it
		await connected(a.client);
		expect(a.socket.sockets).toHaveLength(2);
		await write(a, 'after-disconnect', { name: 'sent on the new socket' });
		await inStep([a, b]);
		expect((await items(b))['after-disconnect']).toEqual({ name: 'sent on the new socket' });
	});

	it('refuses a revoked device: state refused, no reconnecting, nothing more received', async () => {
		const [a, b] = (await enroll(2)).devices;
		await b.client.start();
		await connected(b.client);

		await a.client.revokeDevice(b.device.deviceId, a.office.admin);
		await vi.waitFor(() => expect(b.client.status.state).toBe('refused'));
		expect(b.client.status.error).toMatch(/removed from the office/);
		const sockets = b.socket.sockets.length;

		await write(a, 'secret', { name: 'after revocation' });
		await vi.waitFor(() => expect(a.client.status.pending).toBe(0));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect((await items(b)).secret).toBeUndefined();
		expect(b.socket.sockets.length).toBe(sockets);

		// Starting again is refused again, straight away.
		await b.client.stop();
		await b.client.start();
		await vi.waitFor(() => expect(b.client.status.state).toBe('refused'));
	});

	it('refuses a device of another office', async () => {
		await enroll(1);
		const stranger = await createTestDevice({ relay, office: await newSyncOffice() });
		devices.push(stranger);
		await stranger.client.start();
		await vi.waitFor(() => expect(stranger.client.status.state).toBe('refused'));
		expect(stranger.client.status.error).toMatch(/does not know this device/);
	});

	it(
		'loses nothing when the relay drops pushes for going over its rate limit',
		{ timeout: 30_000 },
		async () => {
			const strict = await startTestRelay({ limits: { ratePerSecond: 40, rateBurst: 12 } });
			try {
				const { devices: group } = await enrolledDevices(strict, 2, {
					client: { pushRate: { perSecond: 1000, burst: 1000 } }
				});
				devices.push(...group);
				const [a, b] = group;
				// Written offline, so the outbox sends them in one burst, however fast writes are.
				await a.client.stop();
				await b.client.start();
				for (let n = 1; n <= 40; n++) await write(a, `r${n}`, { n });
				await a.client.start();
				await inStep([a, b], ALPHA, 20_000);
				expect(Object.keys(await items(b))).toHaveLength(40);
				// Some pushes were dropped and sent again under new ids.
				expect(a.socket.sent.filter((frame) => frame[0] === 0x12).length).toBeGreaterThan(40);
			} finally {
				await strict.close();
			}
		}
	);

	it('keeps rows the relay refuses for quota unsynced, says so, and sends them once there is room', async () => {
		const small = await startTestRelay({ limits: { officeQuotaBytes: 2000 } });
		try {
			const { devices: group } = await enrolledDevices(small, 1);
			devices.push(...group);
			const [a] = group;
			await write(a, 'big', { name: 'x'.repeat(3000) });
			await vi.waitFor(() =>
				expect(a.client.status.error).toMatch(/storage the sync server allows/)
			);
			expect(await countUnsynced(a.db)).toBe(1);
			await a.client.stop();
		} finally {
			await small.close();
		}
	});
});
