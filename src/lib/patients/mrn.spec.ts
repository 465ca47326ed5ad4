import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MAX_MRN_SEQUENCE,
	isValidMrn,
	luhnCheckDigit,
	mrnForSequence,
	mrnSequence,
	nextMrn,
	normalizeMrn
} from './mrn';

describe('luhnCheckDigit', () => {
	it.each([
		['7992739871', 3], // the textbook example
		['000001', 8],
		['030000', 4],
		['0', 0]
	])('%s → %i', (digits, check) => {
		expect(luhnCheckDigit(digits)).toBe(check);
	});

	it('refuses anything but digits', () => {
		expect(() => luhnCheckDigit('12a')).toThrow('Not a string of digits');
	});
});

describe('MRNs', () => {
	it.each([
		[1, 'P0000018'],
		[30_000, 'P0300004'],
		[MAX_MRN_SEQUENCE, 'P9999996']
	])('sequence %i → %s', (sequence, mrn) => {
		expect(mrnForSequence(sequence)).toBe(mrn);
		expect(mrnSequence(mrn)).toBe(sequence);
	});

	it.each([0, -1, 1.5, MAX_MRN_SEQUENCE + 1])('refuses sequence %d', (sequence) => {
		expect(() => mrnForSequence(sequence)).toThrow(RangeError);
	});

	it.each([
		['P0000018', true],
		['P0000017', false], // wrong check digit
		['P0000081', false], // two digits swapped
		['P0000000', false], // sequence 0 is never issued
		['p0000018', false], // stored uppercase; normalizeMrn first
		['P000018', false],
		['0000018', false],
		['', false]
	])('isValidMrn(%j) → %s', (mrn, valid) => {
		expect(isValidMrn(mrn)).toBe(valid);
	});

	it('catches every single mistyped digit', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: MAX_MRN_SEQUENCE }),
				fc.integer({ min: 1, max: 7 }),
				fc.integer({ min: 1, max: 9 }),
				(sequence, position, shift) => {
					const mrn = mrnForSequence(sequence);
					const typo = String((Number(mrn[position]) + shift) % 10);
					expect(isValidMrn(mrn.slice(0, position) + typo + mrn.slice(position + 1))).toBe(false);
				}
			)
		);
	});

	it('normalizes what a person types', () => {
		expect(normalizeMrn(' p000-0018 ')).toBe('P0000018');
	});

	it('continues after the highest valid MRN, ignoring malformed ones', () => {
		expect(nextMrn([])).toBe('P0000018');
		expect(nextMrn(['P0000018', mrnForSequence(41), 'P9999999', 'junk'])).toBe(mrnForSequence(42));
	});
});
