import { describe, expect, it } from 'vitest';
import { ageOn } from '$lib/clinical/age';
import { chartVitals } from '$lib/clinical/queries';
import { makeVitalsSet } from '$lib/clinical/test-support/vitals';
import {
	blankVitalsForm,
	correctionInput,
	localTakenAt,
	takenAtInstant,
	vitalText,
	vitalsFormOf,
	vitalsInput
} from './vitals-form';

const CHICAGO = 'America/Chicago';
const baby = ageOn('2025-02-20', '2025-03-04');
const adult = ageOn('1980-03-04', '2025-03-04');

describe('time taken', () => {
	it.each([
		['2025-03-04T09:30', CHICAGO, '2025-03-04T15:30:00.000Z'],
		['2025-07-04T09:30', CHICAGO, '2025-07-04T14:30:00.000Z'],
		['2025-03-04T09:30', 'UTC', '2025-03-04T09:30:00.000Z'],
		['', CHICAGO, undefined],
		['  ', CHICAGO, undefined],
		['yesterday', CHICAGO, 'yesterday'],
		['2025-02-30T09:30', CHICAGO, '2025-02-30T09:30']
	])('reads %j in %s as %j', (local, zone, instant) => {
		expect(takenAtInstant(local, zone)).toBe(instant);
	});

	it('shows an instant in the office time zone, as a datetime-local box takes it', () => {
		expect(localTakenAt('2025-03-04T15:30:00.000Z', CHICAGO)).toBe('2025-03-04T09:30');
	});

	it('opens a new form at now, in office time', () => {
		const form = blankVitalsForm('imperial', new Date('2025-03-04T15:30:00Z'), CHICAGO);
		expect(form.takenAt).toBe('2025-03-04T09:30');
		expect(vitalsInput(form, CHICAGO).takenAt).toBe('2025-03-04T15:30:00.000Z');
	});
});

describe('vitalsInput', () => {
	const imperial = (weightLb: string, weightOz: string) => ({
		...blankVitalsForm('imperial'),
		weightLb,
		weightOz
	});

	it.each([
		['7', '8', { lb: 7, oz: 8 }],
		['150.5', '', { lb: 150.5, oz: null }],
		['', '12', { lb: null, oz: 12 }],
		['', '', null]
	])('sends pounds %j and ounces %j as %j', (lb, oz, weight) => {
		const input = vitalsInput(imperial(lb, oz));
		expect(input.unitSystem === 'imperial' && input.weight).toEqual(weight);
	});

	it('sends the reason with a correction', () => {
		const form = { ...blankVitalsForm('metric'), pulse: '72', reason: 'Typo' };
		expect(correctionInput(form)).toMatchObject({ pulse: 72, reason: 'Typo' });
	});
});

describe('vitalsFormOf (a correction starts from the set it replaces)', () => {
	it('fills in a metric set as stored, at its time in office time', () => {
		const form = vitalsFormOf(makeVitalsSet(1, { notes: 'Seated' }), adult, CHICAGO);
		expect(form).toMatchObject({
			unitSystem: 'metric',
			takenAt: '2025-03-04T09:30',
			systolic: '118',
			temperature: '36.8',
			heightCm: '172.5',
			weightKg: '68.4',
			pain: 0,
			notes: 'Seated',
			reason: ''
		});
	});

	it('fills in an imperial set as it was typed: feet and inches, °F, pounds', () => {
		const set = makeVitalsSet(1, {
			unitSystem: 'imperial',
			values: { temperature: 37, height: 167.6, weight: 68.04 }
		});
		expect(vitalsFormOf(set, adult, CHICAGO)).toMatchObject({
			temperature: '98.6',
			heightFt: '5',
			heightIn: '6',
			weightLb: '150',
			weightOz: ''
		});
	});

	it('gives a baby’s weight back in pounds and ounces, and length in inches alone', () => {
		const set = makeVitalsSet(1, { unitSystem: 'imperial', values: { weight: 3.4, height: 50.8 } });
		expect(vitalsFormOf(set, baby, CHICAGO)).toMatchObject({
			weightLb: '7',
			weightOz: '8',
			heightFt: '',
			heightIn: '20'
		});
	});
});

describe('vitalText', () => {
	it.each([
		['weight', 3.4, 'imperial', baby, '7 lb 8 oz'],
		['weight', 3.4, 'imperial', null, '7.5 lb'],
		['weight', 68.04, 'imperial', adult, '150 lb'],
		['weight', 3.4, 'metric', baby, '3.4 kg'],
		['height', 167.6, 'imperial', adult, '5 ft 6 in'],
		['height', 50.8, 'imperial', baby, '20 in'],
		['height', 50.8, 'imperial', null, '1 ft 8 in'],
		['pain', 3, 'metric', adult, '3/10']
	] as const)('shows %s %d in %s (age %j) as %s', (key, value, system, age, text) => {
		expect(vitalText(key, value, system, age)).toBe(text);
	});

	it('weighs a set in ounces by the age when it was taken', () => {
		const set = chartVitals(makeVitalsSet(1, { values: { weight: 3.4 } }), '2025-02-20');
		expect(vitalText('weight', 3.4, 'imperial', set.age)).toBe('7 lb 8 oz');
	});
});
