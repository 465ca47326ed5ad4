/**
 * Test identities: devices (an Ed25519 key pair with the ids a device presents) and admins (an
 * office manager's personal Ed25519 key), all from node:crypto, and the signatures of
 * docs/sync-protocol.md made the way a client makes them.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
	adminActionText,
	adminKeyProofText,
	authText,
	blobData,
	compactionText,
	itemData,
	type AdminActionFields,
	type BlobFields,
	type ItemFields
} from '../src/signatures';

/** An office manager's signing key: what the relay calls an admin. */
export interface AdminIdentity {
	privateKey: KeyObject;
	/** The raw 32-byte public key, base64: the admin key of the protocol. */
	key: string;
}

export interface DeviceIdentity {
	officeId: string;
	deviceId: string;
	privateKey: KeyObject;
	/** The raw 32-byte public key, base64. */
	publicKey: string;
	/** The admin signed in on this device, if any (the office's first one, after `register`). */
	admin?: AdminIdentity;
}

let counter = 0;

/** A fresh id in the relay's id alphabet. */
export function testId(prefix: string): string {
	counter += 1;
	return `${prefix}-${counter}-${randomBytes(6).toString('hex')}`;
}

function keyPair(): { privateKey: KeyObject; publicKey: string } {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	const jwk = publicKey.export({ format: 'jwk' });
	return { privateKey, publicKey: Buffer.from(jwk.x as string, 'base64url').toString('base64') };
}

const signed = (privateKey: KeyObject, data: Buffer) =>
	sign(null, data, privateKey).toString('base64');

/** A new device of `officeId` (a new office id when absent). */
export function createDevice(
	officeId = testId('office'),
	deviceId = testId('device')
): DeviceIdentity {
	return { officeId, deviceId, ...keyPair() };
}

/** A new admin key. */
export function createAdmin(): AdminIdentity {
	const { privateKey, publicKey } = keyPair();
	return { privateKey, key: publicKey };
}

/** The signature (base64) over the auth text for a challenge nonce. */
export function signChallenge(device: DeviceIdentity, nonce: string): string {
	return signed(device.privateKey, authText(device.officeId, device.deviceId, nonce));
}

/** The signature (base64) over an item, as a client signs a PUSH or SNAPSHOT. */
export function signItem(device: DeviceIdentity, fields: ItemFields, payload: Uint8Array): string {
	return signed(device.privateKey, itemData(fields, payload));
}

/** The signature (base64) over a blob, as a client signs a BLOB_PUT. */
export function signBlob(device: DeviceIdentity, fields: BlobFields, payload: Uint8Array): string {
	return signed(device.privateKey, blobData(fields, payload));
}

/** An admin's signature (base64) over a device or admin change. */
export function signAdminAction(admin: AdminIdentity, fields: AdminActionFields): string {
	return signed(admin.privateKey, adminActionText(fields));
}

/** The proof (base64) that whoever names this admin key for an office holds it. */
export function proveAdminKey(admin: AdminIdentity, officeId: string): string {
	return signed(admin.privateKey, adminKeyProofText(officeId, admin.key));
}

/** An admin's countersignature (base64) approving one snapshot, named by its device signature. */
export function countersignSnapshot(
	admin: AdminIdentity,
	officeId: string,
	docId: string,
	covers: number,
	itemSignature: string
): string {
	return signed(admin.privateKey, compactionText(officeId, docId, covers, itemSignature));
}
