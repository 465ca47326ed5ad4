/**
 * What the sign-in screen says and in which order it offers people. The screen is shared by
 * everyone at the front desk, so it lists active people only, the one who signed in last first,
 * and comes straight back to that person after a lock they did not choose to hand over (idle,
 * manual, access changed); after "Switch person" or signing out it asks who is signing in.
 */
import type { LockReason } from '$lib/app/session.svelte';
import { DEMO_PASSPHRASE, DEMO_PEOPLE } from '$lib/app/office-setup';
import type { OfficeRecord } from '$lib/core/keys/vault';
import type { PersonState } from '$lib/core/authority/state';
import { roleDefinition } from '$lib/people/roles';

const REASONS: Record<Exclude<LockReason, null>, string> = {
	idle: 'Locked because nobody used this device for a while. Your work was saved.',
	'signed-out': 'You signed out.',
	manual: 'Locked. Your work was saved.',
	switch: 'Choose who is signing in.',
	'access-changed': 'Your sign-in was changed by the office manager. Sign in again.'
};

/** Why the office was locked, in words for the person at the screen; '' when it just opened. */
export function lockReasonMessage(reason: LockReason): string {
	return reason ? REASONS[reason] : '';
}

/** The people who may sign in, the last one first, the rest by name. */
export function signInOrder(people: readonly PersonState[], lastId: string | null): PersonState[] {
	const active = people.filter((person) => person.active);
	const last = active.find((person) => person.id === lastId);
	return last ? [last, ...active.filter((person) => person !== last)] : active;
}

/** Whom to go straight to: the only person, or the last one after a lock they did not choose. */
export function preselected(
	people: readonly PersonState[],
	lastId: string | null,
	reason: LockReason
): string | null {
	if (people.length === 1) return people[0].id;
	const resumes = reason === 'idle' || reason === 'manual' || reason === 'access-changed';
	return resumes && people.some((person) => person.id === lastId) ? lastId : null;
}

/** A person's roles as a person reads them: "Front desk", "Provider, Bookkeeper". */
export function rolesText(person: Pick<PersonState, 'roles'>): string {
	return person.roles.map((role) => roleDefinition(role)?.label ?? role).join(', ');
}

/** In the demo office, the person's (public) demo passphrase, so every role can be tried. */
export function demoPassphraseOf(
	office: OfficeRecord | null,
	person: Pick<PersonState, 'id' | 'roles'>
): string | null {
	if (!office?.demo) return null;
	if (person.id === office.ownerPersonId) return DEMO_PASSPHRASE;
	return DEMO_PEOPLE.find((demo) => person.roles.includes(demo.role))?.passphrase ?? null;
}
