import { describe, expect, it } from 'vitest';
import { ageAtMeasurement, ageBand, ageOn, localDate } from './age';
import type { AgeBand } from './age';

describe('ageOn', () => {
	it.each([
		['2024-01-15', '2024-01-15', { days: 0, months: 0, years: 0 }],
		['2024-01-15', '2024-02-14', { days: 30, months: 0, years: 0 }],
		['2024-01-15', '2024-02-15', { days: 31, months: 1, years: 0 }],
		['2023-03-10', '2025-03-09', { days: 730, months: 23, years: 1 }],
		['2023-03-10', '2025-03-10', { days: 731, months: 24, years: 2 }],
		['1980-06-30', '2025-06-29', { days: 16435, months: 539, years: 44 }],
		['2020-02-29', '2021-02-28', { days: 365, months: 11, years: 0 }],
		['2020-02-29', '2021-03-01', { days: 366, months: 12, years: 1 }]
	])('born %s, on %s: %j', (birth, on, age) => {
		expect(ageOn(birth, on)).toEqual(age);
	});

	it.each([
		['2025-03-05', '2025-03-04'],
		['not a date', '2025-03-04']
	])('is null for birth %s measured %s', (birth, on) => {
		expect(ageOn(birth, on)).toBeNull();
	});
});

describe('measurement date', () => {
	it('takes the calendar date in the office time zone', () => {
		expect(localDate('2025-03-05T03:30:00Z', 'UTC')).toBe('2025-03-05');
		expect(localDate('2025-03-05T03:30:00Z', 'America/Chicago')).toBe('2025-03-04');
	});

	it('turns a year older on the birthday as the office sees it, not as UTC does', () => {
		const evening = '2025-03-05T03:30:00Z'; // 9:30 pm on 4 March in Chicago
		expect(ageAtMeasurement('2023-03-05', evening)?.years).toBe(2);
		expect(ageAtMeasurement('2023-03-05', evening, 'America/Chicago')?.years).toBe(1);
	});

	it('is unknown without a date of birth', () => {
		expect(ageAtMeasurement(undefined, '2025-03-05T03:30:00Z')).toBeNull();
	});
});

describe('ageBand', () => {
	it.each<[string, AgeBand]>([
		['2025-03-01', 'neonate'],
		['2025-02-05', 'neonate'], // 27 days
		['2025-02-04', 'infant'], // 28 days
		['2024-03-05', 'infant'], // the day before the first birthday
		['2024-03-04', 'toddler'],
		['2022-03-05', 'toddler'],
		['2022-03-04', 'preschool'],
		['2019-03-04', 'school-age'],
		['2012-03-05', 'school-age'],
		['2012-03-04', 'adolescent'],
		['2007-03-05', 'adolescent'],
		['2007-03-04', 'adult'],
		['1940-01-01', 'adult']
	])('born %s, seen 2025-03-04: %s', (birth, band) => {
		const age = ageOn(birth, '2025-03-04');
		expect(age && ageBand(age)).toBe(band);
	});
});
