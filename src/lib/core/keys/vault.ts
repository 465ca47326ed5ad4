/**
 * The office on this device and signing people in.
 *
 * Creating an office makes this device's identity, the office's first people key, and its first
 * person: a secret (a P-256 key pair for receiving keys, an Ed25519 key pair for signing changes)
 * sealed under their passphrase, plus one random key per area wrapped to them. The person's
 * signing key becomes the office's root: the genesis op they sign names them manager, and every
 * device pins that root (in the office record) when it gets the office. Signing in reverses it
 * for one person: passphrase (or the device's PIN wrapping) → secret, checked against their keys
 * on record and against the pinned root → the area keys granted to them. Nothing here writes a
 * key in the clear; unwrapped keys exist only in memory.
 */
import { ulid } from 'ulid';
import { randomBytes } from '../bytes';
import { AuthorityLog } from '../authority/authority-log';
import { signOp, type OpSigner } from '../authority/op-codec';
import type { GrantEntry, PersonEntry } from '../authority/op-schema';
import type { AuthorityRoot } from '../authority/resolve';
import { grantsOf, newestAreaKey, type PersonState } from '../authority/state';
import { importAeadKey } from '../crypto/aead';
import { keyIdOf } from '../crypto/key-id';
import { PBKDF2_ITERATIONS, unwrapWithPassphrase, wrapWithPassphrase } from '../crypto/passphrase';
import type { DocumentStoreOptions } from '../documents/document-store';
import { readMeta, type OfficeDatabase } from '../storage/db';
import { adminProofOf } from './admin-proof';
import { AreaKeyring } from './area-keyring';
import { defaultDeviceName, deviceEntryOf, ensureDevice } from './device';
import { unwrapGrant, wrapAreaKey } from './grants';
import {
	addPeopleKeys,
	newPeopleKey,
	PEOPLE_KEY_AREA,
	peopleKeyring,
	peopleKeysMeta,
	readPeopleKeys
} from './people-keys';
import { generatePersonSecret, openPersonSecret, type PersonKeys } from './person-secret';
import { auditKeyOp } from './audit-key';
import { loadPassphraseWrap, storePassphraseWrap } from './stored-wraps';

export interface OfficeRecord {
	officeId: string;
	/** The person who created the office. */
	ownerPersonId: string;
	createdAt: string;
	demo: boolean;
	/** The pinned root of the chain of authority; absent for offices made before it. */
	root?: { rootKey: string; genesisId: string };
}

export interface UnlockedKeys {
	officeId: string;
	personId: string;
	deviceId: string;
	keyring: AreaKeyring;
	/** The person's secret keys (non-extractable): unwrap keys granted later, sign changes. */
	person: PersonKeys;
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

/** The office record's meta row (for writers that store it in their own transaction). */
export function officeMeta(office: OfficeRecord): { key: string; value: OfficeRecord } {
	return { key: OFFICE_META_KEY, value: office };
}

/** The pinned root of an office record, as the authority log wants it. */
export function rootOf(office: OfficeRecord): AuthorityRoot | null {
	return office.root ? { officeId: office.officeId, ...office.root } : null;
}

/** The passphrase-wrap context of a person's secret. */
export function personContext(personId: string): string {
	return `person:${personId}`;
}

/** Signs as this person (their signing key; throws for a person who has none yet). */
export function personSigner(keys: UnlockedKeys): OpSigner {
	const { person } = keys;
	if (!person.signingKey || !person.signingPrivate) {
		throw new Error('Sign in with your passphrase once to finish setting up your sign-in.');
	}
	return {
		by: { person: person.personId },
		key: person.signingKey,
		privateKey: person.signingPrivate
	};
}

/** A new person's entry: fresh keys, the secret sealed under their passphrase. */
export async function newPersonEntry(
	owner: { officeId: string; rootKey?: string; personId: string },
	fields: Pick<PersonEntry, 'name' | 'roles'> & Partial<Pick<PersonEntry, 'staffId'>>,
	passphrase: string,
	iterations = PBKDF2_ITERATIONS
): Promise<PersonEntry> {
	const secret = await generatePersonSecret(owner);
	const adminProof = await adminProofOf(owner.officeId, secret.signingKey, secret.signingPrivate);
	const wrapped = await wrapWithPassphrase(
		secret.bundle,
		passphrase,
		personContext(owner.personId),
		iterations
	);
	secret.bundle.fill(0);
	return {
		id: owner.personId,
		name: fields.name,
		roles: [...fields.roles],
		signingKey: secret.signingKey,
		publicJwk: secret.publicJwk,
		wrap: storePassphraseWrap(wrapped),
		recovery: null,
		staffId: fields.staffId ?? null,
		idleMinutes: null,
		adminProof
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
		deviceName?: string;
	}
): Promise<UnlockedKeys> {
	if (await readOffice(db)) throw new Error('An office is already set up on this device.');
	const device = await ensureDevice(db);
	// A creation cut short earlier may have left a people document under a key that is gone.
	await db.transaction('rw', db.updates, db.snapshots, db.authorityOps, async () => {
		await db.updates.where('docId').equals('people').delete();
		await db.snapshots.delete('people');
		await db.authorityOps.clear();
	});
	const officeId = ulid();
	const personId = ulid();
	const person = await newPersonEntry(
		{ officeId, personId },
		{ name: options.name ?? 'Office manager', roles: options.roles ?? ['manager'] },
		options.passphrase,
		options.iterations
	);
	const secret = await unwrapWithPassphrase(
		loadPassphraseWrap(person.wrap),
		options.passphrase,
		personContext(personId)
	);
	const rootKey = person.signingKey!;
	const personKeys = await openPersonSecret(secret, 2, { officeId, rootKey, personId, ...person });
	secret.fill(0);
	const keyring = new AreaKeyring();
	const grants: GrantEntry[] = [];
	for (const area of options.areas) {
		const raw = randomBytes(32);
		const key = { epoch: 1, keyId: await keyIdOf(raw) };
		grants.push(await wrapAreaKey(raw, area, key, person));
		keyring.add(area, key, await importAeadKey(raw));
		raw.fill(0);
	}
	const peopleKey = await newPeopleKey(1);
	const signer: OpSigner = {
		by: { person: personId },
		key: rootKey,
		privateKey: personKeys.signingPrivate!
	};
	const createdAt = new Date();
	const genesis = await signOp(
		{
			kind: 'genesis',
			person,
			device: deviceEntryOf(device, options.deviceName ?? defaultDeviceName()),
			peopleKey: { epoch: peopleKey.epoch, keyId: peopleKey.keyId }
		},
		{ office: officeId, at: createdAt.toISOString(), parents: [] },
		signer
	);
	const root: AuthorityRoot = { officeId, rootKey, genesisId: genesis.id };
	const log = await AuthorityLog.open(db, await peopleKeyring([peopleKey]), device.deviceId, root, {
		channelName: null
	});
	const keys = { officeId, personId, deviceId: device.deviceId, keyring, person: personKeys };
	try {
		await log.import(new Map([[genesis.id, genesis.stored]]));
		if (grants.length > 0) await log.append([{ kind: 'grant', grants }], signer, createdAt);
		// Audit entries are sealed to a key pair managers hold from the first entry on.
		const auditKey = await auditKeyOp(log.require(), keyring);
		if (auditKey) await log.append([auditKey], signer, createdAt);
	} finally {
		await log.close();
	}
	const office: OfficeRecord = {
		officeId,
		ownerPersonId: personId,
		createdAt: createdAt.toISOString(),
		demo: options.demo ?? false,
		root: { rootKey, genesisId: genesis.id }
	};
	// The office exists from this write on, with its people document already stored.
	await db.meta.bulkPut([peopleKeysMeta([peopleKey]), officeMeta(office)]);
	peopleKey.raw.fill(0);
	await addPeopleKeys(keyring, await readPeopleKeys(db));
	return keys;
}

/** Opens this device's authority log (the people document) with its people keys. */
export async function openAuthority(
	db: OfficeDatabase,
	options: DocumentStoreOptions = {}
): Promise<AuthorityLog | null> {
	const office = await readOffice(db);
	const keys = await readPeopleKeys(db);
	if (!office || keys.length === 0) return null;
	const device = await ensureDevice(db);
	return AuthorityLog.open(db, await peopleKeyring(keys), device.deviceId, rootOf(office), options);
}

/** How a person proves who they are: their passphrase, or the secret a PIN unwrapped. */
export type SignInSecret = { passphrase: string } | { secret: Uint8Array; version: 1 | 2 };

/**
 * Signs one person in: unwraps their secret, checks it against their keys on record and the
 * pinned root, and unwraps every area key granted to them. Throws WrongPassphraseError,
 * UnknownPersonError, PersonInactiveError or SecretMismatchError. A grant that does not open
 * (damaged, or to a key they no longer have) is skipped: that key's documents then show as
 * unreadable rather than failing sign-in.
 */
export async function unlockPerson(
	db: OfficeDatabase,
	log: AuthorityLog,
	personId: string,
	secret: SignInSecret
): Promise<UnlockedKeys> {
	const office = await readOffice(db);
	const root = office && rootOf(office);
	if (!office || !root) throw new NoOfficeError();
	const state = log.require();
	const person = state.persons.get(personId);
	if (!person) throw new UnknownPersonError();
	if (!person.active) throw new PersonInactiveError();
	const device = await ensureDevice(db);
	const { bytes, version } = await secretOf(person, secret);
	let keys: PersonKeys;
	try {
		keys = await openPersonSecret(bytes, version, { ...root, personId, ...person });
	} finally {
		bytes.fill(0);
	}
	const keyring = new AreaKeyring();
	await adoptGrants(keyring, keys, grantsOf(state, personId));
	await addPeopleKeys(keyring, await readPeopleKeys(db));
	keyring.followNewest((area) => (log.state ? newestAreaKey(log.state, area) : null));
	return { officeId: office.officeId, personId, deviceId: device.deviceId, keyring, person: keys };
}

async function secretOf(
	person: PersonState,
	secret: SignInSecret
): Promise<{ bytes: Uint8Array; version: 1 | 2 }> {
	if ('secret' in secret) return { bytes: secret.secret, version: secret.version };
	const bytes = await unwrapWithPassphrase(
		loadPassphraseWrap(person.wrap),
		secret.passphrase,
		personContext(person.id)
	);
	return { bytes, version: person.wrap.v };
}

/** Adds to the keyring every granted key it lacks; returns the areas that gained a key. */
export async function adoptGrants(
	keyring: AreaKeyring,
	person: PersonKeys,
	grants: readonly GrantEntry[]
): Promise<string[]> {
	const gained = new Set<string>();
	const wanted = grants.filter(
		(grant) => grant.area !== PEOPLE_KEY_AREA && !keyring.hasKey(grant.area, grant)
	);
	// Unwrapped side by side: each is a few WebCrypto calls that need not wait for the others.
	await Promise.all(
		wanted.map(async (grant) => {
			try {
				const raw = await unwrapGrant(person, grant);
				keyring.add(grant.area, grant, await importAeadKey(raw));
				raw.fill(0);
				gained.add(grant.area);
			} catch {
				// Damaged, foreign, or wrapped to a key the person has since replaced: that key
				// stays unreadable here, sign-in goes on.
			}
		})
	);
	return [...gained];
}

/**
 * Signs in the office's creator with a passphrase, opening the authority just for it, and gives
 * `areas` that have no key yet a first one, wrapped to them. For tests and tools; the app keeps
 * one AuthorityLog open and calls unlockPerson.
 */
export async function unlockOffice(
	db: OfficeDatabase,
	passphrase: string,
	options: { areas?: string[] } = {}
): Promise<UnlockedKeys> {
	const office = await readOffice(db);
	const log = await openAuthority(db, { channelName: null });
	if (!office || !log) throw new NoOfficeError();
	try {
		const keys = await unlockPerson(db, log, office.ownerPersonId, { passphrase });
		await firstKeys(log, keys, options.areas ?? []);
		return keys;
	} finally {
		await log.close();
	}
}

/** Gives each area without any key its first key, wrapped to the signed-in person. */
export async function firstKeys(
	log: AuthorityLog,
	keys: UnlockedKeys,
	areas: readonly string[]
): Promise<string[]> {
	const state = log.require();
	const missing = areas.filter((area) => !newestAreaKey(state, area));
	const person = state.persons.get(keys.personId);
	if (missing.length === 0 || !person) return [];
	const grants: GrantEntry[] = [];
	const made: { area: string; key: { epoch: number; keyId: string }; raw: Uint8Array }[] = [];
	for (const area of missing) {
		const raw = randomBytes(32);
		const key = { epoch: 1, keyId: await keyIdOf(raw) };
		grants.push(await wrapAreaKey(raw, area, key, person));
		made.push({ area, key, raw });
	}
	await log.append([{ kind: 'grant', grants }], personSigner(keys));
	for (const { area, key, raw } of made) {
		keys.keyring.add(area, key, await importAeadKey(raw));
		raw.fill(0);
	}
	return missing;
}
