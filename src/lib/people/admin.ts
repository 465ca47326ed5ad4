/**
 * Managing who can sign in: adding a person, changing roles, turning a sign-in off or on,
 * changing what a role grants, and the key rotation a device's removal calls for. Each change
 * follows the same rule (roles.ts): an area someone gains gets its keys wrapped to them, an area
 * someone loses gets a new key epoch wrapped only to those who keep it. The caller re-encrypts
 * the rotated areas' stored documents (the app's rotation runner) — returned as `rotated`.
 */
import { ensureAreaKeys, grantAreas, rotateAreas } from '$lib/core/keys/access';
import { newPersonKeys, type UnlockedKeys } from '$lib/core/keys/vault';
import { passphraseProblem, PBKDF2_ITERATIONS } from '$lib/core/crypto/passphrase';
import type { AuditLog } from '$lib/core/audit/audit-log';
import type { PeopleDirectory } from '$lib/core/people/people-directory';
import type { PersonRecord } from '$lib/core/people/people-schema';
import { ulid } from 'ulid';
import {
	ALL_AREAS,
	areaChange,
	areasOfPerson,
	isManager,
	lastManagerProblem,
	MANAGER,
	rolesProblem,
	type RoleOverrides
} from './roles';

export interface PeopleContext {
	directory: PeopleDirectory;
	keys: UnlockedKeys;
	audit: AuditLog;
	now: () => Date;
	/** PBKDF2 iterations for new passphrases (tests use fewer). */
	iterations?: number;
}

/** A change that cannot be made; `field` names the form field to show it at, if any. */
export class PeopleChangeError extends Error {
	override name = 'PeopleChangeError';
	constructor(
		message: string,
		readonly field?: 'name' | 'roles' | 'passphrase'
	) {
		super(message);
	}
}

/** The office's role choices as a map for roles.ts. */
export function roleOverrides(directory: PeopleDirectory): RoleOverrides {
	return new Map(directory.roles().map((role) => [role.id, role.areas]));
}

/** The active people who should hold an area's key. */
export function keepersOf(directory: PeopleDirectory, area: string): PersonRecord[] {
	const overrides = roleOverrides(directory);
	return directory.persons().filter((p) => areasOfPerson(p, overrides).includes(area));
}

function requireManager(context: PeopleContext): void {
	const me = context.directory.person(context.keys.personId);
	if (!me || !isManager(me)) throw new PeopleChangeError('Only an office manager can do that.');
}

function personOf(context: PeopleContext, id: string): PersonRecord {
	const person = context.directory.person(id);
	if (!person) throw new PeopleChangeError('That person is not in the office.');
	return person;
}

/** Gives areas their first key (areas added by this version), wrapped to who should hold them. */
export function ensureOfficeAreaKeys(context: PeopleContext): Promise<string[]> {
	const { directory } = context;
	return ensureAreaKeys(
		directory,
		context.keys,
		[...ALL_AREAS],
		(area) => keepersOf(directory, area),
		context.now()
	);
}

export interface NewPerson {
	name: string;
	roles: string[];
	/** Typed by the new person themselves, on this device. */
	passphrase: string;
	staffId?: string | null;
}

/** Adds a person who can sign in, with keys to the areas of their roles. Returns their id. */
export async function addPerson(context: PeopleContext, input: NewPerson): Promise<string> {
	requireManager(context);
	const name = input.name.trim();
	if (!name) throw new PeopleChangeError('Enter the person’s name.', 'name');
	const problem = rolesProblem(input.roles);
	if (problem) throw new PeopleChangeError(problem, 'roles');
	const weak = passphraseProblem(input.passphrase);
	if (weak) throw new PeopleChangeError(weak, 'passphrase');
	const now = context.now();
	const person: PersonRecord = {
		id: ulid(),
		name,
		roles: [...input.roles],
		active: true,
		...(await newPersonKeys(input.passphrase, context.iterations ?? PBKDF2_ITERATIONS)),
		staffId: input.staffId ?? null,
		createdAt: now.toISOString(),
		createdBy: context.keys.personId
	};
	await context.directory.write((w) => w.putPerson(person));
	const areas = areasOfPerson(person, roleOverrides(context.directory));
	await grantAreas(context.directory, context.keys, person, areas, now);
	await context.audit.record({
		action: 'create',
		target: `person:${person.id}`,
		detail: 'Sign-in added'
	});
	return person.id;
}

/**
 * Applies a change to one person's roles or active state: wraps gained areas to them, rotates
 * lost ones. Refuses to leave the office without an active manager.
 */
async function changePerson(
	context: PeopleContext,
	id: string,
	fields: Pick<PersonRecord, 'roles' | 'active'> & { deactivatedAt?: string | null },
	audit: { action: string; detail: string }
): Promise<{ rotated: string[] }> {
	requireManager(context);
	const { directory } = context;
	const person = personOf(context, id);
	const changed = { ...person, ...fields };
	const problem = rolesProblem(changed.roles) ?? lastManagerProblem(directory.persons(), changed);
	if (problem) throw new PeopleChangeError(problem, 'roles');
	const overrides = roleOverrides(directory);
	const { removed, added } = areaChange(
		areasOfPerson(person, overrides),
		areasOfPerson(changed, overrides)
	);
	await directory.write((w) => w.patchPerson(id, fields));
	const now = context.now();
	if (added.length > 0) await grantAreas(directory, context.keys, changed, added, now);
	if (removed.length > 0)
		await rotateAreas(directory, context.keys, removed, (area) => keepersOf(directory, area), now);
	await context.audit.record({
		action: audit.action,
		target: `person:${id}`,
		detail: audit.detail
	});
	return { rotated: removed };
}

/** Changes a person's roles. */
export function changeRoles(context: PeopleContext, id: string, roles: string[]) {
	const person = personOf(context, id);
	return changePerson(
		context,
		id,
		{ roles: [...roles], active: person.active },
		{
			action: 'update',
			detail: `Roles set to ${roles.join(', ')}`
		}
	);
}

/** Turns a person's sign-in off: every area they held gets a new key they do not receive. */
export function deactivatePerson(context: PeopleContext, id: string) {
	const person = personOf(context, id);
	return changePerson(
		context,
		id,
		{ roles: person.roles, active: false, deactivatedAt: context.now().toISOString() },
		{ action: 'deactivate', detail: 'Sign-in turned off' }
	);
}

/** Turns a person's sign-in on again, with the current keys of their roles' areas. */
export function reactivatePerson(context: PeopleContext, id: string) {
	const person = personOf(context, id);
	return changePerson(
		context,
		id,
		{ roles: person.roles, active: true, deactivatedAt: null },
		{ action: 'reactivate', detail: 'Sign-in turned on' }
	);
}

/** Changes what a role grants for everyone holding it. */
export async function setRoleAreas(
	context: PeopleContext,
	roleId: string,
	areas: string[]
): Promise<{ rotated: string[] }> {
	requireManager(context);
	if (roleId === MANAGER) throw new PeopleChangeError('An office manager always holds every area.');
	const { directory } = context;
	const before = roleOverrides(directory);
	const after = new Map(before).set(roleId, [...areas]);
	const now = context.now();
	await directory.write((w) =>
		w.putRole({
			id: roleId,
			areas: [...areas],
			updatedAt: now.toISOString(),
			updatedBy: context.keys.personId
		})
	);
	const rotated = new Set<string>();
	for (const person of directory.persons()) {
		const { removed, added } = areaChange(
			areasOfPerson(person, before),
			areasOfPerson(person, after)
		);
		if (added.length > 0) await grantAreas(directory, context.keys, person, added, now);
		removed.forEach((area) => rotated.add(area));
	}
	if (rotated.size > 0)
		await rotateAreas(
			directory,
			context.keys,
			[...rotated],
			(area) => keepersOf(directory, area),
			now
		);
	await context.audit.record({
		action: 'update',
		target: `role:${roleId}`,
		detail: `Role grants ${areas.join(', ')}`
	});
	return { rotated: [...rotated] };
}

/** After a device is removed: every area gets a new key, wrapped to everyone who keeps it. */
export async function rotateAfterDeviceRemoval(
	context: PeopleContext,
	deviceId: string
): Promise<{ rotated: string[] }> {
	requireManager(context);
	const { directory } = context;
	const areas = ALL_AREAS.filter((area) => context.keys.keyring.has(area));
	await rotateAreas(
		directory,
		context.keys,
		areas,
		(area) => keepersOf(directory, area),
		context.now()
	);
	await context.audit.record({
		action: 'revoke',
		target: `device:${deviceId}`,
		detail: 'Device removed; keys rotated'
	});
	return { rotated: areas };
}

/** Sets how long a person's session may sit idle before it locks (null: the office's setting). */
export async function setIdleMinutes(
	context: PeopleContext,
	id: string,
	minutes: number | null
): Promise<void> {
	if (id !== context.keys.personId) requireManager(context);
	personOf(context, id);
	if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 240))
		throw new PeopleChangeError('Choose between 1 and 240 minutes.');
	await context.directory.write((w) => w.patchPerson(id, { idleMinutes: minutes }));
	await context.audit.record({
		action: 'update',
		target: `person:${id}`,
		detail: minutes === null ? 'Idle lock: office setting' : `Idle lock: ${minutes} min`
	});
}

/** Links a sign-in to a staff record (names in histories and the rota then show as theirs). */
export async function linkStaff(context: PeopleContext, id: string, staffId: string | null) {
	requireManager(context);
	personOf(context, id);
	const taken = context.directory.persons().find((p) => p.staffId === staffId && p.id !== id);
	if (staffId && taken)
		throw new PeopleChangeError(`That staff record is already ${taken.name}’s sign-in.`);
	await context.directory.write((w) => w.patchPerson(id, { staffId }));
	await context.audit.record({
		action: 'update',
		target: `person:${id}`,
		detail: 'Staff record linked'
	});
}
