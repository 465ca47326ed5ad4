/**
 * Managing who can sign in: adding a person, changing roles, turning a sign-in off or on,
 * changing what a role grants, removing a device, and each person's own settings. Every change is
 * a signed op (core/authority); the office's managers' devices then bring the keys in line with it
 * (reconcile: a gained area's keys wrapped to the person, a lost area given a new key wrapped only
 * to those who keep it). The rotated areas are returned so the caller re-encrypts their stored
 * documents (the app's rotation runner).
 */
import type { AuditLog } from '$lib/core/audit/audit-log';
import type { AuthorityLog } from '$lib/core/authority/authority-log';
import type { OpContent } from '$lib/core/authority/op-schema';
import { isAdmin, type AuthorityState, type PersonState } from '$lib/core/authority/state';
import { passphraseProblem, PBKDF2_ITERATIONS } from '$lib/core/crypto/passphrase';
import { reconcileKeys } from '$lib/core/keys/reconcile';
import { newPersonEntry, personSigner, type UnlockedKeys } from '$lib/core/keys/vault';
import type { OfficeDatabase } from '$lib/core/storage/db';
import { ulid } from 'ulid';
import {
	ALL_AREAS,
	areasOfPerson,
	lastManagerProblem,
	MANAGER,
	rolesProblem,
	type RoleOverrides
} from './roles';

export interface PeopleContext {
	db: OfficeDatabase;
	log: AuthorityLog;
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
export function roleOverrides(state: AuthorityState): RoleOverrides {
	return new Map(state.roleAreas);
}

/** The active people who should hold an area's key (with `pending` as it will be, if given). */
export function keepersOf(
	state: AuthorityState,
	area: string,
	pending?: PersonState
): PersonState[] {
	const overrides = roleOverrides(state);
	return [...state.persons.values()]
		.map((person) => (pending && person.id === pending.id ? pending : person))
		.filter((person) => areasOfPerson(person, overrides).includes(area));
}

/**
 * Brings the office's keys in line with its people and roles (see core/keys/reconcile.ts);
 * with `pending`, as they will be once that person is changed so (a manager stepping down).
 */
export async function reconcile(
	context: PeopleContext,
	pending?: PersonState
): Promise<{ rotated: string[] }> {
	const keepers = (state: AuthorityState, area: string) => keepersOf(state, area, pending);
	const { rotated } = await reconcileKeys({
		db: context.db,
		log: context.log,
		keys: context.keys,
		areas: ALL_AREAS,
		keepers,
		now: context.now
	});
	return { rotated };
}

function state(context: PeopleContext): AuthorityState {
	return context.log.require();
}

function requireManager(context: PeopleContext): void {
	if (!isAdmin(state(context).persons.get(context.keys.personId))) {
		throw new PeopleChangeError('Only an office manager can do that.');
	}
}

function personOf(context: PeopleContext, id: string): PersonState {
	const person = state(context).persons.get(id);
	if (!person) throw new PeopleChangeError('That person is not in the office.');
	return person;
}

/** Signs and stores ops as the signed-in person. */
async function sign(context: PeopleContext, contents: OpContent[]): Promise<void> {
	await context.log.append(contents, personSigner(context.keys), context.now());
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
	const { officeId, rootKey } = state(context);
	const person = await newPersonEntry(
		{ officeId, rootKey, personId: ulid() },
		{ name, roles: input.roles, staffId: input.staffId ?? null },
		input.passphrase,
		context.iterations ?? PBKDF2_ITERATIONS
	);
	await sign(context, [{ kind: 'person-add', person }]);
	await reconcile(context);
	await context.audit.record({
		action: 'create',
		target: `person:${person.id}`,
		detail: 'Sign-in added'
	});
	return person.id;
}

/** Changes a person's roles or active state; refuses to leave the office without a manager. */
async function changePerson(
	context: PeopleContext,
	id: string,
	change: { roles: string[] } | { active: boolean },
	audit: { action: string; detail: string }
): Promise<{ rotated: string[] }> {
	requireManager(context);
	const person = personOf(context, id);
	const changed = { ...person, ...change };
	const problem =
		rolesProblem(changed.roles) ??
		lastManagerProblem([...state(context).persons.values()], changed);
	if (problem) throw new PeopleChangeError(problem, 'roles');
	// A manager who steps down can give no key out afterwards: they do it first, as if already
	// changed, so nobody is left holding what they lose.
	const leaving = id === context.keys.personId && isAdmin(person) && !isAdmin(changed);
	const before = leaving ? await reconcile(context, changed) : { rotated: [] };
	await sign(context, [
		'roles' in change
			? { kind: 'person-roles', personId: id, roles: [...change.roles] }
			: { kind: 'person-active', personId: id, active: change.active }
	]);
	const result = await reconcile(context);
	await context.audit.record({
		action: audit.action,
		target: `person:${id}`,
		detail: audit.detail
	});
	return { rotated: [...new Set([...before.rotated, ...result.rotated])] };
}

/** Changes a person's roles. */
export function changeRoles(context: PeopleContext, id: string, roles: string[]) {
	return changePerson(
		context,
		id,
		{ roles: [...roles] },
		{ action: 'update', detail: `Roles set to ${roles.join(', ')}` }
	);
}

/** Turns a person's sign-in off: every area they held gets a new key they do not receive. */
export function deactivatePerson(context: PeopleContext, id: string) {
	return changePerson(
		context,
		id,
		{ active: false },
		{ action: 'deactivate', detail: 'Sign-in turned off' }
	);
}

/** Turns a person's sign-in on again, with the current keys of their roles' areas. */
export function reactivatePerson(context: PeopleContext, id: string) {
	return changePerson(
		context,
		id,
		{ active: true },
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
	await sign(context, [{ kind: 'role-areas', roleId, areas: [...areas] }]);
	const result = await reconcile(context);
	await context.audit.record({
		action: 'update',
		target: `role:${roleId}`,
		detail: `Role grants ${areas.join(', ')}`
	});
	return result;
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
	await sign(context, [{ kind: 'person-idle', personId: id, minutes }]);
	await context.audit.record({
		action: 'update',
		target: `person:${id}`,
		detail: minutes === null ? 'Idle lock: office setting' : `Idle lock: ${minutes} min`
	});
}

/** Links a sign-in to a staff record (names in histories and the rota then show as theirs). */
export async function linkStaff(context: PeopleContext, id: string, staffId: string | null) {
	requireManager(context);
	const person = personOf(context, id);
	const taken = [...state(context).persons.values()].find(
		(p) => p.staffId === staffId && p.id !== id
	);
	if (staffId && taken)
		throw new PeopleChangeError(`That staff record is already ${taken.name}’s sign-in.`);
	await sign(context, [{ kind: 'person-profile', personId: id, name: person.name, staffId }]);
	await context.audit.record({
		action: 'update',
		target: `person:${id}`,
		detail: 'Staff record linked'
	});
}
