/**
 * Who may change the office's devices and admins at the relay: only an admin (an office
 * manager's key), by a signature over a fresh nonce. Through a real relay on 127.0.0.1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toBase64 } from '../bytes';
import {
	connected,
	createTestDevice,
	enrolledDevices,
	startTestRelay,
	testAdmin,
	type TestDevice
} from '../test-support/sync-devices';
import { proveAdminKey } from './admin-signer';

let relay: Awaited<ReturnType<typeof startTestRelay>>;
let devices: TestDevice[] = [];

beforeAll(async () => {
	relay = await startTestRelay();
});

afterAll(async () => {
	await relay.close();
});

afterEach(async () => {
	for (const device of devices) await device.dispose();
	devices = [];
});

async function office(count: number) {
	const result = await enrolledDevices(relay, count);
	devices.push(...result.devices);
	return result;
}

describe('admin changes', () => {
	it('registers the office with its first admin, who added the other devices', async () => {
		const {
			office: { admin },
			devices: [a, b]
		} = await office(2);
		expect(a.client.admins).toEqual([admin.key]);
		const listed = Object.fromEntries(a.client.devices.map((d) => [d.deviceId, d]));
		expect(listed[a.device.deviceId]).toMatchObject({ revoked: false, addedBy: '' });
		expect(listed[b.device.deviceId]).toMatchObject({
			revoked: false,
			addedBy: admin.key,
			publicKey: toBase64(b.device.signingPublicRaw)
		});
	});

	it('an admin-signed ADD_DEVICE enrols a device; one without is refused', async () => {
		const {
			office: sync,
			devices: [a]
		} = await office(1);
		const newcomer = await createTestDevice({ relay, office: sync, name: 'new' });
		devices.push(newcomer);
		const { deviceId, signingPublicRaw } = newcomer.device;

		const stranger = await testAdmin();
		await expect(a.client.addDevice(deviceId, signingPublicRaw, stranger)).rejects.toThrow(
			/office manager/
		);
		const forger = { key: sync.admin.key, sign: (data: Uint8Array) => stranger.sign(data) };
		await expect(a.client.addDevice(deviceId, signingPublicRaw, forger)).rejects.toThrow(
			/signature/
		);
		expect(a.client.devices.map((d) => d.deviceId)).not.toContain(deviceId);

		const list = await a.client.addDevice(deviceId, signingPublicRaw, sync.admin);
		expect(list.devices.map((d) => d.deviceId)).toContain(deviceId);
		await newcomer.client.start();
		await connected(newcomer.client);
	});

	it('revokes and restores a device, which may then sign in again', async () => {
		const {
			office: sync,
			devices: [a, b]
		} = await office(2);
		await b.client.start();
		await connected(b.client);

		await a.client.revokeDevice(b.device.deviceId, sync.admin);
		await vi.waitFor(() => expect(b.client.status.state).toBe('refused'));
		const list = await a.client.restoreDevice(b.device.deviceId, sync.admin);
		expect(list.devices.find((d) => d.deviceId === b.device.deviceId)?.revoked).toBe(false);

		await b.client.stop();
		await b.client.start();
		await connected(b.client);
	});

	it('adds a second admin, who may then act, and never removes the last one', async () => {
		const {
			office: sync,
			devices: [a]
		} = await office(1);
		const second = await testAdmin();
		const { proof } = await proveAdminKey(sync.officeId, second);
		const added = await a.client.addAdmin(second.key, proof, sync.admin);
		expect(added.admins).toEqual(expect.arrayContaining([sync.admin.key, second.key]));

		const removed = await a.client.removeAdmin(sync.admin.key, second);
		expect(removed.admins).toEqual([second.key]);
		await expect(a.client.removeAdmin(second.key, second)).rejects.toThrow(/at least one/);
		expect(a.client.admins).toEqual([second.key]);
	});

	it('refuses an admin change while not connected', async () => {
		const {
			office: sync,
			devices: [a]
		} = await office(1);
		await a.client.stop();
		await expect(a.client.revokeDevice('someone', sync.admin)).rejects.toThrow(/Not connected/);
	});
});
