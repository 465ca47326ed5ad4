/**
 * This device's own identity: an id, an Ed25519 signing key pair (it signs everything it sends
 * to the relay) and a P-256 key pair people keys are wrapped to. The private halves are WebCrypto
 * keys that cannot be exported; IndexedDB stores them as they are.
 */
import { ulid } from 'ulid';
import { toBase64 } from '../bytes';
import { generateSigningKeyPair } from '../crypto/signing';
import type { DeviceEntry, PublicJwk } from '../authority/op-schema';
import type { DeviceRow, OfficeDatabase } from '../storage/db';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

async function encryptionKeyPair(): Promise<
	Required<Pick<DeviceRow, 'encryptionPrivateKey' | 'encryptionPublicJwk'>>
> {
	const pair = await globalThis.crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
	const { kty, crv, x, y } = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
	return { encryptionPrivateKey: pair.privateKey, encryptionPublicJwk: { kty, crv, x, y } };
}

/** A new device identity, not yet stored. */
export async function newDeviceRow(): Promise<Required<DeviceRow>> {
	const pair = await generateSigningKeyPair();
	return {
		slot: 'this-device',
		deviceId: ulid(),
		signingPublicRaw: pair.publicRaw,
		signingPrivateKey: pair.privateKey,
		...(await encryptionKeyPair()),
		createdAt: new Date().toISOString()
	};
}

/** This device's identity with an encryption key pair (added when it lacks one), not stored. */
export async function withEncryptionKey(row: DeviceRow): Promise<Required<DeviceRow>> {
	return complete(row) ? row : { ...row, ...(await encryptionKeyPair()) };
}

/** This device's identity, created on first use, with an encryption key pair. */
export async function ensureDevice(db: OfficeDatabase): Promise<Required<DeviceRow>> {
	const existing = await db.device.get('this-device');
	if (complete(existing)) return existing;
	// Keys are made outside the transaction (WebCrypto would end it), then stored inside it, so
	// two tabs starting at once keep whichever identity was stored first.
	const fresh = existing ? null : await newDeviceRow();
	const keys = await encryptionKeyPair();
	return db.transaction('rw', db.device, async () => {
		const stored = await db.device.get('this-device');
		if (complete(stored)) return stored;
		const next = stored ? { ...stored, ...keys } : fresh;
		if (!next) throw new Error('This device’s identity disappeared while it was being read.');
		await db.device.put(next);
		return next;
	});
}

function complete(row: DeviceRow | undefined): row is Required<DeviceRow> {
	return row?.encryptionPrivateKey !== undefined && row.encryptionPublicJwk !== undefined;
}

/** How the office's authority lists this device. */
export function deviceEntryOf(device: Required<DeviceRow>, name: string): DeviceEntry {
	return {
		id: device.deviceId,
		name,
		signingKey: toBase64(device.signingPublicRaw),
		encryptionJwk: device.encryptionPublicJwk as PublicJwk
	};
}

/** A name for this device people will recognise in the device list. */
export function defaultDeviceName(userAgent = globalThis.navigator?.userAgent ?? ''): string {
	const browser = /Edg\//.test(userAgent)
		? 'Edge'
		: /Firefox\//.test(userAgent)
			? 'Firefox'
			: /Chrome\//.test(userAgent)
				? 'Chrome'
				: /Safari\//.test(userAgent)
					? 'Safari'
					: 'Browser';
	const system = /iPad|Tablet/.test(userAgent)
		? 'tablet'
		: /Android/.test(userAgent)
			? 'Android'
			: /iPhone/.test(userAgent)
				? 'iPhone'
				: /Mac OS X/.test(userAgent)
					? 'Mac'
					: /Windows/.test(userAgent)
						? 'Windows PC'
						: /Linux/.test(userAgent)
							? 'Linux PC'
							: 'device';
	return `${browser} on ${system}`;
}
