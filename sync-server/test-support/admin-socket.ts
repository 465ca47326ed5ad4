/**
 * The admin side of a test device: with an office manager's admin key signed in
 * (`device.admin`), it asks for admin nonces and sends device and admin changes signed the way
 * a manager's device signs them (admin-actions.ts). RelayTestClient is one.
 */
import { MSG } from '../src/protocol';
import { adminChangeFrame, type AdminChange } from './admin-actions';
import type * as F from './frames';
import type { AdminIdentity, DeviceIdentity } from './identity';
import { TestSocket } from './test-socket';

export abstract class AdminTestSocket extends TestSocket {
	abstract readonly device: DeviceIdentity;

	/** ADMIN_CHALLENGE, answered by ADMIN_NONCE; returns the nonce. */
	async adminNonce(): Promise<string> {
		const send = () => this.send(MSG.ADMIN_CHALLENGE, {});
		return (await this.reply<{ nonce: string }>(send, MSG.ADMIN_NONCE)).nonce;
	}

	/** Sends a change signed by `by` (the admin on this device) over `nonce` (a fresh one). */
	async sendAdminChange(
		change: AdminChange,
		{ by = this.signedInAdmin(), nonce }: { by?: AdminIdentity; nonce?: string } = {}
	): Promise<void> {
		const signedOver = nonce ?? (await this.adminNonce());
		const { type, header } = adminChangeFrame(this.device.officeId, change, by, signedOver);
		this.send(type, header);
	}

	/** Sends a change and waits for the DEVICES after it that `shows` accepts. */
	async change(
		change: AdminChange,
		shows: (roster: F.DevicesHeader) => boolean,
		by?: AdminIdentity
	): Promise<F.DevicesHeader> {
		return this.reply(() => this.sendAdminChange(change, { by }), MSG.DEVICES, shows);
	}

	/** ADD_DEVICE signed by the admin on this device, answered by DEVICES. */
	addDevice(device: DeviceIdentity, by?: AdminIdentity): Promise<F.DevicesHeader> {
		const listed = (h: F.DevicesHeader) => h.devices.some((d) => d.deviceId === device.deviceId);
		return this.change({ action: 'add-device', device }, listed, by);
	}

	/** REVOKE_DEVICE signed by the admin on this device, answered by DEVICES. */
	revokeDevice(deviceId: string, by?: AdminIdentity): Promise<F.DevicesHeader> {
		const revoked = (h: F.DevicesHeader) =>
			h.devices.some((d) => d.deviceId === deviceId && d.revoked);
		return this.change({ action: 'revoke-device', deviceId }, revoked, by);
	}

	/** RESTORE_DEVICE signed by the admin on this device, answered by DEVICES. */
	restoreDevice(deviceId: string, by?: AdminIdentity): Promise<F.DevicesHeader> {
		const active = (h: F.DevicesHeader) =>
			h.devices.some((d) => d.deviceId === deviceId && !d.revoked);
		return this.change({ action: 'restore-device', deviceId }, active, by);
	}

	/** ADD_ADMIN (with the new key's proof), answered by DEVICES. */
	addAdmin(added: AdminIdentity, by?: AdminIdentity): Promise<F.DevicesHeader> {
		const listed = (h: F.DevicesHeader) => h.admins.includes(added.key);
		return this.change({ action: 'add-admin', added }, listed, by);
	}

	/** REMOVE_ADMIN, answered by DEVICES. */
	removeAdmin(key: string, by?: AdminIdentity): Promise<F.DevicesHeader> {
		const gone = (h: F.DevicesHeader) => !h.admins.includes(key);
		return this.change({ action: 'remove-admin', key }, gone, by);
	}

	/** The admin signed in on this device; throws when there is none. */
	signedInAdmin(): AdminIdentity {
		if (!this.device.admin) throw new Error('no admin is signed in on this test device');
		return this.device.admin;
	}
}
