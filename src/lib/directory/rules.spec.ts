import { describe, expect, it } from 'vitest';
import {
	US_STATES,
	compareByName,
	isValidTimeZone,
	listTimeZones,
	normalizeTaxId,
	npiCheckDigitValid,
	taxIdProblem
} from './rules';

describe('npiCheckDigitValid', () => {
	it.each([
		['1234567893', true],
		['1245319599', true],
		['1000000004', true],
		['2000000002', true],
		['1987654328', true],
		['1234567890', false], // wrong check digit
		['1245319598', false], // wrong check digit
		['1245319959', false], // two digits swapped
		['123456789', false], // 9 digits
		['12345678930', false], // 11 digits
		['12345678A3', false], // letter
		[' 1234567893', false], // not trimmed here; the schema trims
		['', false]
	])('%j → %s', (npi, valid) => {
		expect(npiCheckDigitValid(npi)).toBe(valid);
	});
});

describe('EIN', () => {
	it.each([
		['12-3456789', '12-3456789'],
		['123456789', '12-3456789'],
		['  98-7654321 ', '98-7654321'],
		['12-345678', null],
		['1234567890', null],
		['123-456789', null],
		['AB-CDEFGHI', null],
		['', null]
	])('normalizeTaxId(%j) → %j', (input, expected) => {
		expect(normalizeTaxId(input)).toBe(expected);
	});

	it.each(['00', '07', '08', '09', '17', '18', '19', '28', '29', '49', '69', '70', '78', '79'])(
		'rejects campus prefix %s',
		(prefix) => {
			expect(taxIdProblem(`${prefix}-1234567`)).toBe(
				`No EIN starts with ${prefix} — check for a typo.`
			);
		}
	);

	it.each([
		['12-3456789', null],
		['951234567', null],
		['96-1234567', 'No EIN starts with 96 — check for a typo.'],
		['1234', 'Enter the tax ID (EIN) as 9 digits, e.g. 12-3456789.']
	])('taxIdProblem(%j) → %j', (input, expected) => {
		expect(taxIdProblem(input)).toBe(expected);
	});
});

describe('time zones', () => {
	it.each([
		['America/New_York', true],
		['America/Chicago', true],
		['Pacific/Honolulu', true],
		['UTC', true],
		['Mars/Olympus_Mons', false],
		['+01:00', false],
		['', false]
	])('isValidTimeZone(%j) → %s', (tz, valid) => {
		expect(isValidTimeZone(tz)).toBe(valid);
	});

	it('lists the US zones and UTC, sorted', () => {
		const zones = listTimeZones();
		expect(zones).toEqual(expect.arrayContaining(['America/Denver', 'America/Phoenix', 'UTC']));
		expect([...zones].sort()).toEqual(zones);
		expect(zones.every(isValidTimeZone)).toBe(true);
	});
});

describe('places', () => {
	it('has 50 states plus DC and PR, once each', () => {
		expect(US_STATES).toHaveLength(52);
		expect(new Set(US_STATES).size).toBe(52);
		expect(US_STATES).toEqual(expect.arrayContaining(['NY', 'DC', 'PR', 'WY']));
	});
});

describe('sort', () => {
	it('sorts by family then given name, ignoring case and accents, numbers numerically', () => {
		const people = [
			{ familyName: 'Öztürk', givenName: 'Ada' },
			{ familyName: 'adams', givenName: 'Zoe' },
			{ familyName: 'Adams', givenName: 'Bea' },
			{ familyName: 'Room 10', givenName: 'X' },
			{ familyName: 'Room 9', givenName: 'X' }
		];
		expect(people.sort(compareByName).map((p) => `${p.familyName} ${p.givenName}`)).toEqual([
			'Adams Bea',
			'adams Zoe',
			'Öztürk Ada',
			'Room 9 X',
			'Room 10 X'
		]);
	});
});
