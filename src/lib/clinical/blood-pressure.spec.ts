import { describe, expect, it } from 'vitest';
import type { AgeBand } from './age';
import { assessBloodPressure, bloodPressureCategory, hypotensionBelow } from './blood-pressure';
import type { BpCategory } from './blood-pressure';
import type { VitalFlag } from './reference-range';
import { ageIn, ageOf } from './test-support/ages';

describe('bloodPressureCategory', () => {
	it.each<[number, number, BpCategory]>([
		[119, 79, 'normal'],
		[120, 79, 'elevated'],
		[129, 79, 'elevated'],
		[130, 79, 'stage-1'],
		[118, 80, 'stage-1'],
		[139, 89, 'stage-1'],
		[140, 70, 'stage-2'],
		[118, 90, 'stage-2'],
		[179, 119, 'stage-2'],
		[180, 100, 'crisis'],
		[150, 120, 'crisis']
	])('%d/%d is %s', (systolic, diastolic, category) => {
		expect(bloodPressureCategory(systolic, diastolic)).toBe(category);
	});
});

describe('assessBloodPressure', () => {
	it.each<[number, number, AgeBand | null, VitalFlag | null, string]>([
		[118, 76, 'adult', null, ''],
		[125, 78, 'adult', 'high', 'Elevated blood pressure.'],
		[135, 85, 'adult', 'high', 'In the stage 1 hypertension range.'],
		[150, 95, 'adult', 'high', 'In the stage 2 hypertension range.'],
		[185, 110, 'adult', 'critical-high', 'Hypertensive crisis (180/120 or higher).'],
		[85, 50, 'adult', 'critical-low', 'Hypotension: systolic pressure under 90 mm Hg at this age.'],
		[125, 70, 'adolescent', 'high', 'Elevated blood pressure.'],
		[100, 60, 'toddler', null, ''],
		[
			110,
			70,
			'toddler',
			'high',
			'Systolic pressure is above the usual range for a toddler (86–106 mm Hg).'
		],
		[
			80,
			50,
			'toddler',
			'low',
			'Systolic pressure is below the usual range for a toddler (86–106 mm Hg).'
		],
		[
			70,
			40,
			'toddler',
			'critical-low',
			'Hypotension: systolic pressure under 72 mm Hg at this age.'
		],
		[75, 45, 'neonate', null, ''],
		[
			55,
			30,
			'neonate',
			'critical-low',
			'Hypotension: systolic pressure under 60 mm Hg at this age.'
		],
		[120, 75, 'school-age', null, ''],
		[
			85,
			50,
			'school-age',
			'critical-low',
			'Hypotension: systolic pressure under 88 mm Hg at this age.'
		],
		[185, 100, 'preschool', 'critical-high', 'Hypertensive crisis (180/120 or higher).'],
		[150, 95, null, null, ''],
		[190, 100, null, 'critical-high', 'Hypertensive crisis (180/120 or higher).']
	])('%d/%d for %s → %s', (systolic, diastolic, band, flag, message) => {
		const age = band ? ageIn(band) : null;
		expect(assessBloodPressure(systolic, diastolic, age)).toEqual({ flag, message });
	});
});

describe('hypotensionBelow (PALS)', () => {
	it.each([
		['2025-02-20', 60], // 12 days
		['2024-09-04', 70], // 6 months
		['2024-03-04', 72], // 1 year
		['2020-03-04', 80], // 5 years
		['2015-03-04', 90], // 10 years
		['2014-03-04', 90], // 11 years
		['1980-03-04', 90]
	])('born %s: under %d mm Hg', (birthDate, floor) => {
		expect(hypotensionBelow(ageOf(birthDate))).toBe(floor);
	});
});
