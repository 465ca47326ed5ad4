import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	connectOffice,
	payloads,
	RelayTestClient,
	startTestRelay,
	stopRelays,
	type RelayTestClient as Client,
	type TestRelay
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

/** Rows of the relay's database, read beside the running relay. */
function stored(relay: TestRelay) {
	const db = new Database(relay.dbPath, { readonly: true });
	try {
		const items = db.prepare('SELECT seq FROM items ORDER BY seq').pluck().all() as number[];
		const covers = db.prepare('SELECT covers FROM snapshots').pluck().all() as number[];
		const bytes = db.prepare('SELECT bytes FROM offices').pluck().get() as number;
		return { items, covers, bytes };
	} finally {
		db.close();
	}
}

async function officeWithTenItems(relay: TestRelay): Promise<[Client, Client]> {
	const [a, b] = await connectOffice(relay.url, 2);
	await a.pushMany('directory', 1, payloads(10, 100));
	return [a, b];
}

describe('relay snapshots', () => {
	it('swaps in a snapshot and drops the items it covers', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		a.snapshot('directory', 6, 11, Buffer.from('state as of 6'));
		expect((await a.next(MSG.SNAPSHOT_ACK)).header).toEqual({ docId: 'directory', covers: 6 });

		expect(stored(relay)).toEqual({ items: [7, 8, 9, 10], covers: [6], bytes: 400 + 13 });
		const { pages, items } = await b.subscribe();
		expect(items.map((item) => [item.seq, item.kind])).toEqual([
			[6, 'snapshot'],
			[7, 'update'],
			[8, 'update'],
			[9, 'update'],
			[10, 'update']
		]);
		expect(items[0]).toMatchObject({ deviceId: a.device.deviceId, deviceSeq: 11 });
		expect(items[0].payload.toString()).toBe('state as of 6');
		expect(pages[0]).toMatchObject({ latest: 10, sinceSnapshot: 4 });
	});

	it('sends the snapshot only to cursors older than it', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		a.snapshot('directory', 6, 11, Buffer.from('state'));
		await a.next(MSG.SNAPSHOT_ACK);

		const behind = await b.subscribe({ directory: 3 });
		expect(behind.items.map((item) => item.seq)).toEqual([6, 7, 8, 9, 10]);
		const ahead = await b.subscribe({ directory: 8 });
		expect(ahead.items.map((item) => [item.seq, item.kind])).toEqual([
			[9, 'update'],
			[10, 'update']
		]);
	});

	it.each([
		['below the current snapshot', 4],
		['past the latest seq', 11]
	])('refuses a snapshot whose covers is %s and changes nothing', async (_, covers) => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		a.snapshot('directory', 6, 11, Buffer.from('first'));
		await a.next(MSG.SNAPSHOT_ACK);
		const before = stored(relay);

		a.snapshot('directory', covers, 12, Buffer.from('stale'));
		expect(await a.error()).toMatchObject({
			code: 'stale-snapshot',
			fatal: false,
			ref: { type: MSG.SNAPSHOT, docId: 'directory', deviceSeq: 12 }
		});
		expect(stored(relay)).toEqual(before);
		const { items } = await b.subscribe();
		expect(items[0].payload.toString()).toBe('first');
		expect(a.open).toBe(true);
	});

	it('refuses a snapshot of a document the relay does not have', async () => {
		const relay = await startTestRelay();
		const [a] = await officeWithTenItems(relay);
		a.snapshot('billing/2026', 1, 11, Buffer.from('nothing to cover'));
		expect((await a.error()).code).toBe('stale-snapshot');
	});

	it('replaces a snapshot by one with the same covers (a new key epoch)', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		a.snapshot('directory', 10, 11, Buffer.from('epoch 1'));
		await a.next(MSG.SNAPSHOT_ACK);
		a.snapshot('directory', 10, 12, Buffer.from('epoch 2'), 2);
		await a.next(MSG.SNAPSHOT_ACK);

		expect(stored(relay)).toEqual({ items: [], covers: [10], bytes: 7 });
		const { items } = await b.subscribe();
		expect(items).toEqual([expect.objectContaining({ seq: 10, epoch: 2, kind: 'snapshot' })]);
		expect(items[0].payload.toString()).toBe('epoch 2');
	});

	it('refuses a snapshot with a bad signature and keeps every item', async () => {
		const relay = await startTestRelay();
		const [a] = await officeWithTenItems(relay);
		a.send(MSG.SNAPSHOT, {
			docId: 'directory',
			covers: 10,
			deviceSeq: 11,
			epoch: 1,
			nonce: Buffer.alloc(12).toString('base64'),
			signature: Buffer.alloc(64, 1).toString('base64')
		});
		expect((await a.error()).code).toBe('bad-signature');
		expect(stored(relay).items).toHaveLength(10);
	});
});
