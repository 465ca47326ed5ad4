/**
 * The office on this device and signing people in.
 *
 * Creating an office makes a device key pair (signing), the office's people key (people-key.ts),
 * and its first person: a P-256 key pair whose private half is wrapped by a key derived from
 * their passphrase, plus one random key per area, each wrapped to that person's public key. All
 * of that lives in the people document, which syncs. Signing in reverses it for one person:
 * passphrase (or the device's PIN wrapping) → private key → the area keys wrapped to them.
 * Nothing here writes a key in the clear; unwrapped keys exist only in memory.
 */
import { ulid } from 'ulid';
import { randomBytes } from '../bytes';
import { importAeadKey } from '../crypto/aead';
import {
	generatePersonKeyPair,
	importPersonPrivateKey,
	publicJwkOfPrivate
} from '../crypto/key-agreement';
import { PBKDF2_ITERATIONS, unwrapWithPassphrase, wrapWithPassphrase } from '../crypto/passphrase';
import { generateSigningKeyPair } from '../crypto/signing';
import {
	PEOPLE_AREA,
	PEOPLE_DOCUMENT,
	PEOPLE_KEY_EPOCH,
	PeopleDirectory
} from '../people/people-directory';
import type { GrantRecord, PersonRecord } from '../people/people-schema';
import { unwrapGrant, wrapAreaKey } from './grants';
import { documentId } from '../documents/document-id';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import { readMeta } from '../storage/db';
import { ensureAreaKeys } from './access';
import { AreaKeyring } from './area-keyring';
import { newPeopleKeyRaw, peopleKeyMeta, readPeopleKey } from './people-key';
import { loadPassphraseWrap, storePassphraseWrap } from './stored-wraps';

export interface OfficeRecord {
	officeId: string;
	/** The person who created the office. */
	ownerPersonId: string;
	createdAt: string;
	demo: boolean;
}

export interface UnlockedKeys {
	officeId: string;
	personId: string;
	deviceId: string;
	keyring: AreaKeyring;
	/** The person's private key (non-extractable): unwraps area keys granted later. */
	privateKey: CryptoKey;
}

export class NoOfficeError extends Error {
	override name = 'NoOfficeError';
	constructor() {
		super('No office is set up on this device yet.');
	}
}

/** The person is not in the office's people list (or it has not reached this device). */
export class UnknownPersonError extends Error {
	override name = 'UnknownPersonError';
	constructor() {
		super('That sign-in is not known on this device yet. Connect to sync and try again.');
	}
}

/** A quick sign-in (PIN) that unwrapped a private key the person no longer has. */
export class OutdatedPinError extends Error {
	override name = 'OutdatedPinError';
	constructor() {
		super('This PIN no longer matches your sign-in. Use your passphrase, then set the PIN again.');
	}
}

/** The person's sign-in was turned off. */
export class PersonInactiveError extends Error {
	override name = 'PersonInactiveError';
	constructor() {
		super('This sign-in was turned off by the office manager.');
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

/** A new person's key pair, the private half wrapped by their passphrase. */
export async function newPersonKeys(
	passphrase: string,
	iterations = PBKDF2_ITERATIONS
): Promise<Pick<PersonRecord, 'publicJwk' | 'wrappedPrivateKey'>> {
	const pair = await generatePersonKeyPair();
	const wrapped = await wrapWithPassphrase(pair.privateKeyPkcs8, passphrase, iterations);
	pair.privateKeyPkcs8.fill(0);
	return {
		publicJwk: pair.publicJwk as PersonRecord['publicJwk'],
		wrappedPrivateKey: storePassphraseWrap(wrapped)
	};
}

/** Sets up a new office on this device, its creator a manager holding every area's key. */
export async function createOffice(
	db: OfficeDatabase,
	options: {
		passphrase: string;
		areas: string[];
		demo?: boolean;
		iterations?: number;
		name?: string;
		roles?: string[];
	}
): Promise<UnlockedKeys> {
	if (await readOffice(db)) throw new Error('An office is already set up on this device.');
	const device = await ensureDevice(db);
	// A creation cut short earlier may have left a people document under a key that is gone.
	await db.transaction('rw', db.updates, db.snapshots, async () => {
		await db.updates.where('docId').equals(documentId(PEOPLE_DOCUMENT)).delete();
		await db.snapshots.delete(documentId(PEOPLE_DOCUMENT));
	});
	const now = new Date();
	const personId = ulid();
	const person: PersonRecord = {
		id: personId,
		name: options.name ?? 'Office manager',
		roles: options.roles ?? ['manager'],
		active: true,
		...(await newPersonKeys(options.passphrase, options.iterations)),
		createdAt: now.toISOString(),
		createdBy: null
	};
	const keyring = new AreaKeyring();
	const grants: GrantRecord[] = [];
	for (const area of options.areas) {
		const raw = randomBytes(32);
		grants.push(await wrapAreaKey(raw, area, 1, person, null, now));
		keyring.add(area, 1, await importAeadKey(raw));
		raw.fill(0);
	}
	const peopleRaw = newPeopleKeyRaw();
	const peopleKey = await importAeadKey(peopleRaw);
	keyring.add(PEOPLE_AREA, PEOPLE_KEY_EPOCH, peopleKey);
	const directory = await PeopleDirectory.open(db, peopleKey, device.deviceId, {
		channelName: null
	});
	try {
		await directory.write((writer) => {
			writer.putPerson(person);
			for (const grant of grants) writer.putGrant(grant);
		});
	} finally {
		await directory.close();
	}
	const office: OfficeRecord = {
		officeId: ulid(),
		ownerPersonId: personId,
		createdAt: person.createdAt,
		demo: options.demo ?? false
	};
	// The office exists from this write on, with its people document already stored.
	await db.meta.bulkPut([peopleKeyMeta(peopleRaw), { key: OFFICE_META_KEY, value: office }]);
	peopleRaw.fill(0);
	const pkcs8 = await unwrapWithPassphrase(
		loadPassphraseWrap(person.wrappedPrivateKey),
		options.passphrase
	);
	const privateKey = await importPersonPrivateKey(pkcs8);
	pkcs8.fill(0);
	return { officeId: office.officeId, personId, deviceId: device.deviceId, keyring, privateKey };
}

/** How a person proves who they are: their passphrase, or a private key a PIN unwrapped. */
export type SignInSecret = { passphrase: string } | { pkcs8: Uint8Array };

/**
 * Signs one person in: unwraps their private key and every area key granted to them. Throws
 * WrongPassphraseError, UnknownPersonError or PersonInactiveError. A grant that does not open
 * (damaged) is skipped: the area's documents then show as unreadable rather than failing sign-in.
 */
export async function unlockPerson(
	db: OfficeDatabase,
	directory: PeopleDirectory,
	personId: string,
	secret: SignInSecret
): Promise<UnlockedKeys> {
	const office = await readOffice(db);
	if (!office) throw new NoOfficeError();
	const person = directory.person(personId);
	if (!person) throw new UnknownPersonError();
	if (!person.active) throw new PersonInactiveError();
	const device = await ensureDevice(db);
	const pkcs8 =
		'passphrase' in secret
			? await unwrapWithPassphrase(loadPassphraseWrap(person.wrappedPrivateKey), secret.passphrase)
			: secret.pkcs8;
	// A PIN wraps the private key as it was when the PIN was set; a restore or a reset may have
	// given the person another one since.
	if ('pkcs8' in secret) {
		const { x, y } = await publicJwkOfPrivate(pkcs8);
		if (x !== person.publicJwk.x || y !== person.publicJwk.y) {
			pkcs8.fill(0);
			throw new OutdatedPinError();
		}
	}
	const privateKey = await importPersonPrivateKey(pkcs8);
	pkcs8.fill(0);
	const keyring = new AreaKeyring();
	await adoptGrants(keyring, privateKey, directory.grantsOf(personId));
	const peopleKey = await readPeopleKey(db);
	if (peopleKey) keyring.add(PEOPLE_AREA, PEOPLE_KEY_EPOCH, peopleKey);
	return { officeId: office.officeId, personId, deviceId: device.deviceId, keyring, privateKey };
}

/** Adds to the keyring every granted epoch it lacks; returns the areas that gained a key. */
export async function adoptGrants(
	keyring: AreaKeyring,
	privateKey: CryptoKey,
	grants: GrantRecord[]
): Promise<string[]> {
	const gained = new Set<string>();
	for (const grant of grants) {
		if (keyring.hasEpoch(grant.area, grant.epoch)) continue;
		try {
			const raw = await unwrapGrant(privateKey, grant);
			keyring.add(grant.area, grant.epoch, await importAeadKey(raw));
			raw.fill(0);
			gained.add(grant.area);
		} catch {
			// A damaged or foreign grant: that epoch stays unreadable here, sign-in goes on.
		}
	}
	return [...gained];
}

/**
 * Signs in the office's creator with a passphrase, opening the people document just for it.
 * For tests and tools; the app keeps one PeopleDirectory open and calls unlockPerson.
 */
export async function unlockOffice(
	db: OfficeDatabase,
	passphrase: string,
	options: { areas?: string[] } = {}
): Promise<UnlockedKeys> {
	const office = await readOffice(db);
	const peopleKey = await readPeopleKey(db);
	if (!office || !peopleKey) throw new NoOfficeError();
	const device = await ensureDevice(db);
	const directory = await PeopleDirectory.open(db, peopleKey, device.deviceId, {
		channelName: null
	});
	try {
		const keys = await unlockPerson(db, directory, office.ownerPersonId, { passphrase });
		const owner = directory.person(office.ownerPersonId)!;
		await ensureAreaKeys(directory, keys, options.areas ?? [], () => [owner], new Date());
		return keys;
	} finally {
		await directory.close();
	}
}
