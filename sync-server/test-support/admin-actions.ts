/**
 * Device and admin changes as a manager's device sends them: the message type and a header
 * signed by an admin over the socket's admin nonce (docs/sync-protocol.md, "Devices and
 * pairing").
 */
import { MSG } from '../src/protocol';
import type { AdminAction } from '../src/signatures';
import {
	proveAdminKey,
	signAdminAction,
	type AdminIdentity,
	type DeviceIdentity
} from './identity';

export type AdminChange =
	| { action: 'add-device'; device: Pick<DeviceIdentity, 'deviceId' | 'publicKey'> }
	| { action: 'revoke-device' | 'restore-device'; deviceId: string }
	| { action: 'add-admin'; added: AdminIdentity }
	| { action: 'remove-admin'; key: string };

const TYPES: Record<AdminAction, number> = {
	'add-device': MSG.ADD_DEVICE,
	'revoke-device': MSG.REVOKE_DEVICE,
	'restore-device': MSG.RESTORE_DEVICE,
	'add-admin': MSG.ADD_ADMIN,
	'remove-admin': MSG.REMOVE_ADMIN
};

/** What the change names in the signed text, and the header fields that say the same. */
function describe(change: AdminChange, officeId: string) {
	switch (change.action) {
		case 'add-device': {
			const { deviceId, publicKey } = change.device;
			return { subject: deviceId, detail: publicKey, fields: { deviceId, publicKey } };
		}
		case 'revoke-device':
		case 'restore-device':
			return { subject: change.deviceId, detail: '', fields: { deviceId: change.deviceId } };
		case 'add-admin': {
			const { key } = change.added;
			const proof = proveAdminKey(change.added, officeId);
			return { subject: key, detail: '', fields: { key, proof } };
		}
		case 'remove-admin':
			return { subject: change.key, detail: '', fields: { key: change.key } };
	}
}

/** The frame of a change, signed by `by` over `nonce`. */
export function adminChangeFrame(
	officeId: string,
	change: AdminChange,
	by: AdminIdentity,
	nonce: string
): { type: number; header: Record<string, unknown> } {
	const { subject, detail, fields } = describe(change, officeId);
	const { action } = change;
	const signature = signAdminAction(by, { officeId, nonce, action, subject, detail });
	return { type: TYPES[action], header: { ...fields, admin: by.key, nonce, signature } };
}
