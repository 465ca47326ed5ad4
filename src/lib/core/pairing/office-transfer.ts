/**
 * Reading what a pairing hands over from the host's database, and writing it into the joiner's.
 * The write is one IndexedDB transaction: the new device ends up with the whole office or with
 * nothing at all.
 */
import { readOffice } from '../keys/vault';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import { PairingError } from './errors';
import type { KeysPayload } from './payload';

// The meta keys the vault and (later) the sync client read.
const OFFICE_META_KEY = 'office';
export const RELAY_URL_META_KEY = 'sync:relayUrl';

/** The office, identity and keys of one person on this device, ready to hand over. */
export async function readTransfer(
	db: OfficeDatabase,
	relayUrl: string,
	personId?: string
): Promise<KeysPayload> {
	const office = await readOffice(db);
	if (!office) throw new PairingError('no-office');
	const who = personId ?? office.ownerPersonId;
	const identity = await db.identities.get(who);
	if (!identity) throw new PairingError('no-office');
	const keyring = await db.keyring.where('personId').equals(who).toArray();
	return { office, identity, keyring, relayUrl };
}

/** Fails with `has-office` when this device already has an office. */
export async function assertNoOffice(db: OfficeDatabase): Promise<void> {
	if (await readOffice(db)) throw new PairingError('has-office');
}

/**
 * Stores a validated payload, and this device's identity if it is new, in one transaction;
 * refuses (writing nothing) when an office appeared meanwhile or the device identity changed.
 */
export async function writeTransfer(
	db: OfficeDatabase,
	payload: KeysPayload,
	device: DeviceRow
): Promise<void> {
	try {
		await db.transaction('rw', [db.device, db.identities, db.keyring, db.meta], async () => {
			await assertNoOffice(db);
			const existing = await db.device.get('this-device');
			if (existing && existing.deviceId !== device.deviceId) throw new PairingError('failed');
			if (!existing) await db.device.add(device);
			await db.identities.put(payload.identity);
			await db.keyring.bulkPut(payload.keyring);
			await db.meta.bulkPut([
				{ key: OFFICE_META_KEY, value: payload.office },
				{ key: RELAY_URL_META_KEY, value: payload.relayUrl }
			]);
		});
	} catch (error) {
		if (error instanceof PairingError) throw error;
		throw new PairingError('storage', { cause: error });
	}
}
