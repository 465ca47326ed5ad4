import { describe, expect, it } from 'vitest';
import {
	US_MILITARY_STATES,
	US_STATES_AND_DC,
	US_TERRITORIES,
	isValidEmail,
	isValidZip
} from './address';

describe('states', () => {
	it('has 50 states plus DC, five territories and three military codes, none twice', () => {
		const all = [...US_STATES_AND_DC, ...US_TERRITORIES, ...US_MILITARY_STATES];
		expect(US_STATES_AND_DC).toHaveLength(51);
		expect(new Set(all).size).toBe(51 + 5 + 3);
		expect(US_STATES_AND_DC).toEqual(expect.arrayContaining(['NY', 'DC', 'WY']));
		expect(US_STATES_AND_DC).not.toContain('PR');
	});
});

describe('isValidZip', () => {
	it.each([
		['12345', true],
		['12345-6789', true],
		['1234', false],
		['123456', false],
		['12345-678', false],
		['123456789', false],
		['ABCDE', false]
	])('%j → %s', (zip, valid) => {
		expect(isValidZip(zip)).toBe(valid);
	});
});

describe('isValidEmail', () => {
	it.each([
		['dr.lee@clinic.example', true],
		['maria.garcia+clinic@mail.example.org', true],
		['a+b@mail.co.uk', true],
		['no-at-sign.example', false],
		['two@@example.com', false],
		['space in@example.com', false],
		['nodot@example', false],
		['@example.com', false],
		[`${'a'.repeat(250)}@x.co`, false],
		['', false]
	])('%j → %s', (email, valid) => {
		expect(isValidEmail(email)).toBe(valid);
	});
});
