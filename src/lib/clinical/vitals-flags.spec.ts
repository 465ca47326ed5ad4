import { describe, expect, it } from 'vitest';
import type { AgeBand } from './age';
import type { VitalFlag } from './reference-range';
import { ageIn, ageOf } from './test-support/ages';
import type { VitalKey } from './vitals-catalog';
import { assessVital, bmiCategory, flagVitals } from './vitals-flags';

type Row = [VitalKey, number, AgeBand | null, VitalFlag | null];

const flagOf = (key: VitalKey, value: number, band: AgeBand | null) =>
	assessVital(key, value, band ? ageIn(band) : null).flag;

describe('pulse by age band', () => {
	it.each<Row>([
		['pulse', 140, 'neonate', null],
		['pulse', 90, 'neonate', 'low'],
		['pulse', 210, 'neonate', 'high'],
		['pulse', 225, 'neonate', 'critical-high'],
		['pulse', 150, 'infant', null],
		['pulse', 55, 'infant', 'critical-low'],
		['pulse', 150, 'toddler', 'high'],
		['pulse', 185, 'toddler', 'critical-high'],
		['pulse', 75, 'preschool', 'low'],
		['pulse', 118, 'school-age', null],
		['pulse', 119, 'school-age', 'high'],
		['pulse', 55, 'adolescent', 'low'],
		['pulse', 72, 'adult', null],
		['pulse', 59, 'adult', 'low'],
		['pulse', 40, 'adult', 'critical-low'],
		['pulse', 110, 'adult', 'high'],
		['pulse', 150, 'adult', 'critical-high'],
		['pulse', 200, null, null]
	])('%s %d for %s → %s', (key, value, band, flag) => {
		expect(flagOf(key, value, band)).toBe(flag);
	});

	it('says which range the reading is outside', () => {
		expect(assessVital('pulse', 110, ageIn('adult')).message).toBe(
			'Pulse is above the usual range for an adult (60–100 /min).'
		);
		expect(assessVital('pulse', 185, ageIn('toddler')).message).toBe(
			'Pulse is far above the usual range for a toddler (98–140 /min).'
		);
	});
});

describe('respiratory rate by age band', () => {
	it.each<Row>([
		['respiratoryRate', 50, 'neonate', null],
		['respiratoryRate', 60, 'infant', 'high'],
		['respiratoryRate', 61, 'infant', 'critical-high'],
		['respiratoryRate', 25, 'infant', 'low'],
		['respiratoryRate', 40, 'toddler', 'high'],
		['respiratoryRate', 30, 'preschool', 'high'],
		['respiratoryRate', 20, 'school-age', null],
		['respiratoryRate', 22, 'adolescent', 'high'],
		['respiratoryRate', 16, 'adult', null],
		['respiratoryRate', 10, 'adult', 'low'],
		['respiratoryRate', 8, 'adult', 'critical-low'],
		['respiratoryRate', 25, 'adult', 'critical-high']
	])('%s %d for %s → %s', (key, value, band, flag) => {
		expect(flagOf(key, value, band)).toBe(flag);
	});
});

describe('temperature', () => {
	it.each<[number, AgeBand | null, VitalFlag | null, string]>([
		[36.8, 'adult', null, ''],
		[37.9, 'adult', null, ''],
		[38, 'adult', 'high', 'Fever.'],
		[40, 'adult', 'critical-high', 'High fever.'],
		[34.9, 'adult', 'low', 'Hypothermia.'],
		[31.9, 'adult', 'critical-low', 'Moderate to severe hypothermia.'],
		[36.4, 'neonate', 'low', 'Below the usual temperature for a newborn.'],
		[36.4, 'infant', null, ''],
		[38, 'neonate', 'critical-high', 'Fever in an infant under 3 months needs prompt review.'],
		[38.5, 'infant', 'high', 'Fever.'],
		[38.2, null, 'high', 'Fever.']
	])('%d °C for %s → %s', (celsius, band, flag, message) => {
		expect(assessVital('temperature', celsius, band ? ageIn(band) : null)).toEqual({
			flag,
			message
		});
	});

	it('treats a fever at 10 weeks as urgent and at 14 weeks as a fever', () => {
		expect(assessVital('temperature', 38.3, ageOf('2024-12-24')).flag).toBe('critical-high');
		expect(assessVital('temperature', 38.3, ageOf('2024-11-26')).flag).toBe('high');
	});
});

describe('oxygen saturation, BMI and pain', () => {
	it.each<Row>([
		['spo2', 92, 'adult', null],
		['spo2', 91, 'adult', 'low'],
		['spo2', 89, 'infant', 'critical-low'],
		['bmi', 17, 'adult', 'low'],
		['bmi', 22, 'adult', null],
		['bmi', 27, 'adult', 'high'],
		['bmi', 31, 'adult', 'high'],
		['bmi', 27, 'school-age', null],
		['bmi', 31, null, null],
		['pain', 3, 'adult', null],
		['pain', 4, 'adult', 'high'],
		['pain', 8, 'school-age', 'high'],
		['height', 250, 'adult', null],
		['weight', 0.3, 'neonate', null],
		['headCircumference', 60, 'infant', null]
	])('%s %d for %s → %s', (key, value, band, flag) => {
		expect(flagOf(key, value, band)).toBe(flag);
	});

	it.each([
		[18.4, 'underweight'],
		[18.5, 'healthy'],
		[24.9, 'healthy'],
		[25, 'overweight'],
		[29.9, 'overweight'],
		[30, 'obese']
	])('BMI %d is %s for an adult', (bmi, category) => {
		expect(bmiCategory(bmi)).toBe(category);
	});
});

describe('flagVitals', () => {
	it('lists only the flagged readings of a set, blood pressure as one pair', () => {
		const values = { systolic: 150, diastolic: 95, pulse: 72, temperature: 38.4, spo2: 97 };
		expect(flagVitals(values, 31.2, ageIn('adult'))).toEqual({
			bloodPressure: { flag: 'high', message: 'In the stage 2 hypertension range.' },
			temperature: { flag: 'high', message: 'Fever.' },
			bmi: { flag: 'high', message: 'Obesity.' }
		});
	});

	it('flags nothing in a healthy infant whose pulse would alarm in an adult', () => {
		expect(flagVitals({ pulse: 150, respiratoryRate: 40 }, null, ageIn('infant'))).toEqual({});
		expect(flagVitals({ pulse: 150, respiratoryRate: 40 }, null, ageIn('adult'))).toMatchObject({
			pulse: { flag: 'critical-high' },
			respiratoryRate: { flag: 'critical-high' }
		});
	});
});
