import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE, DEMO_PEOPLE } from '$lib/app/office-setup';
import type { OfficeRecord } from '$lib/core/keys/vault';
import type { PersonState } from '$lib/core/authority/state';
import { demoPassphraseOf, preselected, rolesText, signInOrder } from './sign-in';

function person(id: string, name: string, roles: string[], active = true): PersonState {
	return { id, name, roles, active } as PersonState;
}

const ana = person('a', 'Ana Lee', ['manager']);
const ben = person('b', 'Ben Cho', ['front-desk']);
const cal = person('c', 'Cal Ortiz', ['provider', 'bookkeeper']);
const old = person('d', 'Dee Old', ['front-desk'], false);
const office: OfficeRecord = { officeId: 'o', ownerPersonId: 'a', createdAt: '', demo: true };

describe('sign-in order', () => {
	it('lists active people only, the last one first', () => {
		expect(signInOrder([ana, ben, cal, old], 'c').map((p) => p.id)).toEqual(['c', 'a', 'b']);
		expect(signInOrder([ana, ben, cal, old], null).map((p) => p.id)).toEqual(['a', 'b', 'c']);
		expect(signInOrder([ana, ben, old], 'd').map((p) => p.id)).toEqual(['a', 'b']);
	});

	it.each([
		['idle', 'b'],
		['manual', 'b'],
		['access-changed', 'b'],
		['switch', null],
		['signed-out', null],
		[null, null]
	] as const)('after a lock for %s goes straight to %s', (reason, expected) => {
		expect(preselected([ana, ben, cal], 'b', reason)).toBe(expected);
	});

	it('goes straight to the only person, and to nobody turned off since', () => {
		expect(preselected([ana], null, 'switch')).toBe('a');
		expect(preselected([ana, ben], 'd', 'idle')).toBeNull();
	});
});

describe('what the sign-in screen says', () => {
	it('names roles as a person reads them', () => {
		expect(rolesText(cal)).toBe('Provider, Bookkeeper');
		expect(rolesText(person('x', 'X', ['future-role']))).toBe('future-role');
	});

	it('shows demo passphrases only in the demo office, the manager’s and each role’s', () => {
		expect(demoPassphraseOf(office, ana)).toBe(DEMO_PASSPHRASE);
		const frontDesk = DEMO_PEOPLE.find((demo) => demo.role === 'front-desk')!.passphrase;
		expect(demoPassphraseOf(office, ben)).toBe(frontDesk);
		expect(demoPassphraseOf({ ...office, demo: false }, ana)).toBeNull();
		expect(demoPassphraseOf(office, person('x', 'X', ['future-role']))).toBeNull();
	});
});
