/**
 * Who may sign what, as its signer saw the office: an op is authorised by the membership its own
 * causal past gives (the ops its signer had seen), not by whatever was replayed before it. So an
 * op made offline by a manager counts as a manager's op even if, in the common order, a
 * concurrent change came first — the "removal wins" rule (resolve.ts) decides such races
 * explicitly instead of leaving them to the order of two ids.
 *
 * Membership is the small part of the state authorisation needs: people's roles, whether they are
 * active and their signing keys, and devices' keys. It is copied on write, so each op's view can
 * be kept cheaply.
 */
import type { OpBody } from './op-schema';
import { ADMIN_ROLE } from './state';

export interface Member {
	name: string;
	roles: readonly string[];
	active: boolean;
	signingKey: string | null;
	publicJwkKey: string;
}

export interface MemberDevice {
	signingKey: string;
	removed: boolean;
	hasEncryptionKey: boolean;
}

export interface Membership {
	persons: ReadonlyMap<string, Member>;
	devices: ReadonlyMap<string, MemberDevice>;
}

export const EMPTY_MEMBERSHIP: Membership = { persons: new Map(), devices: new Map() };

/** What authorising an op found: refused with a reason, or allowed (and whether as a manager). */
export type Authorisation = { ok: true; admin: boolean } | { ok: false; reason: string };

const refuse = (reason: string): Authorisation => ({ ok: false, reason });

function isAdminMember(member: Member | undefined): boolean {
	return member !== undefined && member.active && member.roles.includes(ADMIN_ROLE);
}

function keepsAnAdmin(view: Membership, personId: string, changed: Partial<Member>): boolean {
	for (const [id, member] of view.persons) {
		if (isAdminMember(id === personId ? { ...member, ...changed } : member)) return true;
	}
	return false;
}

/** Whether `op`'s signer could make it, as its causal past (`view`) shows the office. */
export function authorise(view: Membership, body: OpBody, isGenesis: boolean): Authorisation {
	if (body.kind === 'genesis')
		return isGenesis ? { ok: true, admin: true } : refuse('Starts another office than this one.');
	if (body.kind === 'device-key') {
		const device = view.devices.get(body.deviceId);
		if (!('device' in body.by) || body.by.device !== body.deviceId || !device) {
			return refuse('A device may publish only its own key.');
		}
		if (device.signingKey !== body.key) return refuse('Not signed with the device’s key.');
		return { ok: true, admin: false };
	}
	if (!('person' in body.by)) return refuse('Signed by a device, which cannot make this change.');
	const signer = view.persons.get(body.by.person);
	if (!signer) return refuse('Signed by someone who was not in the office.');
	if (body.kind === 'person-enrol') {
		if (body.personId !== body.by.person) return refuse('Enrols a key for someone else.');
		if (signer.signingKey !== null) return refuse(`${signer.name} already has a signing key.`);
		if (signer.publicJwkKey !== `${body.publicJwk.x}.${body.publicJwk.y}`) {
			return refuse('Vouched for by another key.');
		}
		return { ok: true, admin: false };
	}
	if (signer.signingKey !== body.key)
		return refuse(`Not signed with ${signer.name}’s key at the time.`);
	const admin = isAdminMember(signer);
	const self = 'personId' in body && body.personId === body.by.person;
	switch (body.kind) {
		case 'person-wrap':
		case 'person-rekey':
		case 'person-device':
			return self
				? { ok: true, admin }
				: refuse(`${signer.name} may change only their own sign-in.`);
		case 'person-idle':
			return self || admin
				? { ok: true, admin }
				: refuse(`${signer.name} is not an office manager.`);
		case 'grant':
			// Whether a non-manager's grant is only their own re-wrap is checked on replay (apply.ts).
			return { ok: true, admin };
		case 'person-roles':
		case 'person-active': {
			if (!admin) return refuse(`${signer.name} was not an office manager.`);
			const changed =
				body.kind === 'person-roles' ? { roles: body.roles } : { active: body.active };
			if (view.persons.has(body.personId) && !keepsAnAdmin(view, body.personId, changed)) {
				return refuse('It would leave the office without an active office manager.');
			}
			return { ok: true, admin };
		}
		default:
			return admin ? { ok: true, admin } : refuse(`${signer.name} was not an office manager.`);
	}
}

/** The membership after an authorised op. */
export function withOp(view: Membership, body: OpBody): Membership {
	switch (body.kind) {
		case 'genesis': {
			const persons = new Map(view.persons);
			for (const entry of [body.person, ...(body.migrated?.persons ?? [])]) {
				if (!persons.has(entry.id)) persons.set(entry.id, memberOf(entry));
			}
			const devices = new Map(view.devices);
			for (const device of [body.device, ...(body.migrated?.devices ?? [])]) {
				if (!devices.has(device.id)) devices.set(device.id, deviceOf(device));
			}
			return { persons, devices };
		}
		case 'person-add':
			if (view.persons.has(body.person.id)) return view;
			return withPerson(view, body.person.id, memberOf(body.person));
		case 'person-roles':
			return patchPerson(view, body.personId, { roles: body.roles });
		case 'person-active':
			return patchPerson(view, body.personId, { active: body.active });
		case 'person-profile':
			return patchPerson(view, body.personId, { name: body.name });
		case 'person-rekey':
			return patchPerson(view, body.personId, {
				signingKey: body.signingKey,
				publicJwkKey: `${body.publicJwk.x}.${body.publicJwk.y}`
			});
		case 'person-enrol':
			return patchPerson(view, body.personId, { signingKey: body.signingKey });
		case 'device-add':
			if (view.devices.has(body.device.id)) return view;
			return withDevice(view, body.device.id, deviceOf(body.device));
		case 'device-remove': {
			const device = view.devices.get(body.deviceId);
			return device ? withDevice(view, body.deviceId, { ...device, removed: true }) : view;
		}
		case 'device-key': {
			const device = view.devices.get(body.deviceId);
			return device ? withDevice(view, body.deviceId, { ...device, hasEncryptionKey: true }) : view;
		}
		default:
			return view;
	}
}

function memberOf(entry: {
	name: string;
	roles: string[];
	signingKey: string | null;
	publicJwk: { x: string; y: string };
}): Member {
	return {
		name: entry.name,
		roles: [...entry.roles],
		active: true,
		signingKey: entry.signingKey,
		publicJwkKey: `${entry.publicJwk.x}.${entry.publicJwk.y}`
	};
}

function deviceOf(entry: { signingKey: string; encryptionJwk: unknown }): MemberDevice {
	return {
		signingKey: entry.signingKey,
		removed: false,
		hasEncryptionKey: entry.encryptionJwk !== null
	};
}

function withPerson(view: Membership, id: string, member: Member): Membership {
	return { ...view, persons: new Map(view.persons).set(id, member) };
}

function patchPerson(view: Membership, id: string, patch: Partial<Member>): Membership {
	const member = view.persons.get(id);
	return member ? withPerson(view, id, { ...member, ...patch }) : view;
}

function withDevice(view: Membership, id: string, device: MemberDevice): Membership {
	return { ...view, devices: new Map(view.devices).set(id, device) };
}
