import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	createDevice,
	killRelays,
	RelayTestClient,
	spawnRelay,
	stopRelays,
	tempDir,
	type AckHeader,
	type Item
} from '../test-support';

const FAST = { RATE_PER_SECOND: '100000', RATE_BURST: '100000' };

afterEach(async () => {
	await RelayTestClient.closeAll();
	await killRelays();
	await stopRelays();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const payloadOf = (deviceSeq: number) => Buffer.alloc(700, `item ${deviceSeq};`);

describe('relay process', () => {
	it('answers /health and exits 0 on SIGTERM after closing sockets with 1001', async () => {
		const relay = await spawnRelay({ dbPath: join(tempDir(), 'relay.sqlite') });
		const health = await fetch(`${relay.httpUrl}/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toEqual({ ok: true });

		const client = await RelayTestClient.connect(relay.url);
		await client.register();
		const exit = relay.kill('SIGTERM');
		expect((await client.closed).code).toBe(1001);
		expect(await exit).toEqual({ code: 0, signal: null });
		expect(relay.logs.map((line) => (JSON.parse(line) as { event: string }).event)).toContain(
			'closed'
		);
	});

	it('keeps every acknowledged item through SIGKILL and lets the device resume', async () => {
		const dbPath = join(tempDir(), 'relay.sqlite');
		const first = await spawnRelay({ dbPath, env: FAST });
		const writer = await RelayTestClient.connect(first.url);
		await writer.register();

		const total = 4000;
		let sent = 0;
		while (sent < total && writer.queued(MSG.ACK).length < 400) {
			for (let i = 0; i < 20 && sent < total; i++) {
				sent += 1;
				writer.push(`doc-${sent % 3}`, sent, payloadOf(sent));
			}
			await tick();
		}
		await first.kill('SIGKILL');
		await writer.closed;
		const acked = new Set(
			writer.queued(MSG.ACK).map((f) => (f.header as unknown as AckHeader).deviceSeq)
		);
		expect(acked.size).toBeGreaterThanOrEqual(400);
		expect(sent).toBeGreaterThan(acked.size);

		const second = await spawnRelay({ dbPath, env: FAST });
		const resumed = await RelayTestClient.connect(second.url, writer.device);
		await resumed.auth();
		const afterCrash = await resumed.subscribe();
		const bySeq = new Map(afterCrash.items.map((item) => [item.deviceSeq, item]));
		for (const deviceSeq of acked) {
			expect(bySeq.get(deviceSeq)?.payload.equals(payloadOf(deviceSeq))).toBe(true);
		}

		const unacked = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !acked.has(n));
		for (const deviceSeq of unacked)
			resumed.push(`doc-${deviceSeq % 3}`, deviceSeq, payloadOf(deviceSeq));
		for (const deviceSeq of unacked) {
			await resumed.next<AckHeader>(MSG.ACK, (h) => h.deviceSeq === deviceSeq, 20_000);
		}

		const reader = createDevice(writer.device.officeId);
		await resumed.addDevice(reader);
		const check = await RelayTestClient.connect(second.url, reader);
		await check.auth();
		const { items } = await check.subscribe({}, 20_000);
		const deviceSeqs = items.map((item: Item) => item.deviceSeq).sort((x, y) => x - y);
		expect(deviceSeqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
		expect(items.every((item) => item.payload.equals(payloadOf(item.deviceSeq)))).toBe(true);
		for (const doc of ['doc-0', 'doc-1', 'doc-2']) {
			const seqs = items.filter((item) => item.docId === doc).map((item) => item.seq);
			expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
		}
	}, 30_000);
});
