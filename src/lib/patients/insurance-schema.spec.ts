import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '$lib/core/validation/field-errors';
import { localIsoDate } from './dates';
import { insurancePolicyInputSchema, insurancePolicySchema } from './insurance-schema';
import { makePolicy, makePolicyForm, testId } from './test-support/records';

function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
	const result = schema.safeParse(value);
	return result.success ? {} : fieldErrors(result);
}

const tomorrow = localIsoDate(new Date(Date.now() + 24 * 3600 * 1000));
const spouse = {
	relationship: 'spouse',
	givenName: 'Luis',
	familyName: 'García',
	dateOfBirth: '1982-11-02'
} as const;

describe('insurance policy form', () => {
	it('normalizes identifiers to capitals and fills optional fields', () => {
		const parsed = insurancePolicyInputSchema.parse(
			makePolicyForm({ memberId: ' xof123456789 ', payerId: 'bcbsil', groupNumber: 'grp-100' })
		);
		expect(parsed).toEqual({
			...makePolicy(1, testId(1), { payerId: 'BCBSIL', groupNumber: 'GRP-100' }),
			id: undefined,
			patientId: undefined,
			active: undefined,
			mergedFrom: undefined
		});
	});

	it('accepts a subscriber who is someone else, and an end date equal to the effective date', () => {
		const form = makePolicyForm({
			subscriber: spouse,
			effectiveDate: '2026-01-01',
			endDate: '2026-01-01'
		});
		expect(errorsOf(insurancePolicyInputSchema, form)).toEqual({});
	});

	it.each([
		['order', 'fourth', 'Choose primary, secondary or tertiary.'],
		['payerName', ' ', 'Enter the insurance company (payer).'],
		['planName', '', 'Enter the plan name as printed on the card.'],
		['payerId', '6', 'A payer ID is 2 to 10 letters or digits, e.g. 60054.'],
		['payerId', 'BC-BS', 'A payer ID is 2 to 10 letters or digits, e.g. 60054.'],
		['memberId', '', 'Enter the member ID from the card.'],
		['memberId', undefined, 'Enter the member ID from the card.'],
		['memberId', 'XOF 1234 5678', 'Enter the member ID without spaces.'],
		['memberId', 'XOF#12345', 'A member ID has only letters, digits and hyphens — remove the “#”.'],
		['memberId', 'XOF.12345', 'A member ID has only letters, digits and hyphens — remove the “.”.'],
		['memberId', 'W/123', 'A member ID has only letters, digits and hyphens — remove the “/”.'],
		['memberId', 'X', 'A member ID is 2 to 30 characters long.'],
		['memberId', 'X'.repeat(31), 'A member ID is 2 to 30 characters long.'],
		[
			'groupNumber',
			'GRP 100',
			'A group number has only letters, digits and hyphens, without spaces.'
		],
		['groupNumber', '1'.repeat(31), 'A group number can be at most 30 characters.'],
		['effectiveDate', '01/01/2026', 'Enter the effective date as YYYY-MM-DD.'],
		['endDate', '2026-02-30', 'The end date is not on the calendar.'],
		['cardFrontDocumentId', 'photo.jpg', 'This record has a malformed ID.'],
		[
			'subscriber',
			{ relationship: 'cousin' },
			'Choose the patient’s relationship to the subscriber.'
		],
		['subscriber', undefined, 'Choose the patient’s relationship to the subscriber.']
	])('%s = %j → %j', (field, value, message) => {
		const errors = errorsOf(insurancePolicyInputSchema, makePolicyForm({ [field]: value }));
		expect(Object.values(errors)).toEqual([message]);
		expect(Object.keys(errors)[0]).toMatch(new RegExp(`^${field}`));
	});

	it.each([
		[{ ...spouse, givenName: '' }, 'subscriber.givenName', 'Enter the subscriber’s first name.'],
		[
			{ ...spouse, dateOfBirth: '' },
			'subscriber.dateOfBirth',
			'Enter the subscriber’s date of birth.'
		],
		[
			{ ...spouse, dateOfBirth: tomorrow },
			'subscriber.dateOfBirth',
			'The subscriber’s date of birth cannot be in the future.'
		]
	])('subscriber %j → %s: %s', (subscriber, path, message) => {
		expect(errorsOf(insurancePolicyInputSchema, makePolicyForm({ subscriber }))).toEqual({
			[path]: message
		});
	});

	it('says so when the end date is before the effective date', () => {
		const form = makePolicyForm({ effectiveDate: '2026-01-01', endDate: '2025-12-31' });
		expect(errorsOf(insurancePolicyInputSchema, form)).toEqual({
			endDate: 'The end date cannot be before the effective date.'
		});
	});
});

describe('stored insurance policy', () => {
	it('round-trips a full record', () => {
		const policy = makePolicy(1, testId(1), {
			subscriber: {
				relationship: 'child',
				givenName: 'Ana',
				familyName: 'Ruiz',
				dateOfBirth: '1950-05-05'
			},
			cardFrontDocumentId: testId(90),
			effectiveDate: '2025-01-01',
			endDate: '2025-12-31'
		});
		expect(insurancePolicySchema.parse(policy)).toEqual(policy);
	});

	it('still checks the date order and keeps a future subscriber birth date', () => {
		const ahead = { ...spouse, dateOfBirth: tomorrow };
		expect(
			errorsOf(insurancePolicySchema, makePolicy(1, testId(1), { subscriber: ahead }))
		).toEqual({});
		const backwards = makePolicy(1, testId(1), {
			effectiveDate: '2026-02-01',
			endDate: '2026-01-01'
		});
		expect(errorsOf(insurancePolicySchema, backwards)).toEqual({
			endDate: 'The end date cannot be before the effective date.'
		});
	});

	it('reads a policy written before merges recorded where a policy came from', () => {
		const { mergedFrom: _none, ...older } = makePolicy(1, testId(1));
		expect(insurancePolicySchema.parse(older).mergedFrom).toBe('');
		const moved = makePolicy(2, testId(1), { mergedFrom: testId(2) });
		expect(insurancePolicySchema.parse(moved)).toEqual(moved);
	});

	it('requires the patient it belongs to', () => {
		expect(errorsOf(insurancePolicySchema, makePolicy(1, ''))).toEqual({
			patientId: 'This record has a malformed ID.'
		});
	});
});
