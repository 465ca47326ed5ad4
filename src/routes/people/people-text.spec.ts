import { describe, expect, it } from 'vitest';
import {
	roleLabels,
	roleLossText,
	rolesChangeText,
	staffWithoutSignIn,
	turnOffText
} from './people-text';

const noOverrides = new Map<string, string[]>();

describe('what the People screen says', () => {
	it('lists role labels, not ids', () => {
		expect(roleLabels(['front-desk', 'provider'])).toBe('Front desk, Provider');
		expect(roleLabels([])).toBe('No role');
	});

	it('says which areas a role change gives and takes, and warns only when one is taken', () => {
		const nurse = { roles: ['clinical'], active: true };

		const toDesk = rolesChangeText(nurse, ['front-desk'], noOverrides);
		const plusBooks = rolesChangeText(nurse, ['clinical', 'bookkeeper'], noOverrides);

		expect(toDesk.gains).toEqual(['Bills, statements and claims']);
		expect(toDesk.loses).toEqual([
			'Charts: vitals, histories, documents',
			'Supplies, equipment and safety'
		]);
		expect(toDesk.warning).toMatch(/^Losing areas makes new keys/);
		expect(plusBooks.loses).toEqual([]);
		expect(plusBooks.warning).toBe('');
	});

	it('follows what the office changed a role to grant', () => {
		const desk = { roles: ['front-desk'], active: true };
		const overrides = new Map([['provider', ['patients', 'schedule', 'finance']]]);

		expect(rolesChangeText(desk, ['provider'], overrides).gains).toEqual([
			'Accounts, bank and payroll'
		]);
	});

	it('names the person in the turn-off warning', () => {
		expect(turnOffText('Robin Lee')).toBe(
			'Robin Lee will be signed out everywhere once devices sync; everything written from now on uses new keys they do not get.'
		);
	});

	it('says nothing about a role edit that takes nothing away', () => {
		expect(roleLossText('Front desk', [])).toBe('');
		expect(roleLossText('Front desk', ['billing'])).toMatch(
			/^Front desk will no longer open: Bills, statements and claims\./
		);
	});

	it('offers only active staff members nobody signs in as yet', () => {
		const staff = [
			{ id: 's1', active: true },
			{ id: 's2', active: true },
			{ id: 's3', active: false }
		];

		expect(staffWithoutSignIn(staff, [{ staffId: 's1' }, { staffId: null }])).toEqual([
			{ id: 's2', active: true }
		]);
	});
});
