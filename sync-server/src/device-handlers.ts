/**
 * ADD_DEVICE, REVOKE_DEVICE, RESTORE_DEVICE, ADD_ADMIN and REMOVE_ADMIN: each signed by an admin
 * (admin-auth.ts). After a change commits, every READY socket of the office gets the new
 * DEVICES list; a revoked device's sockets get a fatal `ERROR revoked` and are closed. A revoked
 * device keeps its id and key, so an admin can restore it rather than anyone re-enrolling it.
 */
import { authorize, commitChange } from './admin-auth';
import { RelayError } from './errors';
import * as H from './headers';
import type { Frame } from './protocol';
import type { Session } from './session';
import { adminKeyProofText, publicKeyFromRaw, verifyWithKey } from './signatures';

export function addDevice(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.ADD_DEVICE, frame.header);
	const { deviceId, publicKey, admin } = header;
	const raw = Buffer.from(publicKey, 'base64');
	if (!publicKeyFromRaw(raw)) throw new RelayError('bad-header', 'publicKey is not an Ed25519 key');
	const change = { action: 'add-device', subject: deviceId, detail: publicKey } as const;
	authorize(session, header, change);
	const { ctx, conn, officeId } = session;
	commitChange(
		session,
		frame,
		header,
		change,
		() => ctx.store.devices.add(officeId, deviceId, raw, admin, ctx.limits.officeMaxDevices),
		() => ctx.log('device-added', { conn, officeId, deviceId })
	);
}

export function revokeDevice(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.DEVICE_CHANGE, frame.header);
	const { deviceId } = header;
	const change = { action: 'revoke-device', subject: deviceId, detail: '' } as const;
	authorize(session, header, change);
	const { ctx, conn, officeId } = session;
	commitChange(
		session,
		frame,
		header,
		change,
		() => ctx.store.devices.setRevoked(officeId, deviceId, true),
		() => {
			const error = new RelayError('revoked', 'this device was removed from the office', true);
			const count = ctx.fanout.expel(officeId, deviceId, error);
			ctx.log('device-revoked', { conn, officeId, deviceId, count });
		}
	);
}

export function restoreDevice(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.DEVICE_CHANGE, frame.header);
	const { deviceId } = header;
	const change = { action: 'restore-device', subject: deviceId, detail: '' } as const;
	authorize(session, header, change);
	const { ctx, conn, officeId } = session;
	commitChange(
		session,
		frame,
		header,
		change,
		() => ctx.store.devices.setRevoked(officeId, deviceId, false),
		() => ctx.log('device-restored', { conn, officeId, deviceId })
	);
}

export function addAdmin(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.ADD_ADMIN, frame.header);
	const { key, proof, admin } = header;
	const change = { action: 'add-admin', subject: key, detail: '' } as const;
	authorize(session, header, change);
	const { ctx, conn, officeId } = session;
	if (!verifyWithKey(key, adminKeyProofText(officeId, key), proof)) {
		throw new RelayError('bad-signature', 'the new admin key did not sign its proof');
	}
	const adopted = admin === key;
	commitChange(
		session,
		frame,
		header,
		change,
		() => ctx.store.admins.add(officeId, key, admin),
		() => ctx.log(adopted ? 'admin-adopted' : 'admin-added', { conn, officeId })
	);
}

export function removeAdmin(session: Session, frame: Frame): void {
	const header = H.parseHeader(H.REMOVE_ADMIN, frame.header);
	const { key } = header;
	const change = { action: 'remove-admin', subject: key, detail: '' } as const;
	authorize(session, header, change);
	const { ctx, conn, officeId } = session;
	commitChange(
		session,
		frame,
		header,
		change,
		() => ctx.store.admins.remove(officeId, key),
		() => ctx.log('admin-removed', { conn, officeId })
	);
}
