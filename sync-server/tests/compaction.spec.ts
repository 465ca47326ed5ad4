/**
 * Compaction under protocol v2: a snapshot needs an admin's countersignature, stays pending (it
 * deletes nothing) until a device other than its writer confirms it opens, and is dropped when
 * one disputes it. Under v1 any device's SNAPSHOT of random bytes deleted every covered item.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	connectOffice,
	countersignSnapshot,
	createAdmin,
	createDevice,
	payloads,
	RelayTestClient,
	startTestRelay,
	stopRelays,
	storedRows,
	type AdminIdentity,
	type DoneHeader,
	type OfferHeader,
	type RelayTestClient as Client,
	type SnapshotHeader,
	type TestRelay
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

async function officeWithTenItems(relay: TestRelay, devices = 2): Promise<Client[]> {
	const clients = await connectOffice(relay.url, devices);
	await clients[0].pushMany('directory', 1, payloads(10, 100));
	return clients;
}

/** A device newly enrolled by `admin`'s client, authenticated. */
async function newDevice(relay: TestRelay, admin: Client): Promise<Client> {
	const device = createDevice(admin.device.officeId);
	await admin.addDevice(device);
	const client = await RelayTestClient.connect(relay.url, device);
	await client.auth();
	return client;
}

const done = (client: Client, header: SnapshotHeader) =>
	client.next<DoneHeader>(MSG.SNAPSHOT_DONE, (h) => h.nonce === header.nonce);

const randomState = () => randomBytes(300);

describe('relay compaction with confirmation', () => {
	type Forgery = (header: SnapshotHeader, admin: AdminIdentity, device: Client) => object;
	const countersigned = (by: AdminIdentity, device: Client, header: SnapshotHeader, covers = 10) =>
		countersignSnapshot(by, device.device.officeId, 'directory', covers, header.signature);
	const forgeries: [string, string, Forgery][] = [
		[
			'countersigned by a key that is no admin',
			'not-admin',
			(h, _, d) => {
				const stranger = createAdmin();
				return { ...h, admin: stranger.key, adminSignature: countersigned(stranger, d, h) };
			}
		],
		[
			"countersigned by the device's own key",
			'not-admin',
			(h, _, d) => {
				const own = { privateKey: d.device.privateKey, key: d.device.publicKey };
				return { ...h, admin: own.key, adminSignature: countersigned(own, d, h) };
			}
		],
		[
			'naming the admin but signed by another key',
			'bad-signature',
			(h, _, d) => ({
				...h,
				adminSignature: countersigned(createAdmin(), d, h)
			})
		],
		[
			'whose countersignature approves another covers',
			'bad-signature',
			(h, admin, d) => ({
				...h,
				adminSignature: countersigned(admin, d, h, 9)
			})
		],
		['without a countersignature', 'bad-header', (h) => ({ ...h, adminSignature: undefined })]
	];

	it.each(forgeries)('refuses a snapshot %s and deletes nothing', async (_, code, forge) => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		const admin = a.signedInAdmin();
		const payload = randomState();
		const header = b.signSnapshot('directory', 10, 1, payload, { admin });
		b.send(MSG.SNAPSHOT, forge(header, admin, b), payload);

		expect(await b.error()).toMatchObject({ code, fatal: false, ref: { type: MSG.SNAPSHOT } });
		const rows = storedRows(relay.dbPath);
		expect(rows).toMatchObject({ items: Array.from({ length: 10 }, (_, i) => i + 1), pending: [] });
		expect(b.queued(MSG.SNAPSHOT_ACK)).toEqual([]);
		// The same snapshot, countersigned by the admin, is accepted (as pending).
		b.send(MSG.SNAPSHOT, header, payload);
		await b.next(MSG.SNAPSHOT_ACK);
	});

	it('keeps an admin-approved snapshot of random bytes pending: a new device still gets every item', async () => {
		const relay = await startTestRelay();
		const [a] = await officeWithTenItems(relay);
		await a.snapshotAndAck('directory', 10, 11, randomState());

		expect(storedRows(relay.dbPath)).toMatchObject({
			items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
			covers: [],
			pending: [10]
		});
		const fresh = await newDevice(relay, a);
		const { items } = await fresh.subscribe();
		expect(items.map((item) => [item.seq, item.kind])).toEqual(
			Array.from({ length: 10 }, (_, i) => [i + 1, 'update'])
		);
	});

	it('drops a disputed snapshot, keeps its items, and tells its writer', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		const before = storedRows(relay.dbPath);
		const header = await a.snapshotAndAck('directory', 10, 11, randomState());
		b.disputeSnapshot(header);

		expect((await done(a, header)).header).toEqual({
			docId: 'directory',
			covers: 10,
			nonce: header.nonce,
			ok: false
		});
		expect(storedRows(relay.dbPath)).toEqual(before);
		// Confirming it now names nothing: ignored, no ERROR.
		b.confirmSnapshot(header);
		await b.ping();
		expect(b.queued(MSG.ERROR)).toEqual([]);
		expect(storedRows(relay.dbPath)).toEqual(before);
	});

	it("does not count a confirmation from the writer's own device, so one device never compacts", async () => {
		const relay = await startTestRelay();
		const [a] = await officeWithTenItems(relay, 1);
		const second = await RelayTestClient.connect(relay.url, a.device);
		await second.auth();
		const header = await a.snapshotAndAck('directory', 10, 11, randomState());
		a.confirmSnapshot(header);
		second.confirmSnapshot(header);
		a.disputeSnapshot(header);
		await Promise.all([a.ping(), second.ping()]);

		expect(storedRows(relay.dbPath)).toMatchObject({ pending: [10], covers: [] });
		expect(storedRows(relay.dbPath).items).toHaveLength(10);
		expect(a.queued(MSG.SNAPSHOT_DONE)).toEqual([]);
		expect(a.queued(MSG.ERROR)).toEqual([]);
	});

	it('applies a snapshot once another device confirms it: the covered items are gone', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		const second = await RelayTestClient.connect(relay.url, a.device);
		await second.auth();
		const state = randomState();
		const header = await a.snapshotAndAck('directory', 10, 11, state, { link: 'chain:11' });
		b.confirmSnapshot(header);

		for (const socket of [a, second]) {
			expect((await done(socket, header)).header).toMatchObject({ covers: 10, ok: true });
		}
		expect(storedRows(relay.dbPath)).toMatchObject({
			items: [],
			covers: [10],
			pending: [],
			bytes: [300]
		});
		const fresh = await newDevice(relay, a);
		const { items } = await fresh.subscribe();
		expect(items).toEqual([
			expect.objectContaining({ seq: 10, kind: 'snapshot', deviceSeq: 11, link: 'chain:11', v: 2 })
		]);
		expect(items[0].payload.equals(state)).toBe(true);
		expect(b.queued(MSG.SNAPSHOT_DONE)).toEqual([]);
	});

	it('waits for SNAPSHOT_CONFIRMATIONS distinct devices before applying a snapshot', async () => {
		const relay = await startTestRelay({ limits: { snapshotConfirmations: 2 } });
		const [a, b, c] = await officeWithTenItems(relay, 3);
		const header = await a.snapshotAndAck('directory', 10, 11, randomState());
		b.confirmSnapshot(header);
		b.confirmSnapshot(header);
		await b.ping();
		expect(storedRows(relay.dbPath).pending).toEqual([10]);
		c.confirmSnapshot(header);
		expect((await done(a, header)).header.ok).toBe(true);
		expect(storedRows(relay.dbPath)).toMatchObject({ items: [], covers: [10] });
	});

	it('lets a newer pending snapshot replace an older one, whose confirmation then names nothing', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		const older = await a.snapshotAndAck('directory', 5, 11, randomState());
		const newer = await a.snapshotAndAck('directory', 8, 12, randomState());
		b.confirmSnapshot(older);
		await b.ping();
		expect(storedRows(relay.dbPath)).toMatchObject({ pending: [8], covers: [] });
		b.confirmSnapshot(newer);
		await done(a, newer);
		expect(storedRows(relay.dbPath)).toMatchObject({ items: [9, 10], covers: [8], pending: [] });
	});

	it('offers a pending snapshot to a live follower and to a device that subscribes later, never to its writer', async () => {
		const relay = await startTestRelay();
		const [a, b, c] = await officeWithTenItems(relay, 3);
		const writerSecond = await RelayTestClient.connect(relay.url, a.device);
		await writerSecond.auth();
		await Promise.all([b.subscribe(), writerSecond.subscribe()]);
		const state = randomState();
		const header = await a.snapshotAndAck('directory', 10, 11, state, { link: 'chain:x' });

		const live = await b.next<OfferHeader>(MSG.SNAPSHOT_OFFER);
		expect(live.header).toEqual({
			docId: 'directory',
			covers: 10,
			deviceId: a.device.deviceId,
			deviceSeq: 11,
			epoch: 1,
			nonce: header.nonce,
			signature: header.signature,
			link: 'chain:x',
			v: 2,
			size: state.length
		});
		expect(live.payload.equals(state)).toBe(true);

		// c had not subscribed: its offer comes with its backlog, just before CAUGHT_UP.
		expect(c.queued(MSG.SNAPSHOT_OFFER)).toEqual([]);
		await c.subscribe();
		const offered = c.queued(MSG.SNAPSHOT_OFFER);
		expect(offered.map((frame) => frame.header.nonce)).toEqual([header.nonce]);
		for (const writer of [a, writerSecond]) await writer.subscribe();
		await a.ping();
		expect([...a.queued(MSG.SNAPSHOT_OFFER), ...writerSecond.queued(MSG.SNAPSHOT_OFFER)]).toEqual(
			[]
		);
	});

	it('counts a pending snapshot against the office quota, freeing it when replaced or disputed', async () => {
		const relay = await startTestRelay({ limits: { officeQuotaBytes: 1000 } });
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushMany('directory', 1, payloads(6, 100));
		a.snapshot('directory', 6, 7, Buffer.alloc(500));
		expect(await a.error()).toMatchObject({ code: 'quota', ref: { type: MSG.SNAPSHOT } });
		await a.snapshotAndAck('directory', 6, 8, Buffer.alloc(300));
		a.push('directory', 9, Buffer.alloc(200));
		expect((await a.error()).code).toBe('quota');
		const replacing = await a.snapshotAndAck('directory', 6, 10, Buffer.alloc(350));
		expect(storedRows(relay.dbPath).bytes).toEqual([950]);
		b.disputeSnapshot(replacing);
		await done(a, replacing);
		expect(await a.pushAndAck('directory', 11, Buffer.alloc(200))).toMatchObject({ seq: 7 });
		expect(storedRows(relay.dbPath).bytes).toEqual([800]);
	});
});
