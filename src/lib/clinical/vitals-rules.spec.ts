import { describe, expect, it } from 'vitest';
import { ageOn } from './age';
import { fromEntered } from './units';
import type { MeasuredVitalKey } from './vitals-catalog';
import { computeBmi, vitalValueProblem, vitalsProblems } from './vitals-rules';

const adult = ageOn('1980-01-01', '2025-03-04');
const toddler = ageOn('2023-01-01', '2025-03-04'); // 2 years
const infant = ageOn('2024-09-01', '2025-03-04');

describe('vitalValueProblem', () => {
	it.each<[MeasuredVitalKey, number, string]>([
		['systolic', 39, 'Systolic pressure must be between 40 and 300 mm Hg.'],
		['systolic', 301, 'Systolic pressure must be between 40 and 300 mm Hg.'],
		['systolic', 120.5, 'Systolic pressure must be a whole number.'],
		['diastolic', 19, 'Diastolic pressure must be between 20 and 200 mm Hg.'],
		['pulse', 19, 'Pulse must be between 20 and 300 beats per minute.'],
		['pulse', 301, 'Pulse must be between 20 and 300 beats per minute.'],
		['respiratoryRate', 3, 'Respiratory rate must be between 4 and 80 breaths per minute.'],
		['respiratoryRate', 81, 'Respiratory rate must be between 4 and 80 breaths per minute.'],
		['temperature', 24.9, 'Temperature must be between 25 and 45 °C.'],
		['temperature', 98.6, 'Temperature must be between 25 and 45 °C.'], // °F typed in metric
		['spo2', 49, 'SpO₂ must be between 50 and 100%.'],
		['spo2', 101, 'SpO₂ must be between 50 and 100%.'],
		['spo2', 97.5, 'SpO₂ must be a whole number.'],
		['height', 19.9, 'Height must be between 20 and 250 cm.'],
		['height', 5.8, 'Height must be between 20 and 250 cm.'], // feet typed as cm
		['weight', 0.29, 'Weight must be between 0.3 and 400 kg.'],
		['weight', 401, 'Weight must be between 0.3 and 400 kg.'],
		['headCircumference', 66, 'Head circumference must be between 20 and 65 cm.'],
		['pain', 11, 'Pain score must be a whole number from 0 to 10.'],
		['pain', -1, 'Pain score must be a whole number from 0 to 10.'],
		['pain', 4.5, 'Pain score must be a whole number from 0 to 10.']
	])('rejects %s = %d: %s', (key, value, message) => {
		expect(vitalValueProblem(key, value)).toBe(message);
	});

	it.each<[MeasuredVitalKey, number, string]>([
		['temperature', 76.9, 'Temperature must be between 77 and 113 °F.'],
		['temperature', 113.1, 'Temperature must be between 77 and 113 °F.'],
		['height', 7.8, 'Height must be between 7.9 in and 8 ft 2.4 in.'],
		['height', 98.5, 'Height must be between 7.9 in and 8 ft 2.4 in.'],
		['weight', 0.6, 'Weight must be between 0.7 and 881.8 lb.'],
		['weight', 882, 'Weight must be between 0.7 and 881.8 lb.'],
		['headCircumference', 25.6, 'Head circumference must be between 7.9 and 25.5 in.'],
		['pulse', 301, 'Pulse must be between 20 and 300 beats per minute.']
	])('words an imperial %s of %d in imperial units: %s', (key, typed, message) => {
		expect(vitalValueProblem(key, fromEntered(key, typed, 'imperial'), 'imperial')).toBe(message);
	});

	it.each<[MeasuredVitalKey, number]>([
		['temperature', 77],
		['temperature', 113],
		['height', 7.9],
		['height', 98.4],
		['weight', 0.7],
		['weight', 881.8],
		['headCircumference', 25.5]
	])('accepts the imperial limit it names: %s = %d', (key, typed) => {
		expect(vitalValueProblem(key, fromEntered(key, typed, 'imperial'), 'imperial')).toBeNull();
	});

	it.each<[MeasuredVitalKey, number]>([
		['systolic', 40],
		['systolic', 300],
		['diastolic', 20],
		['pulse', 20],
		['respiratoryRate', 80],
		['temperature', 25],
		['temperature', 45],
		['spo2', 100],
		['height', 250],
		['weight', 0.3],
		['headCircumference', 20],
		['pain', 0],
		['pain', 10]
	])('accepts the limit %s = %d', (key, value) => {
		expect(vitalValueProblem(key, value)).toBeNull();
	});
});

describe('vitalsProblems', () => {
	it('accepts a full adult set', () => {
		const set = { systolic: 120, diastolic: 80, pulse: 70, temperature: 36.9, weight: 70 };
		expect(vitalsProblems(set, { age: adult })).toEqual([]);
	});

	it('asks for at least one vital', () => {
		expect(vitalsProblems({})).toEqual([
			{ field: null, message: 'Enter at least one vital sign.' }
		]);
		expect(vitalsProblems({ pulse: undefined })).toHaveLength(1);
	});

	it.each([
		[{ systolic: 120 }, 'diastolic', 'Enter the diastolic pressure as well.'],
		[{ diastolic: 80 }, 'systolic', 'Enter the systolic pressure as well.'],
		[{ systolic: 80, diastolic: 80 }, 'diastolic', 'Diastolic must be lower than systolic.'],
		[{ systolic: 80, diastolic: 120 }, 'diastolic', 'Diastolic must be lower than systolic.']
	])('checks blood pressure as a pair: %j', (values, field, message) => {
		expect(vitalsProblems(values)).toEqual([{ field, message }]);
	});

	it('reports an implausible pressure once, not again as out of order', () => {
		expect(vitalsProblems({ systolic: 30, diastolic: 60 })).toEqual([
			{ field: 'systolic', message: 'Systolic pressure must be between 40 and 300 mm Hg.' }
		]);
	});

	it('still asks for the missing half when the other is implausible', () => {
		expect(vitalsProblems({ systolic: 30 })).toEqual([
			{ field: 'systolic', message: 'Systolic pressure must be between 40 and 300 mm Hg.' },
			{ field: 'diastolic', message: 'Enter the diastolic pressure as well.' }
		]);
	});

	it.each([
		['an infant', infant, []],
		['a two-year-old', toddler, []],
		['an unknown age', null, []],
		[
			'an adult',
			adult,
			[
				{
					field: 'headCircumference',
					message: 'Head circumference is recorded only for children under 3.'
				}
			]
		]
	])('takes head circumference for %s: %j', (_who, age, problems) => {
		expect(vitalsProblems({ headCircumference: 45 }, { age })).toEqual(problems);
	});
});

describe('computeBmi', () => {
	it.each([
		[172.5, 68.4, adult, 23],
		[180, 95, adult, 29.3],
		[160, 45, adult, 17.6],
		[88, 12.5, toddler, 16.1]
	])('%d cm and %d kg give %d kg/m²', (height, weight, age, bmi) => {
		expect(computeBmi(height, weight, age)).toBe(bmi);
	});

	it.each([
		['under 2', 75, 9.5, infant],
		['with no height', undefined, 70, adult],
		['with no weight', 170, undefined, adult],
		['when the age is unknown', 170, 70, null]
	])('is not computed %s', (_why, height, weight, age) => {
		expect(computeBmi(height, weight, age)).toBeNull();
	});
});
