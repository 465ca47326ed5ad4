import { describe, expect, it } from 'vitest';
import {
	describePreferences,
	hasPreferences,
	partOfDay,
	startMatches,
	wallTimeMatches,
	type SlotPreferences
} from './slot-preference-rules';
import { NEW_YORK } from './test-support/schedule-office';
import { minutesOfDay } from './zoned-time';

// 2026-12-01 is a Tuesday, 2026-12-03 a Thursday.
const TUE_THU_MORNINGS: SlotPreferences = { preferredDays: [1, 3], preferredTimes: ['morning'] };

describe('slot preferences', () => {
	it.each([
		['00:00', 'morning'],
		['11:59', 'morning'],
		['12:00', 'afternoon'],
		['16:59', 'afternoon'],
		['17:00', 'evening'],
		['23:45', 'evening']
	])('puts a slot starting at %s in the %s', (time, part) => {
		expect(partOfDay(minutesOfDay(time))).toBe(part);
	});

	it.each([
		['2026-12-01', '11:59', true],
		['2026-12-01', '12:00', false],
		['2026-12-03', '09:00', true],
		['2026-12-02', '09:00', false],
		['2026-12-05', '08:00', false]
	])('on %s at %s, Tuesday and Thursday mornings match: %s', (date, time, matches) => {
		expect(wallTimeMatches({ date, time }, TUE_THU_MORNINGS)).toBe(matches);
	});

	it('restricts nothing when no days or times are preferred, as in older entries', () => {
		for (const preferences of [{}, { preferredDays: [], preferredTimes: [] }]) {
			expect(hasPreferences(preferences)).toBe(false);
			expect(wallTimeMatches({ date: '2026-12-06', time: '19:30' }, preferences)).toBe(true);
		}
		expect(wallTimeMatches({ date: '2026-12-06', time: '19:30' }, { preferredDays: [6] })).toBe(
			true
		);
		expect(wallTimeMatches({ date: '2026-12-07', time: '19:30' }, { preferredDays: [6] })).toBe(
			false
		);
	});

	it('reads the weekday and part of day in the practice zone, not in UTC', () => {
		// Monday 30 November, 22:00 in New York, is already Tuesday in UTC.
		const mondayEvening = '2026-12-01T03:00:00.000Z';
		expect(startMatches(mondayEvening, NEW_YORK, { preferredDays: [0] })).toBe(true);
		expect(startMatches(mondayEvening, NEW_YORK, { preferredDays: [1] })).toBe(false);
		expect(startMatches(mondayEvening, NEW_YORK, { preferredTimes: ['evening'] })).toBe(true);
	});

	it.each([
		// Clocks go forward on Sunday 8 March: 16:30 UTC is 12:30 EDT, not 11:30 as in winter.
		['2026-03-08T16:30:00.000Z', 'afternoon'],
		['2026-03-07T16:30:00.000Z', 'morning'],
		// Clocks go back on Sunday 1 November: 16:30 UTC is 11:30 EST, not 12:30 as in summer.
		['2026-11-01T16:30:00.000Z', 'morning'],
		['2026-10-31T16:30:00.000Z', 'afternoon']
	] as const)('keeps %s in the %s across daylight saving', (instant, part) => {
		expect(startMatches(instant, NEW_YORK, { preferredTimes: [part] })).toBe(true);
	});

	it.each<[SlotPreferences, string]>([
		[TUE_THU_MORNINGS, 'Tuesdays and Thursdays, mornings'],
		[{ preferredDays: [4, 0, 2] }, 'Mondays, Wednesdays and Fridays'],
		[{ preferredTimes: ['evening', 'morning'] }, 'Mornings and evenings'],
		[{ preferredDays: [5], preferredTimes: ['afternoon'] }, 'Saturdays, afternoons'],
		[{}, '']
	])('describes %o as "%s"', (preferences, words) => {
		expect(describePreferences(preferences)).toBe(words);
	});
});
