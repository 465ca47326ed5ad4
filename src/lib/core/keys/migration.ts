/**
 * Moving an office made before signed changes onto the chain of authority, at an office
 * manager's next sign-in.
 *
 * Such an office's people document holds plain records (authority/legacy-people.ts) that anyone
 * holding the people key could have edited; they are all there is to go on. The manager who signs
 * in first vouches for them: a genesis op, signed by a new signing key of theirs (the office's
 * root from then on), restates the people, roles, area-key grants and devices as they stand, and
 * every device pins it. People keep their passphrases and key pairs; each enrols a signing key at
 * their next sign-in (own-secret.ts). Every area then gets a new key (key-plan.ts: keys that came
 * with the genesis are replaced) and its documents are re-encrypted, so a key someone planted in
 * the old records opens nothing written afterwards.
 *
 * Resumable: the genesis is stored before the root is pinned; a manager who signs in again finds
 * their own genesis and pins it. Other devices pin the first migration genesis made by a manager
 * the old records list (trust on first use — the only trust such an office ever had).
 */
import type { AuthorityLog } from '../authority/authority-log';
import { readLegacyPeople, type LegacyPeople, type PersonRecord } from '../authority/legacy-people';
import { checkOp, signOp, type OpSigner } from '../authority/op-codec';
import type { DeviceEntry, GrantEntry, OpContent, PersonEntry } from '../authority/op-schema';
import type { AuthorityRoot } from '../authority/resolve';
import { ADMIN_ROLE, type PersonState } from '../authority/state';
import { toBase64 } from '../bytes';
import {
	unwrapWithPrivateKey,
	publicJwkOfPrivate,
	importPersonPrivateKey
} from '../crypto/key-agreement';
import { fingerprintOf, keyIdOf } from '../crypto/key-id';
import { PBKDF2_ITERATIONS, unwrapWithPassphrase, wrapWithPassphrase } from '../crypto/passphrase';
import { generateExportableSigningKeyPair, importSigningPrivateKey } from '../crypto/signing';
import type { OfficeDatabase } from '../storage/db';
import { deviceEntryOf, ensureDevice } from './device';
import { adminProofOf } from './admin-proof';
import { readPeopleKeys } from './people-keys';
import { encodeBundle } from './person-secret';
import { loadPassphraseWrap, loadWrappedKey, storePassphraseWrap } from './stored-wraps';
import { officeMeta, personContext, readOffice, rootOf } from './vault';

/** Someone other than a manager signs in before the office moved to signed changes. */
export class NotMigratedError extends Error {
	override name = 'NotMigratedError';
	constructor() {
		super(
			'This office’s sign-ins are being renewed. An office manager needs to sign in once (on any device); then you can sign in here.'
		);
	}
}

/** Whether the office on this device still waits for its move to the chain. */
export async function needsMigration(db: OfficeDatabase): Promise<boolean> {
	const office = await readOffice(db);
	return office !== null && !office.root;
}

/** The legacy people as sign-in lists them, until the move. */
export function legacyPersons(log: AuthorityLog): PersonState[] {
	return readLegacyPeople(log.document.doc).persons.map((person) => ({
		id: person.id,
		name: person.name,
		roles: [...person.roles],
		active: person.active,
		signingKey: null,
		adminProof: null,
		publicJwk: person.publicJwk,
		fingerprint: '',
		pastFingerprints: [],
		pastSigningKeys: [],
		wrap: { v: 1, ...person.wrappedPrivateKey },
		recovery: null,
		staffId: person.staffId ?? null,
		idleMinutes: person.idleMinutes ?? null,
		createdAt: person.createdAt,
		createdBy: person.createdBy,
		deactivatedAt: person.deactivatedAt ?? null,
		devices: [],
		keysSince: 0,
		rekeyedAt: null,
		adminSince: null
	}));
}

/**
 * Moves the office onto the chain with `personId` (a manager in the old records, whose passphrase
 * this is) as its root; returns the pinned root. Throws NotMigratedError for someone who is not
 * an active manager there, WrongPassphraseError for a wrong passphrase.
 */
export async function migrateOffice(
	db: OfficeDatabase,
	log: AuthorityLog,
	personId: string,
	passphrase: string,
	options: {
		deviceName: string;
		iterations?: number;
		now?: Date;
		/** Devices the relay lists (id, base64 Ed25519 key), when it could be asked. */
		relayDevices?: { deviceId: string; publicKey: string; revoked: boolean }[];
	}
): Promise<AuthorityRoot> {
	const office = await readOffice(db);
	if (!office) throw new Error('No office is set up on this device yet.');
	const pinned = rootOf(office);
	if (pinned) return pinned;
	const legacy = readLegacyPeople(log.document.doc);
	const me = legacy.persons.find((person) => person.id === personId);
	if (!me || !me.active || !me.roles.includes(ADMIN_ROLE)) throw new NotMigratedError();
	const pkcs8 = await unwrapWithPassphrase(
		loadPassphraseWrap({ v: 1, ...me.wrappedPrivateKey }),
		passphrase,
		personContext(personId)
	);
	try {
		const resumed = await ownGenesis(log, office.officeId, me, passphrase);
		if (resumed) return await pin(db, log, resumed);
		const signing = await generateExportableSigningKeyPair();
		const rootKey = toBase64(signing.publicRaw);
		const bundle = encodeBundle(
			{ officeId: office.officeId, rootKey, personId },
			pkcs8,
			signing.privateKeyPkcs8
		);
		const wrap = storePassphraseWrap(
			await wrapWithPassphrase(
				bundle,
				passphrase,
				personContext(personId),
				options.iterations ?? PBKDF2_ITERATIONS
			)
		);
		bundle.fill(0);
		const signer: OpSigner = {
			by: { person: personId },
			key: rootKey,
			privateKey: await importSigningPrivateKey(signing.privateKeyPkcs8)
		};
		signing.privateKeyPkcs8.fill(0);
		const device = await ensureDevice(db);
		const [peopleKey] = await readPeopleKeys(db);
		const genesis = await signOp(
			{
				kind: 'genesis',
				person: {
					...personEntryOf(me),
					signingKey: rootKey,
					wrap,
					adminProof: await adminProofOf(office.officeId, rootKey, signer.privateKey)
				},
				device: deviceEntryOf(device, options.deviceName),
				peopleKey: { epoch: peopleKey.epoch, keyId: peopleKey.keyId },
				migrated: {
					persons: legacy.persons.filter((p) => p.id !== personId).map(personEntryOf),
					roles: legacy.roles.map((role) => ({ roleId: role.id, areas: role.areas })),
					grants: await carriedGrants(legacy, me, pkcs8),
					devices: otherDevices(options.relayDevices ?? [], device.deviceId)
				}
			},
			{ office: office.officeId, at: (options.now ?? new Date()).toISOString(), parents: [] },
			signer
		);
		await log.import(new Map([[genesis.id, genesis.stored]]));
		const root = await pin(db, log, { officeId: office.officeId, rootKey, genesisId: genesis.id });
		const turnedOff: OpContent[] = legacy.persons
			.filter((p) => !p.active && p.id !== personId)
			.map((p) => ({ kind: 'person-active', personId: p.id, active: false }));
		if (turnedOff.length > 0) await log.append(turnedOff, signer, options.now);
		return root;
	} finally {
		pkcs8.fill(0);
	}
}

/** Pins the first migration genesis made by a manager of the old records (devices that wait). */
export async function adoptMigration(
	db: OfficeDatabase,
	log: AuthorityLog
): Promise<AuthorityRoot | null> {
	const office = await readOffice(db);
	if (!office || office.root) return office && rootOf(office);
	const legacy = readLegacyPeople(log.document.doc);
	const candidates: AuthorityRoot[] = [];
	for (const [id, value] of log.storedOps()) {
		const checked = await checkOp(office.officeId, value, id);
		if (!checked.ok || checked.op.body.kind !== 'genesis' || !checked.op.body.migrated) continue;
		const body = checked.op.body;
		const record = legacy.persons.find((p) => p.id === body.person.id);
		const vouched =
			record?.active &&
			record.roles.includes(ADMIN_ROLE) &&
			record.publicJwk.x === body.person.publicJwk.x &&
			record.publicJwk.y === body.person.publicJwk.y &&
			body.key === body.person.signingKey;
		if (vouched) candidates.push({ officeId: office.officeId, rootKey: body.key, genesisId: id });
	}
	candidates.sort((a, b) => (a.genesisId < b.genesisId ? -1 : 1));
	return candidates[0] ? pin(db, log, candidates[0]) : null;
}

async function pin(
	db: OfficeDatabase,
	log: AuthorityLog,
	root: AuthorityRoot
): Promise<AuthorityRoot> {
	await db.transaction('rw', db.meta, async () => {
		const office = await readOffice(db);
		if (!office || office.root) return;
		await db.meta.put(
			officeMeta({ ...office, root: { rootKey: root.rootKey, genesisId: root.genesisId } })
		);
	});
	const office = await readOffice(db);
	const pinned = rootOf(office!)!;
	await log.pin(pinned);
	return pinned;
}

/** A genesis this manager made before (a move cut short), if their passphrase opens it. */
async function ownGenesis(
	log: AuthorityLog,
	officeId: string,
	me: PersonRecord,
	passphrase: string
): Promise<AuthorityRoot | null> {
	for (const [id, value] of log.storedOps()) {
		const checked = await checkOp(officeId, value, id);
		if (!checked.ok || checked.op.body.kind !== 'genesis') continue;
		const body = checked.op.body;
		if (body.person.id !== me.id || !body.migrated) continue;
		try {
			(
				await unwrapWithPassphrase(
					loadPassphraseWrap(body.person.wrap),
					passphrase,
					personContext(me.id)
				)
			).fill(0);
			return { officeId, rootKey: body.key, genesisId: id };
		} catch {
			// Someone else's (or an older passphrase's) move: not this one.
		}
	}
	return null;
}

function personEntryOf(person: PersonRecord): PersonEntry {
	return {
		id: person.id,
		name: person.name,
		roles: [...person.roles],
		signingKey: null,
		publicJwk: person.publicJwk,
		wrap: { v: 1, ...person.wrappedPrivateKey },
		recovery: person.recoveryWrappedPrivateKey
			? { v: 1, ...person.recoveryWrappedPrivateKey }
			: null,
		staffId: person.staffId ?? null,
		idleMinutes: person.idleMinutes ?? null
	};
}

/** The old grants whose keys the migrating manager holds too, named by those keys' ids. */
async function carriedGrants(
	legacy: LegacyPeople,
	me: PersonRecord,
	pkcs8: Uint8Array
): Promise<GrantEntry[]> {
	const privateKey = await importPersonPrivateKey(pkcs8);
	if (!(await sameKey(pkcs8, me.publicJwk))) return [];
	const keyIds = new Map<string, string>();
	for (const grant of legacy.grants.filter((g) => g.personId === me.id)) {
		try {
			const raw = await unwrapWithPrivateKey(
				privateKey,
				me.publicJwk,
				{ ...loadWrappedKey({ v: 1, ...grant.wrapped }) },
				`area-key|${grant.area}|${grant.epoch}|${grant.personId}`
			);
			keyIds.set(`${grant.area}|${grant.epoch}`, await keyIdOf(raw));
			raw.fill(0);
		} catch {
			// A grant that does not open for the manager is not carried over.
		}
	}
	const persons = new Map(legacy.persons.map((p) => [p.id, p]));
	const grants: GrantEntry[] = [];
	for (const grant of legacy.grants) {
		const keyId = keyIds.get(`${grant.area}|${grant.epoch}`);
		const person = persons.get(grant.personId);
		if (!keyId || !person) continue;
		grants.push({
			area: grant.area,
			epoch: grant.epoch,
			keyId,
			personId: grant.personId,
			to: await fingerprintOf(person.publicJwk),
			wrapped: { v: 1, ...grant.wrapped }
		});
	}
	return grants;
}

async function sameKey(pkcs8: Uint8Array, jwk: { x: string; y: string }): Promise<boolean> {
	const derived = await publicJwkOfPrivate(pkcs8);
	return derived.x === jwk.x && derived.y === jwk.y;
}

function otherDevices(
	relayDevices: readonly { deviceId: string; publicKey: string; revoked: boolean }[],
	own: string
): DeviceEntry[] {
	return relayDevices
		.filter(
			(device) =>
				device.deviceId !== own && !device.revoked && /^[A-Za-z0-9+/]{43}=$/.test(device.publicKey)
		)
		.map((device) => ({
			id: device.deviceId,
			name: `Device …${device.deviceId.slice(-6)}`,
			signingKey: device.publicKey,
			encryptionJwk: null
		}));
}
