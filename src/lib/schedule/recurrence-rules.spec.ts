import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthWeekdayOf, occurrenceDates, type Recurrence } from './recurrence-rules';
import { formatRRule, parseRRule } from './rrule';
import { wallTimeToInstant, weekdayOf } from './zoned-time';

const NEW_YORK = 'America/New_York';
const weekly = (weekdays: number[], extra: Partial<Recurrence> = {}): Recurrence => ({
	frequency: 'weekly',
	interval: 1,
	weekdays,
	...extra
});

describe('occurrence dates', () => {
	it('repeats Tuesdays and Thursdays for ten visits', () => {
		const dates = occurrenceDates(
			'2026-11-03',
			weekly([1, 3], { count: 10 }),
			'2026-01-01',
			'2027-12-31'
		);
		expect(dates).toHaveLength(10);
		expect(dates.slice(0, 4)).toEqual(['2026-11-03', '2026-11-05', '2026-11-10', '2026-11-12']);
		expect(dates.at(-1)).toBe('2026-12-03');
	});

	it('counts occurrences before the window towards COUNT', () => {
		const rule = weekly([], { count: 4 });
		expect(occurrenceDates('2026-11-02', rule, '2026-11-20', '2026-12-31')).toEqual(['2026-11-23']);
	});

	it('stops on the UNTIL date, inclusive', () => {
		const rule: Recurrence = { frequency: 'daily', interval: 2, weekdays: [], until: '2026-11-09' };
		expect(occurrenceDates('2026-11-01', rule, '2026-11-01', '2026-12-31')).toEqual([
			'2026-11-01',
			'2026-11-03',
			'2026-11-05',
			'2026-11-07',
			'2026-11-09'
		]);
	});

	it('skips months that lack the day, as RFC 5545 does', () => {
		const rule: Recurrence = { frequency: 'monthly', interval: 1, weekdays: [], count: 4 };
		expect(occurrenceDates('2027-01-31', rule, '2027-01-01', '2027-12-31')).toEqual([
			'2027-01-31',
			'2027-03-31',
			'2027-05-31',
			'2027-07-31'
		]);
	});

	it('finds the 2nd Tuesday and the last Friday of each month', () => {
		const second: Recurrence = {
			frequency: 'monthly',
			interval: 1,
			weekdays: [],
			nthWeekday: { ordinal: 2, weekday: 1 },
			count: 3
		};
		expect(occurrenceDates('2026-11-10', second, '2026-11-01', '2027-12-31')).toEqual([
			'2026-11-10',
			'2026-12-08',
			'2027-01-12'
		]);
		const last = { ...second, nthWeekday: { ordinal: -1 as const, weekday: 4 } };
		expect(occurrenceDates('2026-11-27', last, '2026-11-01', '2027-12-31')).toEqual([
			'2026-11-27',
			'2026-12-25',
			'2027-01-29'
		]);
	});

	it('names the nth weekday of a date, a 5th being the last', () => {
		expect(nthWeekdayOf('2026-11-10')).toEqual({ ordinal: 2, weekday: 1 });
		expect(nthWeekdayOf('2026-11-24', true)).toEqual({ ordinal: -1, weekday: 1 });
		expect(nthWeekdayOf('2026-12-29')).toEqual({ ordinal: -1, weekday: 1 });
	});

	it('keeps a weekly 09:00 visit at 09:00 local across both daylight-saving changes', () => {
		const dates = occurrenceDates('2026-02-24', weekly([1]), '2026-02-01', '2026-11-30');
		const instants = dates.map((date) => wallTimeToInstant({ date, time: '09:00' }, NEW_YORK));
		expect(instants[1]).toBe('2026-03-03T14:00:00.000Z'); // EST
		expect(instants[2]).toBe('2026-03-10T13:00:00.000Z'); // EDT after 8 March
		expect(instants.at(-1)).toBe('2026-11-24T14:00:00.000Z'); // EST after 1 November
	});

	const recurrences = fc.record({
		frequency: fc.constantFrom('daily' as const, 'weekly' as const, 'monthly' as const),
		interval: fc.integer({ min: 1, max: 4 }),
		weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
		count: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined })
	});
	const starts = fc
		.integer({ min: 0, max: 3000 })
		.map((days) => new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString().slice(0, 10));

	it('yields sorted, distinct dates on or after the start, within COUNT', () => {
		fc.assert(
			fc.property(recurrences, starts, (recurrence, start) => {
				const dates = occurrenceDates(start, recurrence, '2000-01-01', '2040-12-31');
				const startsOnStart =
					recurrence.frequency !== 'weekly' ||
					recurrence.weekdays.length === 0 ||
					recurrence.weekdays.includes(weekdayOf(start));
				if (startsOnStart) expect(dates[0]).toBe(start);
				for (let i = 1; i < dates.length; i++) expect(dates[i] > dates[i - 1]).toBe(true);
				expect(dates.every((date) => date >= start)).toBe(true);
				if (recurrence.count !== undefined)
					expect(dates.length).toBeLessThanOrEqual(recurrence.count);
				if (recurrence.frequency === 'weekly' && recurrence.weekdays.length) {
					expect(dates.every((date) => recurrence.weekdays.includes(weekdayOf(date)))).toBe(true);
				}
			})
		);
	});

	it('reads back the rule it writes', () => {
		fc.assert(
			fc.property(recurrences, (recurrence) => {
				const written = formatRRule(recurrence, '09:00', NEW_YORK);
				const read = parseRRule(written, NEW_YORK);
				expect(read.ok).toBe(true);
				const again = read.ok ? formatRRule(read.recurrence, '09:00', NEW_YORK) : '';
				expect(again).toBe(written);
			})
		);
	});
});

describe('RRULE text', () => {
	it('writes UNTIL as the last start in UTC and reads it back as the local date', () => {
		const rule = weekly([0, 2], { until: '2027-01-04' });
		const text = formatRRule(rule, '08:30', NEW_YORK);
		expect(text).toBe('FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270104T133000Z');
		expect(parseRRule(`RRULE:${text}`, NEW_YORK)).toEqual({ ok: true, recurrence: rule });
	});

	it.each([
		['FREQ=YEARLY', 'Repeat daily, weekly or monthly (FREQ).'],
		['FREQ=WEEKLY;INTERVAL=0', 'The interval must be a whole number from 1 to 99.'],
		['FREQ=WEEKLY;BYDAY=XX', 'BYDAY=XX is not understood.'],
		['FREQ=WEEKLY;BYDAY=2TU', 'Only monthly series may name an nth weekday.'],
		['FREQ=MONTHLY;BYDAY=TU,TH', 'Monthly series repeat on one nth weekday, like 2TU or -1FR.'],
		['FREQ=DAILY;COUNT=5;UNTIL=20270101', 'Use COUNT or UNTIL, not both.'],
		['FREQ=DAILY;COUNT=0', 'The number of occurrences must be from 1 to 1000.'],
		['FREQ=DAILY;UNTIL=2027', 'UNTIL=2027 is not a date.'],
		['FREQ', '"FREQ" is not NAME=VALUE.']
	])('refuses %s with a message', (text, message) => {
		expect(parseRRule(text, NEW_YORK)).toEqual({ ok: false, message });
	});
});
