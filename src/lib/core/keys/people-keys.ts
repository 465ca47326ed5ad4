/**
 * The office's people keys: they seal the people document (the signed ops: who can sign in, the
 * wrapped keys), which the sign-in screen must read before anyone has signed in. So, unlike area
 * keys, they are held by the device: the first made with the office, handed to each device at
 * pairing, carried in backups, kept in the device's database. What they protect holds no key in
 * the clear, and changes in it count only when signed by the right person (the chain of
 * authority), so holding them lets a device list the office's people and nothing more.
 *
 * When a device is removed a manager makes a new people key and wraps it to every remaining
 * device's encryption key (a `people-key` op); each device adds it here. Older ones stay, to read
 * what was sealed under them. See docs/architecture.md, "People and roles".
 */
import { fromBase64, randomBytes, toBase64 } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import { keyIdOf } from '../crypto/key-id';
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';
import { AreaKeyring, type KeyRef } from './area-keyring';

/** Office meta: it belongs to the office and goes into backups (backup/office-rows.ts). */
export const PEOPLE_KEY_META_KEY = 'people-key';

/** The area name people keys are held under in a keyring. */
export const PEOPLE_KEY_AREA = 'people';

export interface RawPeopleKey extends KeyRef {
	raw: Uint8Array;
}

type StoredPeopleKeys = string | { epoch: number; keyId: string; raw: string }[];

/** A new random people key for `epoch`. */
export async function newPeopleKey(epoch: number): Promise<RawPeopleKey> {
	const raw = randomBytes(32);
	return { epoch, keyId: await keyIdOf(raw), raw };
}

/** The meta row that stores these people keys. */
export function peopleKeysMeta(keys: readonly RawPeopleKey[]): {
	key: string;
	value: StoredPeopleKeys;
} {
	return {
		key: PEOPLE_KEY_META_KEY,
		value: keys.map((k) => ({ epoch: k.epoch, keyId: k.keyId, raw: toBase64(k.raw) }))
	};
}

/** The people keys on this device (none: no office, or one from before people keys). */
export async function readPeopleKeys(db: OfficeDatabase): Promise<RawPeopleKey[]> {
	const value = await readMeta<StoredPeopleKeys | null>(db, PEOPLE_KEY_META_KEY, null);
	// The first format held only the first key, as base64.
	if (typeof value === 'string') {
		const raw = fromBase64(value);
		return [{ epoch: 1, keyId: await keyIdOf(raw), raw }];
	}
	if (!Array.isArray(value)) return [];
	return value.map((k) => ({ epoch: k.epoch, keyId: k.keyId, raw: fromBase64(k.raw) }));
}

/** Adds a people key to this device's (once); true when it was new. */
export async function storePeopleKey(db: OfficeDatabase, key: RawPeopleKey): Promise<boolean> {
	return db.transaction('rw', db.meta, async () => {
		const keys = await readPeopleKeys(db);
		if (keys.some((k) => k.epoch === key.epoch && k.keyId === key.keyId)) return false;
		const { value } = peopleKeysMeta([...keys, key]);
		await writeMeta(db, PEOPLE_KEY_META_KEY, value);
		return true;
	});
}

/** A keyring holding this device's people keys (as non-extractable AES keys). */
export async function peopleKeyring(keys: readonly RawPeopleKey[]): Promise<AreaKeyring> {
	const keyring = new AreaKeyring();
	await addPeopleKeys(keyring, keys);
	return keyring;
}

/** Adds people keys to a keyring. */
export async function addPeopleKeys(keyring: AreaKeyring, keys: readonly RawPeopleKey[]) {
	for (const key of keys) keyring.add(PEOPLE_KEY_AREA, key, await importAeadKey(key.raw));
}
