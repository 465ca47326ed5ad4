/**
 * The office's authority as every device computes it from the signed ops (resolve.ts): who can
 * sign in, with which keys and roles; what each role grants; which area keys are wrapped to whom;
 * which devices belong to the office; and the ops that were refused, with why.
 *
 * Core knows one role by name: the administrator role (`manager`), whose holders may change all
 * of this. What other roles mean is the app's business (role-areas ops carry it).
 */
import type {
	GrantEntry,
	PeopleKeyEntry,
	PublicJwk,
	StoredPassphraseWrap,
	StoredRecoveryWrap
} from './op-schema';

/** The role whose active holders administer the office (people, roles, keys, devices). */
export const ADMIN_ROLE = 'manager';

/** The area whose key opens the audit log: managers only (audit entries are sealed to it). */
export const AUDIT_READ_AREA = 'audit-read';

export interface PersonState {
	id: string;
	name: string;
	roles: string[];
	active: boolean;
	/** base64 Ed25519 key their ops are signed with; null until a carried-over person enrols. */
	signingKey: string | null;
	/** The signing key's proof for the relay (op-schema.ts, PersonEntry.adminProof). */
	adminProof: string | null;
	publicJwk: PublicJwk;
	/** Fingerprint of publicJwk (key-id.ts). */
	fingerprint: string;
	/** Every fingerprint and signing key they have had, oldest first (grants, old audit entries). */
	pastFingerprints: string[];
	pastSigningKeys: string[];
	wrap: StoredPassphraseWrap;
	recovery: StoredRecoveryWrap | null;
	staffId: string | null;
	idleMinutes: number | null;
	createdAt: string;
	createdBy: string | null;
	deactivatedAt: string | null;
	/** Devices they signed in on (person-device ops). */
	devices: string[];
	/** Replay position of their last new key pair: devices removed after it call for another. */
	keysSince: number;
	/** Replay position of their last person-rekey (the old keys may be known); null if none. */
	rekeyedAt: number | null;
	/** Replay position at which they last became an administrator; null while not one. */
	adminSince: number | null;
}

export interface GrantState extends GrantEntry {
	grantedBy: string;
	grantedAt: string;
	opId: string;
}

export interface DeviceState {
	id: string;
	name: string;
	signingKey: string;
	encryptionJwk: PublicJwk | null;
	encryptionFingerprint: string | null;
	addedBy: string | null;
	addedAt: string;
	removed: boolean;
	removedAt: string | null;
	removedBy: string | null;
	/** Replay position of its removal (see PersonState.keysSince). */
	removedIndex: number | null;
}

export interface PeopleKeyState extends PeopleKeyEntry {
	opId: string;
}

/** A key pair audit entries are sealed to (op-schema.ts, `audit-key`). */
export interface AuditKeyState extends KeyRef {
	publicJwk: PublicJwk;
	sealed: { nonce: string; ciphertext: string };
	opId: string;
}

/** An op this device does not apply, and why: kept, and listed for managers. */
export interface RefusedOp {
	id: string;
	kind: string;
	/** Who it claims to be from: a person's or device's id. */
	by: string;
	at: string;
	reason: string;
}

/** One symmetric key: an epoch and the id of the key made for it. */
export interface KeyRef {
	epoch: number;
	keyId: string;
}

/** An area key as the state knows it: when it first appeared in the replay. */
export interface AreaKeyState extends KeyRef {
	since: number;
}

export interface AuthorityState {
	officeId: string;
	rootKey: string;
	genesisId: string;
	persons: Map<string, PersonState>;
	/** What the office set a role to grant; roles not listed use the app's defaults. */
	roleAreas: Map<string, string[]>;
	/** By grantKey(area, epoch, keyId, personId). */
	grants: Map<string, GrantState>;
	/** Every key each area has had, by `epoch|keyId`: an index of `grants`. */
	areaKeys: Map<string, Map<string, AreaKeyState>>;
	devices: Map<string, DeviceState>;
	/** The office's first people key (from the genesis) and the wraps of later ones. */
	firstPeopleKey: KeyRef;
	peopleKeys: Map<string, PeopleKeyState>;
	/** By `epoch|keyId` of the audit-read key that seals each one's private half. */
	auditKeys: Map<string, AuditKeyState>;
	refused: RefusedOp[];
	/** Ops waiting for an op they name as a parent that has not arrived. */
	waiting: string[];
	/** Applied ops, in the order they were applied. */
	applied: string[];
	/** The applied ops no other applied op names as a parent: the next op's parents. */
	frontier: string[];
}

export function grantKey(area: string, epoch: number, keyId: string, personId: string): string {
	return `${area}|${epoch}|${keyId}|${personId}`;
}

export function peopleKeyKey(epoch: number, keyId: string, deviceId: string): string {
	return `${epoch}|${keyId}|${deviceId}`;
}

/** Whether a person may administer the office now. */
export function isAdmin(person: Pick<PersonState, 'active' | 'roles'> | undefined): boolean {
	return person !== undefined && person.active && person.roles.includes(ADMIN_ROLE);
}

/** Orders keys: higher epoch first, then the higher key id, so every device picks the same one. */
export function compareKeys(a: KeyRef, b: KeyRef): number {
	return a.epoch - b.epoch || (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0);
}

/** The newest key of an area that anyone was granted, or null when the area has none. */
export function newestAreaKey(state: AuthorityState, area: string): AreaKeyState | null {
	let newest: AreaKeyState | null = null;
	for (const key of state.areaKeys.get(area)?.values() ?? []) {
		if (!newest || compareKeys(key, newest) > 0) newest = key;
	}
	return newest;
}

/** Whether the area has had this key. */
export function hasAreaKey(state: AuthorityState, area: string, key: KeyRef): boolean {
	return state.areaKeys.get(area)?.has(`${key.epoch}|${key.keyId}`) ?? false;
}

/** The highest epoch of an area (0 when none). */
export function highestEpoch(state: AuthorityState, area: string): number {
	return newestAreaKey(state, area)?.epoch ?? 0;
}

/** The grants of one person. */
export function grantsOf(state: AuthorityState, personId: string): GrantState[] {
	return [...state.grants.values()].filter((grant) => grant.personId === personId);
}

/** The newest people key (the genesis one until a rotation). */
export function newestPeopleKey(state: AuthorityState): KeyRef {
	let newest = state.firstPeopleKey;
	for (const wrap of state.peopleKeys.values()) if (compareKeys(wrap, newest) > 0) newest = wrap;
	return { epoch: newest.epoch, keyId: newest.keyId };
}

/** The audit key pair entries are sealed to now: the one of the newest audit-read key. */
export function newestAuditKey(state: AuthorityState): AuditKeyState | null {
	const newest = newestAreaKey(state, AUDIT_READ_AREA);
	return newest ? (state.auditKeys.get(`${newest.epoch}|${newest.keyId}`) ?? null) : null;
}

/** Whether a device they signed in on was removed since they last got a new key pair. */
export function rekeyDue(state: AuthorityState, person: PersonState): boolean {
	return person.devices.some((deviceId) => {
		const device = state.devices.get(deviceId);
		return device?.removedIndex != null && device.removedIndex > person.keysSince;
	});
}
