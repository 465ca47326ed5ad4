import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	connectOffice,
	createAdmin,
	createDevice,
	RelayTestClient,
	signChallenge,
	signItem,
	startTestRelay,
	stopRelays,
	type DevicesHeader
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

describe('relay devices and authentication', () => {
	it('lists the office devices and admins in READY and announces a new device to every socket', async () => {
		const relay = await startTestRelay();
		const before = Date.now();
		const [a, b] = await connectOffice(relay.url, 2);
		const admin = a.signedInAdmin().key;
		const again = await RelayTestClient.connect(relay.url, b.device);
		const ready = await again.auth();
		expect(ready.admins).toEqual([admin]);
		expect(ready.devices.map(({ addedAt: _, ...device }) => device)).toEqual([
			{ deviceId: a.device.deviceId, revoked: false, publicKey: a.device.publicKey, addedBy: '' },
			{ deviceId: b.device.deviceId, revoked: false, publicKey: b.device.publicKey, addedBy: admin }
		]);
		for (const { addedAt } of ready.devices) {
			expect(addedAt).toBeGreaterThanOrEqual(before);
			expect(addedAt).toBeLessThanOrEqual(Date.now());
		}
		const c = createDevice(a.device.officeId);
		await a.addDevice(c);
		const announced = await b.next<DevicesHeader>(MSG.DEVICES, (h) => h.devices.length === 3);
		expect(announced.header.devices.map((d) => d.deviceId)).toEqual([
			a.device.deviceId,
			b.device.deviceId,
			c.deviceId
		]);
		expect(announced.header.devices[2].addedAt).toBeGreaterThanOrEqual(before);
		expect(announced.header.devices[2].addedAt).toBeLessThanOrEqual(Date.now());
	});

	it('closes the sockets of a revoked device and refuses it at auth', async () => {
		const relay = await startTestRelay();
		const [a, b, c] = await connectOffice(relay.url, 3);
		await a.revokeDevice(b.device.deviceId);

		expect(await b.error('revoked')).toMatchObject({ fatal: true });
		expect((await b.closed).code).toBe(1008);
		const seen = await c.next<DevicesHeader>(MSG.DEVICES);
		expect(seen.header.devices).toContainEqual(
			expect.objectContaining({ deviceId: b.device.deviceId, revoked: true })
		);

		const again = await RelayTestClient.connect(relay.url, b.device);
		const nonce = await again.hello();
		again.send(MSG.AUTH, { signature: signChallenge(b.device, nonce) });
		expect(await again.error()).toMatchObject({ code: 'revoked', fatal: true });
		expect((await again.closed).code).toBe(1008);
	});

	it('refuses a device of another office', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		const [stranger] = await connectOffice(relay.url, 1);
		const posing = { ...stranger.device, officeId: a.device.officeId };
		const client = await RelayTestClient.connect(relay.url, posing);
		const nonce = await client.hello();
		client.send(MSG.AUTH, { signature: signChallenge(posing, nonce) });
		expect(await client.error()).toMatchObject({ code: 'unknown-device', fatal: true });
		expect((await client.closed).code).toBe(1008);
	});

	it('refuses an AUTH signed with the wrong key', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		const impostor = { ...createDevice(a.device.officeId), deviceId: a.device.deviceId };
		const client = await RelayTestClient.connect(relay.url, impostor);
		const nonce = await client.hello();
		client.send(MSG.AUTH, { signature: signChallenge(impostor, nonce) });
		expect(await client.error()).toMatchObject({ code: 'bad-signature', fatal: true });
	});

	it('refuses a REGISTER for an office id that exists', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		const intruder = await RelayTestClient.connect(relay.url, createDevice(a.device.officeId));
		const nonce = await intruder.hello();
		intruder.send(MSG.REGISTER, intruder.registerHeader(nonce, createAdmin()));
		expect(await intruder.error()).toMatchObject({ code: 'office-exists', fatal: true });
		expect((await intruder.closed).code).toBe(1008);
	});

	it('refuses a push with a bad signature and stores nothing', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const payload = Buffer.from('ciphertext');
		const header = a.push('directory', 1, payload);
		await a.next(MSG.ACK);
		const forged = { ...header, deviceSeq: 2 };
		a.send(MSG.PUSH, forged, payload);
		expect(await a.error()).toMatchObject({
			code: 'bad-signature',
			fatal: false,
			ref: { type: MSG.PUSH, docId: 'directory', deviceSeq: 2 }
		});
		const fields = { kind: 'update' as const, ...header, deviceSeq: 3 };
		a.send(MSG.PUSH, { ...fields, signature: signItem(b.device, fields, payload) }, payload);
		expect((await a.error()).code).toBe('bad-signature');

		const { items } = await b.subscribe();
		expect(items.map((item) => item.deviceSeq)).toEqual([1]);
	});

	it('refuses document messages before READY', async () => {
		const relay = await startTestRelay();
		const client = await RelayTestClient.connect(relay.url);
		client.send(MSG.SUBSCRIBE, { cursors: {} });
		expect(await client.error()).toMatchObject({ code: 'not-authenticated', fatal: false });
		await client.ping();
	});

	it('refuses a device id that is taken by another key', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const taken = { ...createDevice(a.device.officeId), deviceId: b.device.deviceId };
		await a.sendAdminChange({ action: 'add-device', device: taken });
		expect(await a.error()).toMatchObject({ code: 'device-exists', fatal: false });
	});
});
