/**
 * ADD_DEVICE and REVOKE_DEVICE, allowed to any READY device of the office (the relay knows no
 * roles). After the change commits, every READY socket of the office gets the new DEVICES list;
 * a revoked device's sockets get a fatal `ERROR revoked` and are closed.
 */
import { RelayError } from './errors';
import * as H from './headers';
import { encodeFrame, MSG, type Frame } from './protocol';
import type { Session } from './session';
import { publicKeyFromRaw } from './signatures';

const devicesFrame = (session: Session) =>
	encodeFrame(MSG.DEVICES, { devices: session.ctx.store.devices(session.officeId) });

export function addDevice(session: Session, frame: Frame): void {
	const { deviceId, publicKey } = H.parseHeader(H.ADD_DEVICE, frame.header);
	const raw = Buffer.from(publicKey, 'base64');
	if (!publicKeyFromRaw(raw)) throw new RelayError('bad-header', 'publicKey is not an Ed25519 key');
	const { ctx, conn, officeId } = session;
	ctx.queue.run(
		() => ctx.store.addDevice(officeId, deviceId, raw, ctx.limits.officeMaxDevices),
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.ADD_DEVICE, frame);
			if (!outcome.value) return session.send(devicesFrame(session));
			ctx.log('device-added', { conn, officeId, deviceId });
			ctx.fanout.broadcast(officeId, devicesFrame(session));
		}
	);
}

export function revokeDevice(session: Session, frame: Frame): void {
	const { deviceId } = H.parseHeader(H.REVOKE_DEVICE, frame.header);
	const { ctx, conn, officeId } = session;
	ctx.queue.run(
		() => ctx.store.revokeDevice(officeId, deviceId),
		(outcome) => {
			if (!outcome.ok) return session.reject(outcome.error, MSG.REVOKE_DEVICE, frame);
			ctx.fanout.broadcast(officeId, devicesFrame(session));
			const error = new RelayError('revoked', 'this device was removed from the office', true);
			const count = ctx.fanout.expel(officeId, deviceId, error);
			ctx.log('device-revoked', { conn, officeId, deviceId, count });
		}
	);
}
