/**
 * Test devices: an Ed25519 key pair (node:crypto) with the ids a device presents, and the
 * signatures of docs/sync-protocol.md made the way a client makes them.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { authText, blobData, itemData, type BlobFields, type ItemFields } from '../src/signatures';

export interface DeviceIdentity {
	officeId: string;
	deviceId: string;
	privateKey: KeyObject;
	/** The raw 32-byte public key, base64. */
	publicKey: string;
}

let counter = 0;

/** A fresh id in the relay's id alphabet. */
export function testId(prefix: string): string {
	counter += 1;
	return `${prefix}-${counter}-${randomBytes(6).toString('hex')}`;
}

/** A new device of `officeId` (a new office id when absent). */
export function createDevice(
	officeId = testId('office'),
	deviceId = testId('device')
): DeviceIdentity {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	const jwk = publicKey.export({ format: 'jwk' });
	const raw = Buffer.from(jwk.x as string, 'base64url');
	return { officeId, deviceId, privateKey, publicKey: raw.toString('base64') };
}

/** The signature (base64) over the auth text for a challenge nonce. */
export function signChallenge(device: DeviceIdentity, nonce: string): string {
	return sign(null, authText(device.officeId, device.deviceId, nonce), device.privateKey).toString(
		'base64'
	);
}

/** The signature (base64) over an item, as a client signs a PUSH or SNAPSHOT. */
export function signItem(device: DeviceIdentity, fields: ItemFields, payload: Uint8Array): string {
	return sign(null, itemData(fields, payload), device.privateKey).toString('base64');
}

/** The signature (base64) over a blob, as a client signs a BLOB_PUT. */
export function signBlob(device: DeviceIdentity, fields: BlobFields, payload: Uint8Array): string {
	return sign(null, blobData(fields, payload), device.privateKey).toString('base64');
}
