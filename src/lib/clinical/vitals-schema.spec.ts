import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../core/validation/field-errors';
import {
	NURSE_ID,
	PATIENT_ID,
	makeImperialForm,
	makeMetricForm,
	makeVitalsSet
} from './test-support/vitals';
import { kgToPoundsOunces, toDisplay } from './units';
import { makeVitalsInputSchema, vitalsSetSchema } from './vitals-schema';

const errorsOf = (value: unknown) => {
	const result = validate(vitalsSetSchema, value);
	return result.ok ? {} : result.errors;
};

const inputErrors = (value: unknown, context = {}) => {
	const result = validate(makeVitalsInputSchema(context), value);
	return result.ok ? {} : result.errors;
};

describe('stored vitals set', () => {
	it('accepts a set as the projection holds it, unchanged', () => {
		const set = makeVitalsSet(1);
		expect(vitalsSetSchema.parse(set)).toEqual(set);
	});

	it('rounds away floating noise and defaults notes', () => {
		const set = makeVitalsSet(1, {
			values: { temperature: 37.77777777777778, weight: 68.0388555 }
		});
		const { notes: _notes, ...withoutNotes } = set;
		expect(vitalsSetSchema.parse(withoutNotes)).toEqual({
			...set,
			values: { temperature: 37.78, weight: 68.04 },
			notes: ''
		});
	});

	it('does not judge age, so a later date-of-birth fix never quarantines a set', () => {
		const set = makeVitalsSet(1, { values: { headCircumference: 56 } });
		expect(vitalsSetSchema.safeParse(set).success).toBe(true);
	});

	it.each([
		['id', 'not-a-ulid', 'id', 'This record has a malformed ID.'],
		['patientId', '', 'patientId', 'The patient ID is malformed.'],
		['takenBy', 'nurse', 'takenBy', 'The ID of the person who took the vitals is malformed.'],
		['takenAt', '2025-03-04 15:30', 'takenAt', 'Enter when the vitals were taken.'],
		['takenAt', '2025-02-30T15:30:00Z', 'takenAt', 'Enter when the vitals were taken.'],
		['unitSystem', 'si', 'unitSystem', 'Choose metric or imperial units.'],
		['values', {}, 'values', 'Enter at least one vital sign.'],
		[
			'values',
			{ pulse: 400 },
			'values.pulse',
			'Pulse must be between 20 and 300 beats per minute.'
		],
		['values', { pulse: '72' }, 'values.pulse', 'A reading must be a number.'],
		['values', { systolic: 120 }, 'values.diastolic', 'Enter the diastolic pressure as well.'],
		['notes', 'x'.repeat(501), 'notes', 'Notes can be at most 500 characters.']
	])('rejects %s = %j at %s: %s', (field, value, path, message) => {
		expect(errorsOf({ ...makeVitalsSet(1), [field]: value })).toEqual({ [path]: message });
	});
});

describe('vitals form in metric units', () => {
	it('parses to canonical values, leaving out empty boxes', () => {
		const parsed = makeVitalsInputSchema().parse(makeMetricForm({ notes: ' after a walk ' }));
		const { id: _id, patientId: _p, takenBy: _t, ...expected } = makeVitalsSet(1);
		expect(parsed).toEqual({ ...expected, notes: 'after a walk' });
		expect(PATIENT_ID).not.toBe(NURSE_ID);
	});

	it('rounds what is typed to the stored precision', () => {
		const form = makeMetricForm({ temperature: 36.849, weight: 3.4567, height: 50.25 });
		expect(makeVitalsInputSchema().parse(form).values).toMatchObject({
			temperature: 36.85,
			weight: 3.46,
			height: 50.3
		});
	});
});

describe('vitals form in imperial units', () => {
	it('converts °F, feet and inches, pounds and ounces', () => {
		expect(makeVitalsInputSchema().parse(makeImperialForm()).values).toMatchObject({
			temperature: 37,
			height: 172.7,
			weight: 68.27,
			pulse: 72
		});
	});

	it.each([
		[{ ft: 5, in: null }, 152.4],
		[{ ft: null, in: 20 }, 50.8],
		[{ ft: 0, in: 19.5 }, 49.5]
	])('reads height %j as %d cm', (height, cm) => {
		const values = makeVitalsInputSchema().parse(makeImperialForm({ height })).values;
		expect(values.height).toBe(cm);
	});

	it('leaves height out when both boxes are empty', () => {
		const form = makeImperialForm({ height: { ft: null, in: null }, weight: null });
		const values = makeVitalsInputSchema().parse(form).values;
		expect(values).not.toHaveProperty('height');
		expect(values).not.toHaveProperty('weight');
	});

	it('shows a typed temperature and weight back exactly as typed', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 950, max: 1060 }),
				fc.integer({ min: 1, max: 300 }),
				fc.integer({ min: 0, max: 15 }),
				(tenths, lb, oz) => {
					const form = makeImperialForm({ temperature: tenths / 10, weight: { lb, oz } });
					const values = makeVitalsInputSchema().parse(form).values;
					expect(toDisplay('temperature', values.temperature ?? 0, 'imperial')).toBe(tenths / 10);
					expect(kgToPoundsOunces(values.weight ?? 0)).toEqual({ lb, oz });
				}
			)
		);
	});
});

describe('vitals form messages', () => {
	it.each([
		[
			makeImperialForm({ temperature: 120 }),
			'temperature',
			'Temperature must be between 77 and 113 °F.'
		],
		[
			makeMetricForm({ temperature: 98.6 }),
			'temperature',
			'Temperature must be between 25 and 45 °C.'
		],
		[makeImperialForm({ height: { ft: 5, in: 12 } }), 'height.in', 'Inches must be less than 12.'],
		[makeImperialForm({ height: { ft: 5.5, in: 0 } }), 'height.ft', 'Feet must be a whole number.'],
		[makeImperialForm({ weight: { lb: -1, oz: 0 } }), 'weight.lb', 'Pounds cannot be negative.'],
		[makeImperialForm({ weight: { lb: 7, oz: 16 } }), 'weight.oz', 'Ounces must be less than 16.'],
		[
			makeImperialForm({ weight: { lb: 900, oz: 0 } }),
			'weight',
			'Weight must be between 0.7 and 881.8 lb.'
		],
		[
			makeMetricForm({ pulse: 'fast' as unknown as number }),
			'pulse',
			'Enter the pulse as a number.'
		],
		[makeMetricForm({ pulse: 72.5 }), 'pulse', 'Pulse must be a whole number.'],
		[
			makeMetricForm({ systolic: 80, diastolic: 90 }),
			'diastolic',
			'Diastolic must be lower than systolic.'
		],
		[makeMetricForm({ diastolic: null }), 'diastolic', 'Enter the diastolic pressure as well.'],
		[makeMetricForm({ pain: 11 }), 'pain', 'Pain score must be a whole number from 0 to 10.'],
		[makeMetricForm({ takenAt: 'yesterday' }), 'takenAt', 'Enter when the vitals were taken.'],
		[{ ...makeMetricForm(), unitSystem: 'si' }, 'unitSystem', 'Choose metric or imperial units.']
	])('%j → %s: %s', (form, path, message) => {
		expect(inputErrors(form)).toEqual({ [path]: message });
	});

	it('asks for at least one vital when every box is empty', () => {
		const empty = { unitSystem: 'metric', takenAt: '2025-03-04T15:30:00Z' };
		expect(inputErrors(empty)).toEqual({ '': 'Enter at least one vital sign.' });
	});
});

describe('vitals form checked against the clock', () => {
	// The test forms are taken on 2025-03-04 at 15:30 UTC.
	const at = (iso: string) => ({ now: () => new Date(iso) });

	it.each([
		['2025-03-04T16:00:00Z', {}, {}],
		[
			'2025-03-04T15:28:59Z',
			{},
			{ takenAt: 'The time taken is in the future: check the date and time.' }
		],
		[
			'2025-04-04T16:00:00Z',
			{},
			{ notes: 'Vitals taken more than 30 days ago need a note saying why they are entered late.' }
		],
		['2025-04-04T16:00:00Z', { notes: 'Copied from the paper chart' }, {}],
		[
			'2026-03-05T16:00:00Z',
			{ notes: 'Copied from the paper chart' },
			{ takenAt: 'Vitals taken more than a year ago cannot be entered: check the year.' }
		]
	])('entered at %s with %j: %j', (now, extra, expected) => {
		expect(inputErrors(makeMetricForm(extra), at(now))).toEqual(expected);
	});

	it('does not judge the time when no clock is given (stored sets never are)', () => {
		expect(inputErrors(makeMetricForm({ takenAt: '2020-01-01T00:00:00Z' }))).toEqual({});
	});
});

describe('vitals form for a given patient', () => {
	const headOnly = (birthDate: string) =>
		inputErrors(
			{ unitSystem: 'metric', takenAt: '2025-03-04T15:30:00Z', headCircumference: 46 },
			{ birthDate }
		);

	it('takes head circumference for a baby and refuses it for a five-year-old', () => {
		expect(headOnly('2024-06-01')).toEqual({});
		expect(headOnly('2020-01-01')).toEqual({
			headCircumference: 'Head circumference is recorded only for children under 3.'
		});
	});

	it('refuses vitals taken before the date of birth', () => {
		expect(headOnly('2025-03-05')).toEqual({
			takenAt: 'The vitals cannot be taken before the date of birth.'
		});
	});

	it('counts the birthday in the office time zone', () => {
		const evening = { ...makeMetricForm(), takenAt: '2025-03-05T03:30:00Z', headCircumference: 48 };
		const context = { birthDate: '2022-03-05', timeZone: 'America/Chicago' };
		expect(inputErrors(evening, context)).toEqual({});
		expect(inputErrors(evening, { birthDate: '2022-03-05' })).toEqual({
			headCircumference: 'Head circumference is recorded only for children under 3.'
		});
	});
});
