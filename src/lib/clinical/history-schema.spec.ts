import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '../core/validation/field-errors';
import {
	allergyInputSchema,
	familyHistoryInputSchema,
	historyItemSchema,
	medicationInputSchema,
	noKnownAllergiesSchema,
	problemInputSchema,
	socialHistoryInputSchema,
	surgeryInputSchema
} from './history-schema';
import { recorded } from './test-support/history';

/** Field messages for `value`, or {} when it parses. */
function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
	const result = schema.safeParse(value);
	return result.success ? {} : fieldErrors(result);
}

const problem = { name: 'Type 2 diabetes', icd10: 'E11.9', onset: '2019', status: 'active' };
const medication = {
	name: 'Metformin',
	dose: '500 mg',
	route: 'oral',
	frequency: 'Twice a day',
	start: '2019-06-01',
	stop: '',
	status: 'active'
};
const allergy = {
	substance: 'Penicillin',
	category: 'drug',
	reactions: ['hives'],
	severity: 'moderate'
};
const family = { relative: 'mother', condition: 'Breast cancer', ageAtOnset: 52 };
const social = { smoking: 'former', alcohol: 'weekly', drinksPerWeek: 4 };

describe('history items as entered', () => {
	it('fills in defaults so a problem needs only its name', () => {
		expect(problemInputSchema.parse({ name: ' Hypertension ' })).toEqual({
			name: 'Hypertension',
			icd10: '',
			onset: '',
			status: 'active',
			resolved: '',
			notes: ''
		});
	});

	it.each([
		['e119', 'E11.9'],
		[' i10 ', 'I10'],
		['S72001A', 'S72.001A'],
		['', '']
	])('normalizes ICD-10 %j to %j', (typed, code) => {
		expect(problemInputSchema.parse({ ...problem, icd10: typed }).icd10).toBe(code);
	});

	it('defaults a medication to by mouth and taking, and keeps reactions in list order', () => {
		expect(medicationInputSchema.parse({ name: 'Lisinopril' })).toMatchObject({
			route: 'oral',
			status: 'active',
			start: ''
		});
		const picked = allergyInputSchema.parse({
			...allergy,
			reactions: ['wheezing', 'hives', 'hives']
		});
		expect(picked.reactions).toEqual(['hives', 'wheezing']);
	});

	it.each([
		[problemInputSchema, problem, 'name', '', 'name', 'Enter the problem or diagnosis.'],
		[problemInputSchema, problem, 'icd10', '250.00', 'icd10', 'Enter an ICD-10 code like E11.9.'],
		[
			problemInputSchema,
			problem,
			'onset',
			'06/2019',
			'onset',
			'Enter the onset date as YYYY-MM-DD, YYYY-MM or just the year.'
		],
		[problemInputSchema, problem, 'status', 'chronic', 'status', 'Choose active or resolved.'],
		[problemInputSchema, problem, 'resolved', '2020', 'resolved', 'Mark the problem resolved.'],
		[medicationInputSchema, medication, 'name', ' ', 'name', 'Enter the medication.'],
		[medicationInputSchema, medication, 'route', 'by mouth', 'route', 'Choose how it is taken.'],
		[
			medicationInputSchema,
			medication,
			'start',
			'06/01/2019',
			'start',
			'Enter the start date as YYYY-MM-DD.'
		],
		[
			medicationInputSchema,
			medication,
			'start',
			'2019-02-30',
			'start',
			'That start date is not on the calendar.'
		],
		[
			medicationInputSchema,
			medication,
			'stop',
			'2019-05-31',
			'stop',
			'The stop date cannot be before the start date.'
		],
		[medicationInputSchema, medication, 'status', 'paused', 'status', 'Choose a status.'],
		[
			allergyInputSchema,
			allergy,
			'substance',
			'',
			'substance',
			'Enter what the patient is allergic to.'
		],
		[
			allergyInputSchema,
			allergy,
			'category',
			'medicine',
			'category',
			'Choose what kind of allergy this is.'
		],
		[
			allergyInputSchema,
			allergy,
			'reactions',
			['sneezing'],
			'reactions.0',
			'Choose reactions from the list.'
		],
		[allergyInputSchema, allergy, 'severity', 'bad', 'severity', 'Choose a severity.'],
		[
			allergyInputSchema,
			allergy,
			'reactions',
			['anaphylaxis'],
			'severity',
			'Anaphylaxis is severe or life-threatening — check the severity.'
		],
		[
			surgeryInputSchema,
			{ procedure: 'Appendectomy' },
			'performed',
			'1999-13',
			'performed',
			'Enter the date as YYYY-MM-DD, YYYY-MM or just the year.'
		],
		[
			surgeryInputSchema,
			{ procedure: 'Appendectomy' },
			'procedure',
			'',
			'procedure',
			'Enter the operation or procedure.'
		],
		[familyHistoryInputSchema, family, 'relative', 'aunt', 'relative', 'Choose the relative.'],
		[familyHistoryInputSchema, family, 'condition', '', 'condition', 'Enter the condition.'],
		[
			familyHistoryInputSchema,
			family,
			'ageAtOnset',
			52.5,
			'ageAtOnset',
			'Enter the age in whole years.'
		],
		[
			familyHistoryInputSchema,
			family,
			'ageAtOnset',
			130,
			'ageAtOnset',
			'Enter an age from 0 to 120.'
		],
		[
			socialHistoryInputSchema,
			social,
			'smoking',
			'sometimes',
			'smoking',
			'Choose a smoking status.'
		],
		[
			socialHistoryInputSchema,
			social,
			'alcohol',
			'none',
			'drinksPerWeek',
			'Drinks per week must be 0 when the patient does not drink.'
		],
		[
			socialHistoryInputSchema,
			social,
			'drinksPerWeek',
			-1,
			'drinksPerWeek',
			'Drinks per week cannot be negative.'
		]
	])('%#: %s = %j → %s: %s', (schema, valid, field, value, path, message) => {
		expect(errorsOf(schema, valid)).toEqual({});
		expect(errorsOf(schema, { ...valid, [field]: value })).toEqual({ [path]: message });
	});

	it.each([
		['2015', '2019', true],
		['2019-03', '2019', false],
		['2019-06-01', '2019-06-02', true],
		['2019-06-02', '2019-06-01', false]
	])('a problem resolved %s with onset %s is refused: %s', (resolved, onset, refused) => {
		const value = { ...problem, status: 'resolved', onset, resolved };
		expect(errorsOf(problemInputSchema, value)).toEqual(
			refused ? { resolved: 'The resolved date cannot be before the onset.' } : {}
		);
	});

	it('asks for smoking or alcohol in a social history', () => {
		expect(errorsOf(socialHistoryInputSchema, {})).toEqual({
			'': 'Choose a smoking status or alcohol use.'
		});
		expect(errorsOf(socialHistoryInputSchema, { smoking: 'never' })).toEqual({});
	});
});

describe('stored history items', () => {
	it.each([
		['problem', problem],
		['medication', medication],
		['allergy', allergy],
		['no-known-allergies', {}],
		['surgery', { procedure: 'Appendectomy', performed: '1999' }],
		['family', family],
		['social', social]
	])('keeps a %s with who recorded it, about whom, when', (kind, fields) => {
		const item = { kind, ...recorded(1), ...fields };
		expect(historyItemSchema.parse(item)).toMatchObject(item);
	});

	it('runs the entry checks on stored items too', () => {
		const item = { kind: 'medication', ...recorded(2), ...medication, stop: '2019-01-01' };
		expect(errorsOf(historyItemSchema, item)).toEqual({
			stop: 'The stop date cannot be before the start date.'
		});
	});

	it.each([
		['id', 'x', 'This record has a malformed ID.'],
		['patientId', '', 'The patient ID is malformed.'],
		['recordedAt', '2025-03-04', 'The recorded time must be a UTC time like 2025-03-01T14:30:00Z.'],
		['recordedBy', undefined, 'The ID of the person who recorded this is malformed.']
	])('refuses a stored item whose %s is %j', (field, value, message) => {
		const item = { kind: 'no-known-allergies', ...recorded(3), [field]: value };
		expect(errorsOf(noKnownAllergiesSchema, item)).toEqual({ [field]: message });
	});

	it('refuses an unknown kind', () => {
		expect(historyItemSchema.safeParse({ kind: 'vaccine', ...recorded(4) }).success).toBe(false);
	});
});

describe('the life of a stored item', () => {
	it('reads an item stored before edits and strike-outs existed as never edited, standing', () => {
		const item = { kind: 'no-known-allergies', ...recorded(5) };

		expect(historyItemSchema.parse(item)).toMatchObject({
			updatedAt: null,
			updatedBy: null,
			enteredInError: null,
			superseded: null
		});
	});

	it('refuses a strike-out without a valid time', () => {
		const enteredInError = { at: 'yesterday', by: recorded(6).recordedBy, reason: '' };
		const item = { kind: 'surgery', ...recorded(6), procedure: 'Appendectomy', enteredInError };

		expect(errorsOf(historyItemSchema, item)).toEqual({
			'enteredInError.at': 'The time must be a UTC time like 2025-03-01T14:30:00Z.'
		});
	});
});
