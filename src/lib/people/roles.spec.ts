import { describe, expect, it } from 'vitest';
import {
	ALL_AREAS,
	ALWAYS_GRANTED,
	areaChange,
	areasOfPerson,
	areasOfRole,
	isManager,
	lastManagerProblem,
	ROLES,
	rolesProblem
} from './roles';

const none = new Map<string, string[]>();

describe('what roles grant', () => {
	it('gives a manager every area, whatever the office chose', () => {
		expect(areasOfRole('manager', new Map([['manager', ['patients']]]))).toEqual([...ALL_AREAS]);
	});

	it('keeps the front desk out of charts, accounts and personnel by default', () => {
		const desk = areasOfRole('front-desk', none);
		expect(desk).toEqual(['directory', 'patients', 'schedule', 'billing', 'audit']);
		for (const closed of ['clinical', 'finance', 'hr']) expect(desk).not.toContain(closed);
	});

	it('keeps the bookkeeper out of patients and charts, and gives finance', () => {
		const books = areasOfRole('bookkeeper', none);
		expect(books).toContain('finance');
		expect(books).not.toContain('patients');
		expect(books).not.toContain('clinical');
	});

	it('always grants the directory and the audit log, even when the office chose none', () => {
		expect(areasOfRole('provider', new Map([['provider', []]]))).toEqual([...ALWAYS_GRANTED]);
	});

	it('follows the office’s choice for a role, in the order areas are listed', () => {
		const overrides = new Map([['clinical', ['schedule', 'clinical']]]);
		expect(areasOfRole('clinical', overrides)).toEqual([
			'directory',
			'clinical',
			'schedule',
			'audit'
		]);
	});

	it('grants nothing for a role this version does not know, beyond the always-granted', () => {
		expect(areasOfRole('janitor', none)).toEqual([...ALWAYS_GRANTED]);
	});

	it('unites a person’s roles and grants nothing once their sign-in is off', () => {
		const person = { roles: ['front-desk', 'bookkeeper'], active: true };
		expect(areasOfPerson(person, none)).toEqual([
			'directory',
			'patients',
			'schedule',
			'billing',
			'finance',
			'audit'
		]);
		expect(areasOfPerson({ ...person, active: false }, none)).toEqual([]);
	});

	it('every role has a label and a description a manager can read', () => {
		for (const role of ROLES) {
			expect(role.label.length).toBeGreaterThan(3);
			expect(role.description.length).toBeGreaterThan(10);
		}
	});
});

describe('changes of access', () => {
	it('names the areas taken away and the areas given', () => {
		expect(areaChange(['patients', 'clinical', 'audit'], ['patients', 'billing', 'audit'])).toEqual(
			{
				removed: ['clinical'],
				added: ['billing']
			}
		);
	});

	it('refuses no roles and unknown roles', () => {
		expect(rolesProblem([])).toBe('Choose at least one role.');
		expect(rolesProblem(['front-desk', 'janitor'])).toContain('janitor');
		expect(rolesProblem(['front-desk'])).toBeNull();
	});

	it('refuses a change that leaves the office without an active manager', () => {
		const people = [
			{ id: 'a', roles: ['manager'], active: true },
			{ id: 'b', roles: ['front-desk'], active: true }
		];
		expect(lastManagerProblem(people, { id: 'a', roles: ['front-desk'], active: true })).toContain(
			'at least one active office manager'
		);
		expect(
			lastManagerProblem(people, { id: 'a', roles: ['manager'], active: false })
		).not.toBeNull();
		expect(lastManagerProblem(people, { id: 'b', roles: ['manager'], active: true })).toBeNull();
		expect(isManager({ roles: ['manager'], active: false })).toBe(false);
	});
});
