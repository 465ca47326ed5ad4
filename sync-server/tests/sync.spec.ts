import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	connectOffice,
	payloads,
	RelayTestClient,
	startTestRelay,
	stopRelays,
	type Item
} from '../test-support';

const FAST = { ratePerSecond: 100_000, rateBurst: 100_000 };

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

const seqs = (items: Item[]) => items.map((item) => item.seq);
const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('relay sync', () => {
	it('acknowledges a push with the seq it was stored under', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		expect(await a.pushAndAck('directory', 1, Buffer.from('one'))).toEqual({
			docId: 'directory',
			deviceSeq: 1,
			seq: 1
		});
		expect(await a.pushAndAck('directory', 2, Buffer.from('two'))).toMatchObject({ seq: 2 });
		expect(await a.pushAndAck('schedule/2026-11', 3, Buffer.from('x'))).toMatchObject({ seq: 1 });
	});

	it('sends a new device the backlog in pages of at most 512 items, then CAUGHT_UP', async () => {
		const relay = await startTestRelay({ limits: FAST });
		const [a, b] = await connectOffice(relay.url, 2);
		const sent = payloads(1100, 40);
		await a.pushMany('directory', 1, sent);
		await a.pushAndAck('schedule/2026-11', 2000, Buffer.from('other document'));

		const { pages, items } = await b.subscribe();
		const directory = pages.filter((page) => page.docId === 'directory');
		expect(directory.map((page) => page.items.length)).toEqual([512, 512, 76]);
		expect(directory.map((page) => page.more)).toEqual([true, true, false]);
		expect(directory.every((page) => page.latest === 1100 && page.sinceSnapshot === 1100)).toBe(
			true
		);
		const stored = items.filter((item) => item.docId === 'directory');
		expect(seqs(stored)).toEqual(range(1, 1100));
		expect(stored.map((item) => item.payload.toString())).toEqual(sent.map((p) => p.toString()));
		expect(stored[0]).toMatchObject({ kind: 'update', deviceId: a.device.deviceId, deviceSeq: 1 });
		expect(items.filter((item) => item.docId === 'schedule/2026-11')).toHaveLength(1);
	});

	it('pages a 3 MiB backlog at 1 MiB of payload, an oversized item alone', async () => {
		const relay = await startTestRelay({ limits: FAST });
		const [a, b] = await connectOffice(relay.url, 2);
		const quarter = 256 * 1024;
		const sent = [
			...payloads(5, quarter, 1),
			Buffer.alloc(1536 * 1024, 7),
			...payloads(2, quarter, 2)
		];
		await a.pushMany('clinical', 1, sent);

		const { pages, items } = await b.subscribe();
		expect(pages.map((page) => page.items.length)).toEqual([4, 1, 1, 2]);
		for (const page of [pages[0], pages[1], pages[3]]) {
			expect(page.items.reduce((sum, item) => sum + item.size, 0)).toBeLessThanOrEqual(1024 * 1024);
		}
		expect(pages[2].items[0].size).toBe(1536 * 1024);
		expect(items.map((item) => Buffer.compare(item.payload, sent[item.seq - 1]))).toEqual(
			sent.map(() => 0)
		);
	});

	it('forwards new items live to the other devices of the office, not back to the writer', async () => {
		const relay = await startTestRelay();
		const [a, b, c] = await connectOffice(relay.url, 3);
		const [other] = await connectOffice(relay.url, 1);
		await Promise.all([b.subscribe(), c.subscribe(), other.subscribe()]);

		const header = a.push('directory', 1, Buffer.from('live'));
		for (const client of [b, c]) {
			const page = await client.nextPage();
			expect(page).toMatchObject({ docId: 'directory', more: false, latest: 1, sinceSnapshot: 1 });
			expect(page.items).toEqual([
				expect.objectContaining({
					seq: 1,
					kind: 'update',
					deviceId: a.device.deviceId,
					deviceSeq: 1,
					nonce: header.nonce,
					signature: header.signature,
					payload: Buffer.from('live')
				})
			]);
		}
		await a.next(MSG.ACK);
		await other.ping();
		await a.ping();
		expect(other.queued(MSG.UPDATES)).toEqual([]);
		expect(a.queued(MSG.UPDATES)).toEqual([]);
	});

	it('sends only the items after the cursors it is given', async () => {
		const relay = await startTestRelay({ limits: FAST });
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushMany('directory', 1, payloads(10, 8));
		await a.pushMany('hr', 11, payloads(3, 8));

		const { items } = await b.subscribe({ directory: 7, hr: 3 });
		expect(items.map((item) => `${item.docId}:${item.seq}`)).toEqual([
			'directory:8',
			'directory:9',
			'directory:10'
		]);
		const again = await b.subscribe({ directory: 10, hr: 3 });
		expect(again.items).toEqual([]);
	});

	it('acknowledges a retransmitted deviceSeq again without storing a second copy', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		expect(await a.pushAndAck('directory', 5, Buffer.from('first'))).toMatchObject({ seq: 1 });
		expect(await a.pushAndAck('directory', 5, Buffer.from('first'))).toMatchObject({ seq: 1 });
		expect(await a.pushAndAck('directory', 3, Buffer.from('older'))).toMatchObject({ seq: 0 });
		expect(await a.pushAndAck('directory', 6, Buffer.from('next'))).toMatchObject({ seq: 2 });

		const { items } = await b.subscribe();
		expect(items.map((item) => [item.deviceSeq, item.payload.toString()])).toEqual([
			[5, 'first'],
			[6, 'next']
		]);
	});

	it('never lets a live item overtake the backlog of its document', async () => {
		const relay = await startTestRelay({ limits: { ...FAST, pageMaxItems: 50 } });
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushMany('directory', 1, payloads(600, 16));

		b.send(MSG.SUBSCRIBE, { cursors: {} });
		const during = a.pushMany('directory', 601, payloads(200, 16, 1));
		const received: number[] = [];
		while (received.length < 800) {
			const page = await b.nextPage();
			received.push(...seqs(page.items));
		}
		await during;
		expect(received).toEqual(range(1, 800));
		await b.next(MSG.CAUGHT_UP);
	});

	it('resumes a device after reconnecting: items pushed while it was away, then live', async () => {
		const relay = await startTestRelay({ limits: FAST });
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushMany('directory', 1, payloads(5, 8));
		const first = await b.subscribe();
		const cursor = Math.max(...seqs(first.items));
		await b.close();

		await a.pushMany('directory', 6, payloads(3, 8, 1));
		const again = await RelayTestClient.connect(relay.url, b.device);
		await again.auth();
		expect(seqs((await again.subscribe({ directory: cursor })).items)).toEqual([6, 7, 8]);
		a.push('directory', 9, Buffer.from('live'));
		expect(seqs((await again.nextPage()).items)).toEqual([9]);
	});
});
