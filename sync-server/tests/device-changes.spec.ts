/**
 * Who may add, revoke and restore devices (protocol v2): only an admin of the office, by a
 * signature over the change and a fresh admin nonce of the sending socket. Under v1 any
 * enrolled device could add or revoke any other, even the office's creator.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Limits } from '../src/limits';
import { MSG } from '../src/protocol';
import {
	adminChangeFrame,
	connectOffice,
	createAdmin,
	createDevice,
	RelayTestClient,
	signChallenge,
	startTestRelay,
	stopRelays,
	storedMembers,
	type AdminChange,
	type AdminIdentity,
	type DevicesHeader,
	type RelayTestClient as Client,
	type TestRelay
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

interface Scene {
	relay: TestRelay;
	/** The device the office's admin is signed in on. */
	a: Client;
	/** A device with no admin key. */
	b: Client;
	admin: AdminIdentity;
	change: AdminChange & { deviceId?: string };
}

/** Tries the scene's change some wrong way; returns the socket that sent it. */
type Attempt = (scene: Scene) => Promise<Client>;

const ownKeyOf = (client: Client): AdminIdentity => ({
	privateKey: client.device.privateKey,
	key: client.device.publicKey
});

const subjectOf = (change: AdminChange) =>
	change.action === 'add-device'
		? change.device.deviceId
		: (change as { deviceId: string }).deviceId;

const attempts: [string, string, Attempt, Partial<Limits>?][] = [
	[
		"signed by the sending device's own key",
		'not-admin',
		async ({ b, change }) => (await b.sendAdminChange(change, { by: ownKeyOf(b) }), b)
	],
	[
		'signed by a key that is no admin of the office',
		'not-admin',
		async ({ b, change }) => (await b.sendAdminChange(change, { by: createAdmin() }), b)
	],
	[
		'naming the admin key but signed by another key',
		'bad-signature',
		async ({ b, change, admin }) => {
			await b.sendAdminChange(change, { by: { ...createAdmin(), key: admin.key } });
			return b;
		}
	],
	[
		'signed by the admin for another device',
		'bad-signature',
		async ({ a, change, admin }) => {
			const nonce = await a.adminNonce();
			const other = createDevice(a.device.officeId);
			const signedFor =
				change.action === 'add-device'
					? { ...change, device: { ...other, publicKey: change.device.publicKey } }
					: { ...change, deviceId: other.deviceId };
			const { type, header } = adminChangeFrame(a.device.officeId, signedFor, admin, nonce);
			a.send(type, { ...header, deviceId: subjectOf(change) });
			return a;
		}
	],
	[
		'without asking for an admin nonce',
		'bad-nonce',
		async ({ a, change }) => {
			await a.sendAdminChange(change, { nonce: randomBytes(32).toString('base64') });
			return a;
		}
	],
	[
		'with a nonce used before',
		'bad-nonce',
		async ({ a, b, change }) => {
			const nonce = await a.adminNonce();
			const unchanged: AdminChange = { action: 'restore-device', deviceId: b.device.deviceId };
			await a.reply(() => a.sendAdminChange(unchanged, { nonce }), MSG.DEVICES);
			await a.sendAdminChange(change, { nonce });
			return a;
		}
	],
	[
		'with an expired nonce',
		'bad-nonce',
		async ({ a, change }) => {
			const nonce = await a.adminNonce();
			await new Promise((resolve) => setTimeout(resolve, 150));
			await a.sendAdminChange(change, { nonce });
			return a;
		},
		{ adminNonceTtlMs: 50 }
	],
	[
		'with a nonce given to another socket of the same device',
		'bad-nonce',
		async ({ relay, a, change }) => {
			const other = await RelayTestClient.connect(relay.url, a.device);
			await other.auth();
			await a.sendAdminChange(change, { nonce: await other.adminNonce() });
			return a;
		}
	],
	[
		'with a nonce that a newer challenge replaced',
		'bad-nonce',
		async ({ a, change }) => {
			const nonce = await a.adminNonce();
			await a.adminNonce();
			await a.sendAdminChange(change, { nonce });
			return a;
		}
	]
];

/** An office with the admin on `a`, a device `b`, and the change of `kind` to try. */
async function scene(kind: string, limits?: Partial<Limits>): Promise<Scene> {
	const relay = await startTestRelay({ limits });
	const [a, b] = await connectOffice(relay.url, 2);
	const admin = a.signedInAdmin();
	if (kind === 'add') {
		const change = { action: 'add-device', device: createDevice(a.device.officeId) } as const;
		return { relay, a, b, admin, change };
	}
	if (kind === 'revoke') {
		return { relay, a, b, admin, change: { action: 'revoke-device', deviceId: b.device.deviceId } };
	}
	const revoked = createDevice(a.device.officeId);
	await a.addDevice(revoked);
	await a.revokeDevice(revoked.deviceId);
	return { relay, a, b, admin, change: { action: 'restore-device', deviceId: revoked.deviceId } };
}

const table = ['add', 'revoke', 'restore'].flatMap((kind) =>
	attempts.map(([how, code, attempt, limits]) => [kind, how, code, attempt, limits] as const)
);

describe('relay device changes', () => {
	it.each(table)('refuses to %s a device %s (%s)', async (kind, _, code, attempt, limits) => {
		const setup = await scene(kind, limits);
		const before = storedMembers(setup.relay.dbPath);
		const sender = await attempt(setup);

		expect(await sender.error()).toMatchObject({ code, fatal: false });
		expect(storedMembers(setup.relay.dbPath)).toEqual(before);
		await Promise.all([setup.a.ping(), setup.b.ping()]);
	});

	it('lets an admin revoke a device and restore it, after which it authenticates again', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		await a.revokeDevice(b.device.deviceId);
		expect(await b.error('revoked')).toMatchObject({ fatal: true });

		const refused = await RelayTestClient.connect(relay.url, b.device);
		const nonce = await refused.hello();
		refused.send(MSG.AUTH, { signature: signChallenge(b.device, nonce) });
		expect(await refused.error()).toMatchObject({ code: 'revoked', fatal: true });

		const restored = await a.restoreDevice(b.device.deviceId);
		expect(restored.devices).toContainEqual(
			expect.objectContaining({ deviceId: b.device.deviceId, revoked: false })
		);
		const back = await RelayTestClient.connect(relay.url, b.device);
		await back.auth();
		expect(await back.pushAndAck('directory', 1, Buffer.from('back again'))).toMatchObject({
			seq: 1
		});
	});

	it("refuses a device that is no admin revoking the admin's device; revoked, it cannot even try", async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const target = { action: 'revoke-device', deviceId: a.device.deviceId } as const;
		await b.sendAdminChange(target, { by: ownKeyOf(b) });
		expect(await b.error()).toMatchObject({ code: 'not-admin', fatal: false });

		await a.revokeDevice(b.device.deviceId);
		await b.closed;
		const again = await RelayTestClient.connect(relay.url, b.device);
		const nonce = await again.hello();
		again.send(MSG.ADMIN_CHALLENGE, {});
		again.send(MSG.REVOKE_DEVICE, { deviceId: a.device.deviceId });
		expect((await again.error()).code).toBe('not-authenticated');
		again.send(MSG.AUTH, { signature: signChallenge(b.device, nonce) });
		expect(await again.error('revoked')).toMatchObject({ fatal: true });
		expect(storedMembers(relay.dbPath).devices[0]).toEqual({
			deviceId: a.device.deviceId,
			revoked: false
		});
		await a.ping();
	});

	it('refuses to add a revoked device id again, even with its own key: it is restored instead', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		await a.revokeDevice(b.device.deviceId);
		await a.sendAdminChange({ action: 'add-device', device: b.device });
		expect(await a.error()).toMatchObject({ code: 'device-exists', fatal: false });
		await a.restoreDevice(b.device.deviceId);
	});

	it('refuses to revoke or restore a device the office does not have', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		for (const action of ['revoke-device', 'restore-device'] as const) {
			await a.sendAdminChange({ action, deviceId: 'nobody' });
			expect(await a.error()).toMatchObject({ code: 'unknown-device', fatal: false });
		}
	});

	it('answers a change that changes nothing with DEVICES to its sender alone', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const admin = a.signedInAdmin();
		const unchanged: AdminChange[] = [
			{ action: 'add-device', device: b.device },
			{ action: 'restore-device', deviceId: b.device.deviceId },
			{ action: 'add-admin', added: admin },
			{ action: 'remove-admin', key: createAdmin().key }
		];
		for (const change of unchanged) {
			const roster = await a.reply<DevicesHeader>(() => a.sendAdminChange(change), MSG.DEVICES);
			expect(roster.admins).toEqual([admin.key]);
		}
		await b.ping();
		expect(b.queued(MSG.DEVICES)).toEqual([]);
	});
});
