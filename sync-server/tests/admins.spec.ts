/**
 * The admins of an office (protocol v2): registered with the office, added and removed only by
 * an admin, never down to none. Under v1 the relay knew no admins at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	adminChangeFrame,
	connectOffice,
	createAdmin,
	createDevice,
	proveAdminKey,
	RelayTestClient,
	startTestRelay,
	stopRelays,
	storedMembers
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

describe('relay admins', () => {
	it('registers an office with its first admin, proven by that key', async () => {
		const relay = await startTestRelay();
		const client = await RelayTestClient.connect(relay.url);
		const admin = createAdmin();
		const ready = await client.register(admin);
		expect(ready.admins).toEqual([admin.key]);
		expect(ready.devices).toEqual([expect.objectContaining({ addedBy: '', revoked: false })]);
	});

	it('refuses a REGISTER whose admin key proof does not verify, and creates no office', async () => {
		const relay = await startTestRelay();
		const client = await RelayTestClient.connect(relay.url);
		const nonce = await client.hello();
		const header = client.registerHeader(nonce, createAdmin());
		const unproven = {
			...header,
			admin: { key: createAdmin().key, proof: proveAdminKey(createAdmin(), client.device.officeId) }
		};
		client.send(MSG.REGISTER, unproven);
		expect(await client.error()).toMatchObject({ code: 'bad-signature', fatal: true });
		expect((await client.closed).code).toBe(1008);

		const again = await RelayTestClient.connect(relay.url, client.device);
		await again.register();
	});

	it('refuses a HELLO of protocol version 1', async () => {
		const relay = await startTestRelay();
		const client = await RelayTestClient.connect(relay.url);
		client.send(MSG.HELLO, { v: 1, officeId: 'o', deviceId: 'd' });
		expect(await client.error()).toEqual({
			code: 'unsupported-version',
			message: 'this relay speaks protocol version 2',
			fatal: true,
			ref: { type: MSG.HELLO }
		});
	});

	it('lets a second admin act once added, and refuses the first once removed', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const first = a.signedInAdmin();
		const second = createAdmin();
		const roster = await a.addAdmin(second);
		expect(roster.admins).toEqual([first.key, second.key]);

		// The second manager signs in on b.
		const added = await b.addDevice(createDevice(a.device.officeId), second);
		expect(added.devices[2].addedBy).toBe(second.key);
		expect((await b.removeAdmin(first.key, second)).admins).toEqual([second.key]);

		await a.sendAdminChange({ action: 'add-device', device: createDevice(a.device.officeId) });
		expect(await a.error()).toMatchObject({ code: 'not-admin', fatal: false });
		expect(storedMembers(relay.dbPath).devices).toHaveLength(3);
	});

	it('refuses to remove the last admin', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		const admin = a.signedInAdmin();
		const second = createAdmin();
		await a.addAdmin(second);
		await a.removeAdmin(second.key);

		await a.sendAdminChange({ action: 'remove-admin', key: admin.key });
		expect(await a.error()).toMatchObject({ code: 'last-admin', fatal: false });
		expect(storedMembers(relay.dbPath).admins).toEqual([admin.key]);
	});

	it('refuses an ADD_ADMIN whose new key did not sign its proof', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		const { officeId } = a.device;
		const added = createAdmin();
		const change = { action: 'add-admin', added } as const;
		const { type, header } = adminChangeFrame(
			officeId,
			change,
			a.signedInAdmin(),
			await a.adminNonce()
		);
		a.send(type, { ...header, proof: proveAdminKey(createAdmin(), officeId) });
		expect(await a.error()).toMatchObject({ code: 'bad-signature', fatal: false });
		expect(storedMembers(relay.dbPath).admins).toEqual([a.signedInAdmin().key]);
	});
});
