import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	connectOffice,
	createAdmin,
	createDevice,
	payloads,
	RelayTestClient,
	signChallenge,
	startTestRelay,
	stopRelays
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

describe('relay bounds', () => {
	it('drops frames over the rate with ERROR rate-limited and serves the device again later', async () => {
		const relay = await startTestRelay({ limits: { ratePerSecond: 20, rateBurst: 10 } });
		const [a] = await connectOffice(relay.url, 1);
		for (let i = 0; i < 30; i++) a.send(MSG.PING, {});
		await a.error('rate-limited');
		await new Promise((resolve) => setTimeout(resolve, 300));
		await a.ping();
		expect(a.open).toBe(true);
	});

	it('shares one rate bucket between the sockets of a device', async () => {
		const relay = await startTestRelay({ limits: { ratePerSecond: 1, rateBurst: 8 } });
		const [a] = await connectOffice(relay.url, 1);
		const second = await RelayTestClient.connect(relay.url, a.device);
		await second.auth();
		for (let i = 0; i < 8; i++) await a.ping();
		second.send(MSG.PING, {});
		expect((await second.error()).code).toBe('rate-limited');
	});

	it('refuses a push over the storage quota and stores nothing of it', async () => {
		const relay = await startTestRelay({ limits: { officeQuotaBytes: 1000 } });
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushAndAck('directory', 1, Buffer.alloc(600));
		a.push('directory', 2, Buffer.alloc(600));
		expect(await a.error()).toMatchObject({ code: 'quota', fatal: false, ref: { deviceSeq: 2 } });
		expect(await a.pushAndAck('directory', 3, Buffer.alloc(400))).toMatchObject({ seq: 2 });
		const { items } = await b.subscribe();
		expect(items.map((item) => item.deviceSeq)).toEqual([1, 3]);
	});

	it('refuses a document past the per-office limit', async () => {
		const relay = await startTestRelay({ limits: { officeMaxDocuments: 2 } });
		const [a] = await connectOffice(relay.url, 1);
		await a.pushMany('directory', 1, payloads(1, 4));
		await a.pushMany('hr', 2, payloads(1, 4));
		a.push('finance/2026', 3, Buffer.from('x'));
		expect((await a.error()).code).toBe('quota');
		expect(await a.pushAndAck('hr', 4, Buffer.from('y'))).toMatchObject({ seq: 2 });
	});

	it('refuses a REGISTER past the office limit', async () => {
		const relay = await startTestRelay({ limits: { maxOffices: 1 } });
		await connectOffice(relay.url, 1);
		const second = await RelayTestClient.connect(relay.url);
		const nonce = await second.hello();
		second.send(MSG.REGISTER, second.registerHeader(nonce, createAdmin()));
		expect(await second.error()).toMatchObject({ code: 'quota', fatal: true });
	});

	it('refuses a socket past the per-office and total connection limits with 1013', async () => {
		const relay = await startTestRelay({ limits: { officeMaxConnections: 2, maxConnections: 3 } });
		const [a] = await connectOffice(relay.url, 2);
		const third = createDevice(a.device.officeId);
		await a.addDevice(third);
		const over = await RelayTestClient.connect(relay.url, third);
		const nonce = await over.hello();
		over.send(MSG.AUTH, { signature: signChallenge(third, nonce) });
		expect(await over.closed).toEqual({ code: 1013, reason: 'too-many-connections' });

		await RelayTestClient.connect(relay.url);
		const fourth = await RelayTestClient.connect(relay.url);
		expect((await fourth.closed).code).toBe(1013);
		await a.ping();
	});

	it('closes a socket that sends a frame over the size limit (1009)', async () => {
		const relay = await startTestRelay({ limits: { maxFrameBytes: 1024 } });
		const [a] = await connectOffice(relay.url, 1);
		a.push('directory', 1, Buffer.alloc(2048));
		expect((await a.closed).code).toBe(1009);
		const [b] = await connectOffice(relay.url, 1);
		await b.pushAndAck('directory', 1, Buffer.alloc(700));
	});

	it('closes a socket after 20 bad frames (1008)', async () => {
		const relay = await startTestRelay();
		const client = await RelayTestClient.connect(relay.url);
		for (let i = 0; i < 19; i++) client.sendRaw(Buffer.from([0x7f]));
		await client.ping();
		client.sendRaw('text frame');
		const last = await client.next<{ code: string; fatal: boolean }>(MSG.ERROR, (h) => h.fatal);
		expect(last.header.code).toBe('bad-frame');
		expect(client.queued(MSG.ERROR)).toHaveLength(19);
		expect((await client.closed).code).toBe(1008);
	});
});
