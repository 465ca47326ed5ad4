import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from '../bytes';
import { generateSigningKeyPair } from '../crypto/signing';
import type { OfficeDatabase, UpdateRow } from '../storage/db';
import { deleteDatabase, testDatabase } from '../test-support/test-office';
import type { ClientMessage } from './messages';
import { Outbox, type OutboxOptions } from './outbox';
import { countUnsynced, moveToEnd } from './outbox-rows';

const ME = 'device-me';

let db: OfficeDatabase;
let sent: Extract<ClientMessage, { type: 'PUSH' }>[];
/** The outbox of the running test, ended after it. */
let current: Outbox | undefined;

function row(overrides: Partial<UpdateRow> = {}): UpdateRow {
	return {
		docId: 'alpha',
		epoch: 1,
		deviceId: ME,
		nonce: randomBytes(12),
		ciphertext: randomBytes(20),
		synced: 0,
		...overrides
	};
}

async function addRows(count: number, overrides: Partial<UpdateRow> = {}): Promise<number[]> {
	const ids: number[] = [];
	for (let i = 0; i < count; i++) ids.push((await db.updates.add(row(overrides))) as number);
	return ids;
}

async function makeOutbox(options: Partial<OutboxOptions> = {}): Promise<Outbox> {
	const pair = await generateSigningKeyPair();
	const made = new Outbox({ db, deviceId: ME, signingKey: pair.privateKey, ...options });
	made.begin((message) => {
		if (message.type === 'PUSH') sent.push(message);
		return true;
	});
	current = made;
	return made;
}

const sentSeqs = () => sent.map((message) => message.header.deviceSeq);

beforeEach(() => {
	db = testDatabase();
	sent = [];
});

afterEach(async () => {
	current?.end();
	await current?.settle();
	current = undefined;
	await deleteDatabase(db);
});

describe('Outbox', () => {
	it('pushes this device’s unsynced rows in id order, never more than maxInFlight at once', async () => {
		const mine = await addRows(5);
		await addRows(2, { deviceId: 'someone-else', synced: 1 });
		const outbox = await makeOutbox({ maxInFlight: 3 });

		await vi.waitFor(() => expect(sentSeqs()).toEqual(mine.slice(0, 3)));
		outbox.acknowledge(mine[0], 1);
		outbox.acknowledge(mine[1], 1);
		await vi.waitFor(() => expect(sentSeqs()).toEqual(mine));
		expect(outbox.inFlight).toBe(3);
	});

	it('marks a row synced only when its ACK arrives', async () => {
		const [first, second] = await addRows(2);
		const outbox = await makeOutbox();
		await vi.waitFor(() => expect(sent).toHaveLength(2));
		expect(await countUnsynced(db)).toBe(2);

		outbox.acknowledge(first, 1);
		await outbox.settle();
		expect((await db.updates.get(first))?.synced).toBe(1);
		expect((await db.updates.get(second))?.synced).toBe(0);
	});

	it('pushes everything unacknowledged again on a new connection, in the same order', async () => {
		const ids = await addRows(3);
		const outbox = await makeOutbox();
		await vi.waitFor(() => expect(sent).toHaveLength(3));
		outbox.acknowledge(ids[0], 1);
		await outbox.settle();

		sent = [];
		outbox.begin((message) => {
			if (message.type === 'PUSH') sent.push(message);
			return true;
		});
		await vi.waitFor(() => expect(sentSeqs()).toEqual(ids.slice(1)));
	});

	it('moves a push the relay refused to a fresh, higher id, so it is never taken for a repeat', async () => {
		const ids = await addRows(3);
		const outbox = await makeOutbox();
		await vi.waitFor(() => expect(sent).toHaveLength(3));

		outbox.acknowledge(ids[0], 1);
		expect(outbox.refuse(ids[1])).toBe(true);
		outbox.acknowledge(ids[2], 1);
		await vi.waitFor(() => expect(sent).toHaveLength(4));
		const moved = sent[3];
		expect(moved.header.deviceSeq).toBeGreaterThan(ids[2]);
		expect(await db.updates.get(ids[1])).toBeUndefined();
		expect((await db.updates.get(moved.header.deviceSeq))?.ciphertext).toEqual(sent[1].payload);
	});

	it('moves pushes a later ACK skipped (the relay dropped them)', async () => {
		const ids = await addRows(3);
		const outbox = await makeOutbox();
		await vi.waitFor(() => expect(sent).toHaveLength(3));

		outbox.acknowledge(ids[2], 1);
		await vi.waitFor(() => expect(sent).toHaveLength(5));
		expect(
			sentSeqs()
				.slice(3)
				.every((seq) => seq > ids[2])
		).toBe(true);
		expect(await db.updates.bulkGet(ids.slice(0, 2))).toEqual([undefined, undefined]);
	});

	it('moves the pushes refused without a name once every other push is answered', async () => {
		const ids = await addRows(2);
		const outbox = await makeOutbox();
		await vi.waitFor(() => expect(sent).toHaveLength(2));

		outbox.refuseUnnamed();
		expect(sent).toHaveLength(2);
		outbox.acknowledge(ids[0], 1);
		await vi.waitFor(() => expect(sent).toHaveLength(3));
		expect(sent[2].header.deviceSeq).toBeGreaterThan(ids[1]);
	});

	it('paces pushes with a token bucket', async () => {
		await addRows(6);
		await makeOutbox({ rate: { perSecond: 20, burst: 2 } });
		await vi.waitFor(() => expect(sent).toHaveLength(2));
		const started = Date.now();
		await vi.waitFor(() => expect(sent).toHaveLength(6));
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	});

	it('pushes anew a row the relay took for a repeat of an item it does not hold (ACK seq 0)', async () => {
		const [only] = await addRows(1);
		const outbox = await makeOutbox();
		await vi.waitFor(() => expect(sent).toHaveLength(1));

		outbox.acknowledge(only, 0);
		await vi.waitFor(() => expect(sent).toHaveLength(2));
		expect(sent[1].header.deviceSeq).toBeGreaterThan(only);
		expect(sent[1].payload).toEqual(sent[0].payload);
		expect(await countUnsynced(db)).toBe(1);
	});

	it('keeps rows and their bytes when moving them, and moves only unsynced ones', async () => {
		const [unsynced] = await addRows(1);
		const [synced] = await addRows(1, { synced: 1 });
		const before = await db.updates.get(unsynced);
		await moveToEnd(db, [unsynced, synced]);
		expect(await db.updates.get(synced)).toBeDefined();
		const rows = await db.updates.where('synced').equals(0).toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBeGreaterThan(synced);
		expect({ ...rows[0], id: undefined }).toEqual({ ...before, id: undefined });
	});
});
