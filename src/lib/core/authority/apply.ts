/**
 * Applying an authorised op to the office's state (resolve.ts replays them in one order), with
 * the checks that need the state built so far. Who may sign what was decided before, from each
 * op's own causal past (membership.ts); here an op can still be refused for what it names: a
 * person or device that does not exist, a key wrapped to a public key its recipient never had,
 * or a new key epoch more than one above the highest so far — so nobody can make every later
 * rotation overflow. `applyOp` returns null when it applied the op, else why not.
 */
import type { CheckedOp } from './op-codec';
import type { DeviceEntry, OpBody, OpBodyOf, PersonEntry, PublicJwk } from './op-schema';
import {
	ADMIN_ROLE,
	AUDIT_READ_AREA,
	grantKey,
	hasAreaKey,
	highestEpoch,
	isAdmin,
	peopleKeyKey,
	type AreaKeyState,
	type AuthorityState,
	type DeviceState,
	type PersonState
} from './state';

/** Fingerprints of the public keys the ops name, computed before the replay (fingerprint-key). */
export type Fingerprints = ReadonlyMap<string, string>;

/** The lookup key of a public key in Fingerprints. */
export const jwkKey = (jwk: PublicJwk) => `${jwk.x}.${jwk.y}`;

interface Context {
	state: AuthorityState;
	op: CheckedOp;
	/** This op's place in the replay. */
	index: number;
	fingerprints: Fingerprints;
	/** Whether its signer was a manager, as its causal past showed the office. */
	admin: boolean;
}

type Rule<K extends OpBody['kind']> = (context: Context, body: OpBodyOf<K>) => string | null;

/** Applies one op to the state, or says why it is refused. */
export function applyOp(
	state: AuthorityState,
	op: CheckedOp,
	index: number,
	fingerprints: Fingerprints,
	admin: boolean
): string | null {
	const rule = RULES[op.body.kind] as Rule<typeof op.body.kind>;
	return rule({ state, op, index, fingerprints, admin }, op.body as never);
}

const fp = (context: Context, jwk: PublicJwk) => context.fingerprints.get(jwkKey(jwk))!;

function target(context: Context, personId: string): PersonState | string {
	return context.state.persons.get(personId) ?? 'Names someone who is not in the office.';
}

const LAST_ADMIN = 'It would leave the office without an active office manager.';

/** Whether the office still has an active manager with `changed` as given (races included). */
function keepsAnAdmin(
	state: AuthorityState,
	changed: Pick<PersonState, 'id' | 'roles' | 'active'>
) {
	for (const person of state.persons.values()) {
		if (isAdmin(person.id === changed.id ? changed : person)) return true;
	}
	return false;
}

function newPerson(context: Context, entry: PersonEntry, by: string | null): PersonState {
	const { index } = context;
	const admin = entry.roles.includes(ADMIN_ROLE);
	return {
		id: entry.id,
		name: entry.name,
		roles: [...entry.roles],
		active: true,
		signingKey: entry.signingKey,
		adminProof: entry.adminProof ?? null,
		publicJwk: entry.publicJwk,
		fingerprint: fp(context, entry.publicJwk),
		pastFingerprints: [],
		pastSigningKeys: [],
		wrap: entry.wrap,
		recovery: entry.recovery,
		staffId: entry.staffId,
		idleMinutes: entry.idleMinutes,
		createdAt: context.op.body.at,
		createdBy: by,
		deactivatedAt: null,
		devices: [],
		keysSince: index,
		rekeyedAt: null,
		adminSince: admin ? index : null
	};
}

function setRoles(person: PersonState, roles: string[], index: number): void {
	const was = person.roles.includes(ADMIN_ROLE);
	const is = roles.includes(ADMIN_ROLE);
	person.roles = [...roles];
	if (!was && is) person.adminSince = index;
	if (!is) person.adminSince = null;
}

function addGrants(context: Context, grants: OpBodyOf<'grant'>['grants'], grantedBy: string): void {
	const { state, op } = context;
	for (const grant of grants) {
		const key = grantKey(grant.area, grant.epoch, grant.keyId, grant.personId);
		state.grants.set(key, { ...grant, grantedBy, grantedAt: op.body.at, opId: op.id });
		let keys = state.areaKeys.get(grant.area);
		if (!keys) state.areaKeys.set(grant.area, (keys = new Map<string, AreaKeyState>()));
		const id = `${grant.epoch}|${grant.keyId}`;
		if (!keys.has(id))
			keys.set(id, { epoch: grant.epoch, keyId: grant.keyId, since: context.index });
	}
}

/** The person who signed (authorised already), for the records an op leaves. */
function signerId(body: OpBody): string {
	return 'person' in body.by ? body.by.person : body.by.device;
}

const RULES: { [K in OpBody['kind']]: Rule<K> } = {
	genesis(context, body) {
		const { state, op, index } = context;
		if (op.id !== state.genesisId || index !== 0) return 'Starts another office than this one.';
		if (body.key !== state.rootKey || body.person.signingKey !== state.rootKey) {
			return 'Not signed with the office’s root key.';
		}
		if (!('person' in body.by) || body.by.person !== body.person.id) {
			return 'Not signed by the person it names.';
		}
		if (!body.person.roles.includes(ADMIN_ROLE)) return 'Names no office manager.';
		state.firstPeopleKey = { epoch: body.peopleKey.epoch, keyId: body.peopleKey.keyId };
		for (const entry of [body.person, ...(body.migrated?.persons ?? [])]) {
			if (!state.persons.has(entry.id))
				state.persons.set(entry.id, newPerson(context, entry, null));
		}
		for (const role of body.migrated?.roles ?? []) state.roleAreas.set(role.roleId, role.areas);
		for (const device of [body.device, ...(body.migrated?.devices ?? [])]) {
			if (!state.devices.has(device.id))
				state.devices.set(device.id, newDevice(context, device, body.person.id));
		}
		addGrants(context, body.migrated?.grants ?? [], body.person.id);
		return null;
	},

	'person-add'(context, body) {
		if (context.state.persons.has(body.person.id)) return 'That person is already in the office.';
		if (!body.person.signingKey) return 'A new person needs a signing key.';
		context.state.persons.set(body.person.id, newPerson(context, body.person, signerId(body)));
		return null;
	},

	'person-roles'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		if (!keepsAnAdmin(context.state, { ...person, roles: body.roles })) return LAST_ADMIN;
		setRoles(person, body.roles, context.index);
		return null;
	},

	'person-active'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		if (!keepsAnAdmin(context.state, { ...person, active: body.active })) return LAST_ADMIN;
		person.active = body.active;
		person.deactivatedAt = body.active ? null : body.at;
		if (body.active && person.roles.includes(ADMIN_ROLE)) person.adminSince = context.index;
		if (!body.active) person.adminSince = null;
		return null;
	},

	'person-profile'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		person.name = body.name;
		person.staffId = body.staffId;
		return null;
	},

	'person-idle'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		person.idleMinutes = body.minutes;
		return null;
	},

	'person-wrap'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		person.wrap = body.wrap;
		return null;
	},

	'person-rekey'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		if (person.signingKey) person.pastSigningKeys.push(person.signingKey);
		person.pastFingerprints.push(person.fingerprint);
		person.signingKey = body.signingKey;
		person.adminProof = body.adminProof ?? null;
		person.publicJwk = body.publicJwk;
		person.fingerprint = fp(context, body.publicJwk);
		person.wrap = body.wrap;
		person.recovery = body.recovery;
		person.keysSince = context.index;
		person.rekeyedAt = context.index;
		return null;
	},

	'person-enrol'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		if (person.signingKey !== null) return `${person.name} already has a signing key.`;
		person.signingKey = body.signingKey;
		person.adminProof = body.adminProof ?? null;
		person.wrap = body.wrap;
		person.recovery = body.recovery;
		return null;
	},

	'person-device'(context, body) {
		const person = target(context, body.personId);
		if (typeof person === 'string') return person;
		if (!context.state.devices.has(body.deviceId)) return 'Names a device not in the office.';
		if (!person.devices.includes(body.deviceId)) person.devices.push(body.deviceId);
		return null;
	},

	'role-areas'(context, body) {
		if (body.roleId === ADMIN_ROLE) return 'An office manager always holds every area.';
		context.state.roleAreas.set(body.roleId, [...body.areas]);
		return null;
	},

	grant(context, body) {
		const { state, admin } = context;
		const by = signerId(body);
		const highest = new Map<string, number>();
		for (const grant of body.grants) {
			const person = state.persons.get(grant.personId);
			if (!person) return 'Grants a key to someone who is not in the office.';
			if (person.fingerprint !== grant.to && !person.pastFingerprints.includes(grant.to)) {
				return `Wraps a key to a key ${person.name} never had.`;
			}
			if (!admin) {
				// A person may only re-wrap, to themselves, a key they were given.
				const theirs = state.grants.get(
					grantKey(grant.area, grant.epoch, grant.keyId, grant.personId)
				);
				if (grant.personId !== by || !theirs) return 'Only an office manager can give keys.';
				continue;
			}
			if (hasAreaKey(state, grant.area, grant)) continue;
			const top = highest.get(grant.area) ?? highestEpoch(state, grant.area);
			if (grant.epoch > top + 1) return `Skips ahead to key ${grant.epoch} of ${grant.area}.`;
			highest.set(grant.area, Math.max(top, grant.epoch));
		}
		addGrants(context, body.grants, by);
		return null;
	},

	'device-add'(context, body) {
		if (context.state.devices.has(body.device.id)) return 'That device id is taken.';
		context.state.devices.set(body.device.id, newDevice(context, body.device, signerId(body)));
		return null;
	},

	'device-remove'(context, body) {
		const device = context.state.devices.get(body.deviceId);
		if (!device) return 'Names a device not in the office.';
		if (device.removed) return null;
		device.removed = true;
		device.removedAt = body.at;
		device.removedBy = signerId(body);
		device.removedIndex = context.index;
		return null;
	},

	'device-key'(context, body) {
		const device = context.state.devices.get(body.deviceId);
		if (!device) return 'Names a device not in the office.';
		if (device.removed) return 'The device was removed.';
		if (device.encryptionJwk) return 'The device has a key already.';
		device.encryptionJwk = body.encryptionJwk;
		device.encryptionFingerprint = fp(context, body.encryptionJwk);
		return null;
	},

	'people-key'(context, body) {
		const { state } = context;
		const known = (epoch: number, keyId: string) =>
			(epoch === state.firstPeopleKey.epoch && keyId === state.firstPeopleKey.keyId) ||
			[...state.peopleKeys.values()].some((w) => w.epoch === epoch && w.keyId === keyId);
		let highest = Math.max(
			state.firstPeopleKey.epoch,
			...[...state.peopleKeys.values()].map((wrap) => wrap.epoch)
		);
		for (const wrap of body.wraps) {
			const device = state.devices.get(wrap.deviceId);
			if (!device || device.removed) return 'Wraps a people key to a device not in the office.';
			if (device.encryptionFingerprint !== wrap.to)
				return 'Wraps to a key the device does not have.';
			if (known(wrap.epoch, wrap.keyId)) continue;
			if (wrap.epoch > highest + 1) return `Skips ahead to people key ${wrap.epoch}.`;
			highest = Math.max(highest, wrap.epoch);
		}
		for (const wrap of body.wraps) {
			state.peopleKeys.set(peopleKeyKey(wrap.epoch, wrap.keyId, wrap.deviceId), {
				...wrap,
				opId: context.op.id
			});
		}
		return null;
	},

	'audit-key'(context, body) {
		const { state } = context;
		if (!hasAreaKey(state, AUDIT_READ_AREA, body)) {
			return 'Sealed under an audit key the office does not have.';
		}
		const id = `${body.epoch}|${body.keyId}`;
		if (state.auditKeys.has(id)) return 'That audit key was made already.';
		state.auditKeys.set(id, {
			epoch: body.epoch,
			keyId: body.keyId,
			publicJwk: body.publicJwk,
			sealed: body.sealed,
			opId: context.op.id
		});
		return null;
	}
};

function newDevice(
	context: Context,
	device: DeviceEntry,
	addedBy: string | null = null
): DeviceState {
	return {
		...device,
		encryptionFingerprint: device.encryptionJwk && fp(context, device.encryptionJwk),
		addedBy,
		addedAt: context.op.body.at,
		removed: false,
		removedAt: null,
		removedBy: null,
		removedIndex: null
	};
}
