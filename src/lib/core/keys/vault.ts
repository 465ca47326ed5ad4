/**
 * The keys of the person signed in on this device.
 *
 * Creating an office makes a device key pair (signing), a person key pair (key agreement) whose
 * private half is wrapped by a key derived from the passphrase, and one random key per area,
 * each wrapped to the person's public key. Unlocking reverses it: passphrase → private key →
 * area keys. Nothing here writes a key in the clear; the unwrapped keys exist only in memory.
 */
import { ulid } from 'ulid';
import { randomBytes } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import {
	generatePersonKeyPair,
	importPersonPrivateKey,
	unwrapWithPrivateKey,
	wrapToPublicKey
} from '../crypto/key-agreement';
import { PBKDF2_ITERATIONS, unwrapWithPassphrase, wrapWithPassphrase } from '../crypto/passphrase';
import { generateSigningKeyPair } from '../crypto/signing';
import type { DeviceRow, IdentityRow, KeyringRow, OfficeDatabase } from '../storage/db';
import { readMeta, writeMeta } from '../storage/db';
import { AreaKeyring } from './area-keyring';

export interface OfficeRecord {
	officeId: string;
	ownerPersonId: string;
	createdAt: string;
	demo: boolean;
}

export interface UnlockedKeys {
	officeId: string;
	personId: string;
	deviceId: string;
	keyring: AreaKeyring;
}

export class NoOfficeError extends Error {
	override name = 'NoOfficeError';
	constructor() {
		super('No office is set up on this device yet.');
	}
}

const OFFICE_META_KEY = 'office';

/** The office set up on this device, if any. */
export function readOffice(db: OfficeDatabase): Promise<OfficeRecord | null> {
	return readMeta<OfficeRecord | null>(db, OFFICE_META_KEY, null);
}

/** A new device identity, not yet stored. */
export async function newDeviceRow(): Promise<DeviceRow> {
	const pair = await generateSigningKeyPair();
	return {
		slot: 'this-device',
		deviceId: ulid(),
		signingPublicRaw: pair.publicRaw,
		signingPrivateKey: pair.privateKey,
		createdAt: new Date().toISOString()
	};
}

/** This device's identity, created on first use. */
export async function ensureDevice(db: OfficeDatabase): Promise<DeviceRow> {
	const existing = await db.device.get('this-device');
	if (existing) return existing;
	const row = await newDeviceRow();
	await db.device.put(row);
	return row;
}

function keyContext(area: string, epoch: number, personId: string): string {
	return `area-key|${area}|${epoch}|${personId}`;
}

async function newAreaKey(area: string, identity: IdentityRow, keyring: AreaKeyring) {
	const raw = randomBytes(32);
	const epoch = 1;
	const context = keyContext(area, epoch, identity.personId);
	const wrapped = await wrapToPublicKey(identity.publicJwk, raw, context);
	keyring.add(area, epoch, await importAeadKey(raw));
	raw.fill(0);
	return { area, epoch, personId: identity.personId, wrapped } satisfies KeyringRow;
}

/** Sets up a new office on this device, its creator holding every area's key. */
export async function createOffice(
	db: OfficeDatabase,
	options: { passphrase: string; areas: string[]; demo?: boolean; iterations?: number }
): Promise<UnlockedKeys> {
	if (await readOffice(db)) throw new Error('An office is already set up on this device.');
	const device = await ensureDevice(db);
	const pair = await generatePersonKeyPair();
	const identity: IdentityRow = {
		personId: ulid(),
		publicJwk: pair.publicJwk,
		wrappedPrivateKey: await wrapWithPassphrase(
			pair.privateKeyPkcs8,
			options.passphrase,
			options.iterations ?? PBKDF2_ITERATIONS
		),
		createdAt: new Date().toISOString()
	};
	pair.privateKeyPkcs8.fill(0);
	const keyring = new AreaKeyring();
	const rows = await Promise.all(options.areas.map((area) => newAreaKey(area, identity, keyring)));
	const office: OfficeRecord = {
		officeId: ulid(),
		ownerPersonId: identity.personId,
		createdAt: identity.createdAt,
		demo: options.demo ?? false
	};
	await db.transaction('rw', db.identities, db.keyring, db.meta, async () => {
		await db.identities.put(identity);
		await db.keyring.bulkPut(rows);
		await writeMeta(db, OFFICE_META_KEY, office);
	});
	return {
		officeId: office.officeId,
		personId: identity.personId,
		deviceId: device.deviceId,
		keyring
	};
}

async function unwrapRow(privateKey: CryptoKey, row: KeyringRow, keyring: AreaKeyring) {
	const context = keyContext(row.area, row.epoch, row.personId);
	const raw = await unwrapWithPrivateKey(privateKey, row.wrapped, context);
	keyring.add(row.area, row.epoch, await importAeadKey(raw));
	raw.fill(0);
}

/**
 * Gives areas added by a newer version of the app their first key. Two tabs may race to do it;
 * `add` (not `put`) lets exactly one key win, and the loser adopts the winner's key, so nothing
 * is ever written under a key that is then overwritten.
 */
async function addMissingAreaKeys(
	db: OfficeDatabase,
	identity: IdentityRow,
	privateKey: CryptoKey,
	keyring: AreaKeyring,
	areas: string[]
): Promise<void> {
	for (const area of areas) {
		const candidate = new AreaKeyring();
		const row = await newAreaKey(area, identity, candidate);
		try {
			await db.keyring.add(row);
			keyring.add(area, row.epoch, candidate.get(area, row.epoch));
		} catch {
			const winner = await db.keyring.get([area, row.epoch, identity.personId]);
			if (!winner) throw new Error(`The key for "${area}" could not be stored on this device.`);
			await unwrapRow(privateKey, winner, keyring);
		}
	}
}

/** Unwraps the signed-in person's area keys; throws WrongPassphraseError on a wrong passphrase. */
export async function unlockOffice(
	db: OfficeDatabase,
	passphrase: string,
	options: { areas?: string[] } = {}
): Promise<UnlockedKeys> {
	const office = await readOffice(db);
	if (!office) throw new NoOfficeError();
	const identity = await db.identities.get(office.ownerPersonId);
	if (!identity) throw new NoOfficeError();
	const device = await ensureDevice(db);
	const pkcs8 = await unwrapWithPassphrase(identity.wrappedPrivateKey, passphrase);
	const privateKey = await importPersonPrivateKey(pkcs8);
	pkcs8.fill(0);
	const keyring = new AreaKeyring();
	const rows = await db.keyring.where('personId').equals(identity.personId).toArray();
	await Promise.all(rows.map((row) => unwrapRow(privateKey, row, keyring)));
	// Areas added by a newer version of the app get their first key from the office's creator.
	const missing = (options.areas ?? []).filter((area) => !keyring.has(area));
	if (missing.length > 0) await addMissingAreaKeys(db, identity, privateKey, keyring, missing);
	return {
		officeId: office.officeId,
		personId: identity.personId,
		deviceId: device.deviceId,
		keyring
	};
}
