import { describe, expect, it } from 'vitest';
import {
	allergyStatus,
	isCurrent,
	isIcd10,
	normalizeIcd10,
	partialDateBefore
} from './history-rules';
import type { AllergyStatus } from './history-rules';
import { historyItemSchema } from './history-schema';
import type { HistoryItem } from './history-schema';
import { recorded, storedItems } from './test-support/history';
import { testId } from './test-support/vitals';

describe('ICD-10 codes', () => {
	it.each([
		['I10', true],
		['E11.9', true],
		['S72.001A', true],
		['U07.1', true],
		['Z79.4', true],
		['E11.', false],
		['E119', false], // valid once normalized, not as typed
		['250.00', false], // ICD-9
		['11.9', false],
		['E11.90000', false]
	])('isIcd10(%j) → %s', (code, valid) => {
		expect(isIcd10(code)).toBe(valid);
	});

	it.each([
		['e11.9', 'E11.9'],
		['E119', 'E11.9'],
		['s72001a', 'S72.001A'],
		['I10', 'I10'],
		[' z794 ', 'Z79.4']
	])('normalizeIcd10(%j) → %j', (typed, code) => {
		expect(normalizeIcd10(typed)).toBe(code);
	});
});

describe('partialDateBefore', () => {
	it.each([
		['2018', '2019', true],
		['2019', '2019-06', false],
		['2019-05', '2019-06-01', true],
		['2019-06-01', '2019-06', false],
		['', '2019', false],
		['2019', '', false]
	])('%j before %j: %s', (a, b, before) => {
		expect(partialDateBefore(a, b)).toBe(before);
	});
});

describe('allergyStatus', () => {
	const noneKnown = historyItemSchema.parse({ kind: 'no-known-allergies', ...recorded(1) });
	const penicillin = historyItemSchema.parse({
		kind: 'allergy',
		...recorded(2),
		substance: 'Penicillin',
		category: 'drug'
	});
	const surgery = historyItemSchema.parse({
		kind: 'surgery',
		...recorded(3),
		procedure: 'Tonsillectomy'
	});

	it.each<[string, HistoryItem[], AllergyStatus]>([
		['nothing recorded', [surgery], 'not-recorded'],
		['an explicit no known allergies', [noneKnown, surgery], 'no-known-allergies'],
		['an allergy', [penicillin], 'has-allergies'],
		['both', [noneKnown, penicillin], 'conflicting']
	])('with %s is %s', (_what, items, status) => {
		expect(allergyStatus(items)).toBe(status);
	});
});

describe('isCurrent', () => {
	const struck = { at: '2025-03-05T09:00:00Z', by: testId(901), reason: '' };
	it.each<[string, HistoryItem, boolean]>([
		['an active problem', storedItems.problem(1), true],
		['a resolved problem', storedItems.problem(2, { status: 'resolved' }), false],
		['a struck-out problem', storedItems.problem(3, { enteredInError: struck }), false],
		['an allergy', storedItems.allergy(4), true],
		[
			'a replaced NKA',
			storedItems.noKnownAllergies(5, { superseded: { ...struck, itemId: testId(4) } }),
			false
		]
	])('%s → %s', (_label, item, current) => {
		expect(isCurrent(item)).toBe(current);
	});
});
