import { describe, expect, it } from 'vitest';
import { validate } from '../core/validation/field-errors';
import { NURSE_ID, makeVitalsSet, testId } from './test-support/vitals';
import { markInErrorInputSchema } from './vitals-error-schema';
import { vitalsSetSchema } from './vitals-schema';

const MARK = { at: '2025-03-05T10:00:00.000Z', by: NURSE_ID, reason: 'Wrong patient' };

const errorsOf = (value: unknown) => {
	const result = validate(vitalsSetSchema, value);
	return result.ok ? {} : result.errors;
};

describe('a stored set entered in error', () => {
	it('still validates when stored before sets could be marked (no mark, no link)', () => {
		const { enteredInError: _mark, corrects: _corrects, ...old } = makeVitalsSet(1);
		expect(vitalsSetSchema.parse(old)).toEqual(old);
		expect(old).not.toHaveProperty('enteredInError');
	});

	it('keeps its mark and the links between a correction and the set it replaces', () => {
		const struck = makeVitalsSet(1, { enteredInError: { ...MARK, replacedBy: testId(2) } });
		const correction = makeVitalsSet(2, { corrects: testId(1) });
		expect(vitalsSetSchema.parse(struck)).toEqual(struck);
		expect(vitalsSetSchema.parse(correction)).toEqual(correction);
	});

	it.each([
		[
			{ ...MARK, at: 'yesterday' },
			'enteredInError.at',
			'The time the vitals were marked in error must be a UTC time.'
		],
		[
			{ ...MARK, by: 'nurse' },
			'enteredInError.by',
			'The ID of the person who marked the vitals in error is malformed.'
		],
		[
			{ ...MARK, reason: ' ' },
			'enteredInError.reason',
			'Say why these vitals were entered in error.'
		],
		[
			{ ...MARK, replacedBy: 'x' },
			'enteredInError.replacedBy',
			'The ID of the corrected vitals set is malformed.'
		]
	])('rejects the mark %j at %s: %s', (enteredInError, path, message) => {
		expect(errorsOf({ ...makeVitalsSet(1), enteredInError })).toEqual({ [path]: message });
	});

	it('rejects a malformed link to the corrected set', () => {
		expect(errorsOf({ ...makeVitalsSet(1), corrects: 'old' })).toEqual({
			corrects: 'The ID of the corrected vitals set is malformed.'
		});
	});
});

describe('mark in error input', () => {
	it.each([
		[{ reason: '  Typed in the wrong chart ' }, { reason: 'Typed in the wrong chart' }],
		[{ reason: 'x'.repeat(200) }, { reason: 'x'.repeat(200) }]
	])('accepts %j', (input, expected) => {
		expect(markInErrorInputSchema.parse(input)).toEqual(expected);
	});

	it.each([
		[{}, 'Say why these vitals were entered in error.'],
		[{ reason: '' }, 'Say why these vitals were entered in error.'],
		[{ reason: 'x'.repeat(201) }, 'The reason can be at most 200 characters.']
	])('refuses %j: %s', (input, message) => {
		const result = validate(markInErrorInputSchema, input);
		expect(result.ok ? {} : result.errors).toEqual({ reason: message });
	});
});
