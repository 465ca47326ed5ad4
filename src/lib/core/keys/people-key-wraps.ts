/**
 * Handing a new people key to the office's devices: a manager wraps it to each remaining
 * device's encryption key (P-256, keys/device.ts) in a `people-key` op; each device unwraps the
 * wrap addressed to it, checks the key is the one its id names, and keeps it (people-keys.ts).
 */
import type { AuthorityLog } from '../authority/authority-log';
import type { PeopleKeyEntry, PublicJwk } from '../authority/op-schema';
import { toBase64 } from '../bytes';
import { newestPeopleKey, type AuthorityState } from '../authority/state';
import { importAeadKey } from '../crypto/aead';
import { unwrapWithPrivateKey, wrapToPublicKey } from '../crypto/key-agreement';
import { fingerprintOf, keyIdOf } from '../crypto/key-id';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import type { AreaKeyring } from './area-keyring';
import { PEOPLE_KEY_AREA, readPeopleKeys, storePeopleKey, type RawPeopleKey } from './people-keys';
import { loadWrappedKey, storeWrappedKey } from './stored-wraps';

function context(key: { epoch: number; keyId: string }, deviceId: string): string {
	return `people-key|${key.epoch}|${key.keyId}|${deviceId}`;
}

/** Wraps a people key to one device's encryption key. */
export async function wrapPeopleKey(
	key: RawPeopleKey,
	device: { id: string; encryptionJwk: PublicJwk }
): Promise<PeopleKeyEntry> {
	const wrapped = await wrapToPublicKey(device.encryptionJwk, key.raw, context(key, device.id));
	return {
		epoch: key.epoch,
		keyId: key.keyId,
		deviceId: device.id,
		to: await fingerprintOf(device.encryptionJwk),
		wrapped: storeWrappedKey(wrapped)
	};
}

/**
 * Keeps every people key the state wraps to this device that it lacks, and adds each to
 * `keyring` (the people document's); returns how many were new.
 */
export async function adoptPeopleKeys(
	db: OfficeDatabase,
	state: AuthorityState,
	device: Required<DeviceRow>,
	keyring: AreaKeyring
): Promise<number> {
	const held = await readPeopleKeys(db);
	const fingerprint = await fingerprintOf(device.encryptionPublicJwk);
	let adopted = 0;
	for (const wrap of state.peopleKeys.values()) {
		if (wrap.deviceId !== device.deviceId || wrap.to !== fingerprint) continue;
		if (held.some((k) => k.epoch === wrap.epoch && k.keyId === wrap.keyId)) continue;
		try {
			const raw = await unwrapWithPrivateKey(
				device.encryptionPrivateKey,
				device.encryptionPublicJwk,
				loadWrappedKey(wrap.wrapped),
				context(wrap, device.deviceId)
			);
			if ((await keyIdOf(raw)) !== wrap.keyId) continue;
			const key = { epoch: wrap.epoch, keyId: wrap.keyId, raw };
			if (await storePeopleKey(db, key)) adopted += 1;
			keyring.add(PEOPLE_KEY_AREA, key, await importAeadKey(raw));
			raw.fill(0);
		} catch {
			// Not for this device's current key, or damaged: a manager's device wraps it again.
		}
	}
	return adopted;
}

/**
 * Publishes this device's encryption key when the office lists the device without one (a device
 * from before they existed), signed by the device itself; true when it did.
 */
export async function publishDeviceKey(
	log: AuthorityLog,
	device: Required<DeviceRow>
): Promise<boolean> {
	const listed = log.state?.devices.get(device.deviceId);
	if (!listed || listed.removed || listed.encryptionJwk) return false;
	await log.append(
		[
			{
				kind: 'device-key',
				deviceId: device.deviceId,
				encryptionJwk: device.encryptionPublicJwk as PublicJwk
			}
		],
		{
			by: { device: device.deviceId },
			key: toBase64(device.signingPublicRaw),
			privateKey: device.signingPrivateKey
		}
	);
	return true;
}

/** Whether this device holds the office's newest people key. */
export function holdsNewestPeopleKey(state: AuthorityState, keyring: AreaKeyring): boolean {
	return keyring.hasKey(PEOPLE_KEY_AREA, newestPeopleKey(state));
}
