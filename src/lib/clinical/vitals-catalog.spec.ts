import { describe, expect, it } from 'vitest';
import { MEASURED_VITAL_KEYS, VITALS, VITAL_KEYS, displayUnit } from './vitals-catalog';
import type { VitalKey } from './vitals-catalog';

describe('vitals catalog', () => {
	it.each<[VitalKey, string, string, string | null]>([
		['systolic', '8480-6', 'mm[Hg]', null],
		['diastolic', '8462-4', 'mm[Hg]', null],
		['pulse', '8867-4', '/min', null],
		['respiratoryRate', '9279-1', '/min', null],
		['temperature', '8310-5', 'Cel', '[degF]'],
		['spo2', '2708-6', '%', null],
		['height', '8302-2', 'cm', '[in_i]'],
		['weight', '29463-7', 'kg', '[lb_av]'],
		['bmi', '39156-5', 'kg/m2', null],
		['headCircumference', '9843-4', 'cm', '[in_i]'],
		['pain', '72514-3', '{score}', null]
	])('codes %s as LOINC %s in %s (imperial %s)', (key, loinc, ucum, imperial) => {
		expect(VITALS[key]).toMatchObject({ key, loinc: { code: loinc }, unit: { ucum } });
		expect(VITALS[key].imperialUnit?.ucum ?? null).toBe(imperial);
	});

	it('has one entry per vital and leaves computed BMI out of the measured ones', () => {
		expect(Object.keys(VITALS)).toEqual([...VITAL_KEYS]);
		expect(MEASURED_VITAL_KEYS).toHaveLength(VITAL_KEYS.length - 1);
		expect(MEASURED_VITAL_KEYS).not.toContain('bmi');
	});

	it('shows imperial units only where they differ', () => {
		expect(displayUnit('temperature', 'imperial').display).toBe('°F');
		expect(displayUnit('weight', 'imperial').display).toBe('lb');
		expect(displayUnit('pulse', 'imperial').display).toBe('beats/min');
		expect(displayUnit('height', 'metric').display).toBe('cm');
	});
});
