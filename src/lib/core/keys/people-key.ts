/**
 * The office's people key: seals the people document (who can sign in, their wrapped keys), which
 * the sign-in screen must read before anyone has signed in. So, unlike area keys, it is held by
 * the device: created with the office, handed to each device at pairing, carried in backups, and
 * kept in the device's database. What it protects holds no key in the clear — private keys stay
 * sealed under passphrases, area keys under people's public keys — so holding it lets a device
 * list the office's people and nothing more. See docs/architecture.md, "People and roles".
 */
import { fromBase64, randomBytes, toBase64 } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import { readMeta, type OfficeDatabase } from '../storage/db';

/** Office meta: it belongs to the office and goes into backups (backup/office-rows.ts). */
export const PEOPLE_KEY_META_KEY = 'people-key';

/** A new random people key (raw bytes, for storing and handing over). */
export function newPeopleKeyRaw(): Uint8Array {
	return randomBytes(32);
}

/** The meta row that stores a people key. */
export function peopleKeyMeta(raw: Uint8Array): { key: string; value: string } {
	return { key: PEOPLE_KEY_META_KEY, value: toBase64(raw) };
}

/** The raw people key on this device, or null (no office, or one made before people existed). */
export async function readPeopleKeyRaw(db: OfficeDatabase): Promise<Uint8Array | null> {
	const value = await readMeta<unknown>(db, PEOPLE_KEY_META_KEY, null);
	return typeof value === 'string' ? fromBase64(value) : null;
}

/** The people key on this device as a non-extractable AES key, or null. */
export async function readPeopleKey(db: OfficeDatabase): Promise<CryptoKey | null> {
	const raw = await readPeopleKeyRaw(db);
	if (!raw) return null;
	const key = await importAeadKey(raw);
	raw.fill(0);
	return key;
}
