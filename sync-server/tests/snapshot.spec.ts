import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	compact,
	connectOffice,
	payloads,
	RelayTestClient,
	signItem,
	startTestRelay,
	stopRelays,
	storedRows,
	type RelayTestClient as Client,
	type TestRelay
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

async function officeWithTenItems(relay: TestRelay): Promise<[Client, Client]> {
	const [a, b] = await connectOffice(relay.url, 2);
	await a.pushMany('directory', 1, payloads(10, 100));
	return [a, b];
}

const snapshotOf = (covers: number, deviceSeq: number, text: string) => ({
	docId: 'directory',
	covers,
	deviceSeq,
	payload: Buffer.from(text)
});

describe('relay snapshots', () => {
	it('swaps in a confirmed snapshot and drops the items it covers', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		await compact(a, b, snapshotOf(6, 11, 'state as of 6'));

		const rows = storedRows(relay.dbPath);
		expect(rows).toMatchObject({ items: [7, 8, 9, 10], covers: [6], pending: [] });
		expect(rows.bytes).toEqual([400 + 13]);
		const { pages, items } = await b.subscribe();
		expect(items.map((item) => [item.seq, item.kind])).toEqual([
			[6, 'snapshot'],
			[7, 'update'],
			[8, 'update'],
			[9, 'update'],
			[10, 'update']
		]);
		expect(items[0]).toMatchObject({ deviceId: a.device.deviceId, deviceSeq: 11, v: 2 });
		expect(items[0].payload.toString()).toBe('state as of 6');
		expect(pages[0]).toMatchObject({ latest: 10, sinceSnapshot: 4 });
	});

	it('sends the snapshot only to cursors older than it', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		await compact(a, b, snapshotOf(6, 11, 'state'));

		const behind = await b.subscribe({ directory: 3 });
		expect(behind.items.map((item) => item.seq)).toEqual([6, 7, 8, 9, 10]);
		const ahead = await b.subscribe({ directory: 8 });
		expect(ahead.items.map((item) => [item.seq, item.kind])).toEqual([
			[9, 'update'],
			[10, 'update']
		]);
	});

	it.each([
		['below the confirmed snapshot', 4],
		['past the latest seq', 11],
		['below the pending snapshot it would replace', 7]
	])('refuses a snapshot whose covers is %s and changes nothing', async (_, covers) => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		await compact(a, b, snapshotOf(6, 11, 'first'));
		await a.snapshotAndAck('directory', 8, 12, Buffer.from('pending'));
		const before = storedRows(relay.dbPath);

		a.snapshot('directory', covers, 13, Buffer.from('stale'));
		expect(await a.error()).toMatchObject({
			code: 'stale-snapshot',
			fatal: false,
			ref: { type: MSG.SNAPSHOT, docId: 'directory', deviceSeq: 13 }
		});
		expect(storedRows(relay.dbPath)).toEqual(before);
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
		await compact(a, b, snapshotOf(10, 11, 'epoch 1'));
		await compact(a, b, snapshotOf(10, 12, 'epoch 2'), { epoch: 2 });

		expect(storedRows(relay.dbPath)).toMatchObject({ items: [], covers: [10], bytes: [7] });
		const { items } = await b.subscribe();
		expect(items).toEqual([expect.objectContaining({ seq: 10, epoch: 2, kind: 'snapshot' })]);
		expect(items[0].payload.toString()).toBe('epoch 2');
	});

	it('refuses a snapshot with a bad device signature and keeps every item', async () => {
		const relay = await startTestRelay();
		const [a, b] = await officeWithTenItems(relay);
		const payload = Buffer.from('state');
		const header = a.snapshot('directory', 10, 11, payload);
		await a.next(MSG.SNAPSHOT_ACK);
		const nonce = randomBytes(12).toString('base64');
		const cases = [
			{ ...header, deviceSeq: 12, nonce, signature: Buffer.alloc(64, 1).toString('base64') },
			{
				...header,
				deviceSeq: 12,
				nonce,
				signature: signItem(b.device, { ...header, kind: 'snapshot' }, payload)
			}
		];
		for (const forged of cases) {
			a.send(MSG.SNAPSHOT, forged, payload);
			expect((await a.error()).code).toBe('bad-signature');
		}
		expect(storedRows(relay.dbPath).items).toHaveLength(10);
	});

	it('acknowledges a resent pending snapshot again without resetting its confirmations', async () => {
		const relay = await startTestRelay({ limits: { snapshotConfirmations: 2 } });
		const [a, b, c] = await connectOffice(relay.url, 3);
		await a.pushMany('directory', 1, payloads(4, 10));
		const header = await a.snapshotAndAck('directory', 4, 5, Buffer.from('state'));
		b.confirmSnapshot(header);
		await b.ping();
		a.send(MSG.SNAPSHOT, header, Buffer.from('state'));
		await a.next(MSG.SNAPSHOT_ACK);
		c.confirmSnapshot(header);
		expect((await a.next(MSG.SNAPSHOT_DONE)).header).toMatchObject({ ok: true });
		expect(storedRows(relay.dbPath)).toMatchObject({ items: [], covers: [4] });
	});
});
