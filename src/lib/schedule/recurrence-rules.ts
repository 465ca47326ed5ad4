/**
 * Recurring appointments: the subset of RFC 5545 RRULE a practice uses — every N days, weeks on
 * chosen weekdays, or months on a day of the month or an nth weekday ("2nd Tuesday", "last
 * Friday") — ending after a count, on a date, or never.
 *
 * Occurrences are computed as LOCAL dates in the practice's zone and only then turned into
 * instants, so "Tuesdays at 09:00" stays at 09:00 on both sides of a daylight-saving change.
 * Months without the chosen day (the 31st in April) are skipped, as RFC 5545 says.
 */
import { addDays, daysBetween, weekdayOf } from './zoned-time';

export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545 weekday codes in ISO order: index 0 is Monday. */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** "The 2nd Tuesday" is { ordinal: 2, weekday: 1 }; "the last Friday" is { ordinal: -1, weekday: 4 }. */
export interface NthWeekday {
	ordinal: 1 | 2 | 3 | 4 | -1;
	weekday: number;
}

export interface Recurrence {
	frequency: Frequency;
	/** Every `interval` days, weeks or months; at least 1. */
	interval: number;
	/** Weekly: the weekdays (0 Monday … 6 Sunday); empty means the start's weekday. */
	weekdays: number[];
	/** Monthly: on this nth weekday instead of the start's day of the month. */
	nthWeekday?: NthWeekday;
	/** Stop after this many occurrences (the first included). */
	count?: number;
	/** Last local date an occurrence may fall on ('YYYY-MM-DD'), inclusive. */
	until?: string;
}

/** Safety bound: no series expands past this many periods (50 years of weeks). */
const MAX_PERIODS = 2600;

/** The local dates of a series starting on `start`, from `from` up to and including `to`. */
export function occurrenceDates(
	start: string,
	recurrence: Recurrence,
	from: string,
	to: string
): string[] {
	const dates: string[] = [];
	let seen = 0;
	const last = recurrence.until !== undefined && recurrence.until < to ? recurrence.until : to;
	for (const date of candidateDates(start, recurrence)) {
		if (date > last) break;
		if (recurrence.count !== undefined && seen >= recurrence.count) break;
		seen++;
		if (date >= from) dates.push(date);
	}
	return dates;
}

/** Every date the rule produces from `start` on, in order (unbounded; the caller stops). */
function* candidateDates(start: string, recurrence: Recurrence): Generator<string> {
	const interval = Math.max(1, Math.floor(recurrence.interval));
	if (recurrence.frequency === 'daily') {
		for (let period = 0; period < MAX_PERIODS * 7; period++) {
			yield addDays(start, period * interval);
		}
		return;
	}
	if (recurrence.frequency === 'weekly') {
		const weekdays = recurrence.weekdays.length
			? [...new Set(recurrence.weekdays)].sort((a, b) => a - b)
			: [weekdayOf(start)];
		const monday = addDays(start, -weekdayOf(start));
		for (let period = 0; period < MAX_PERIODS; period++) {
			const weekStart = addDays(monday, period * interval * 7);
			for (const weekday of weekdays) {
				const date = addDays(weekStart, weekday);
				if (date >= start) yield date;
			}
		}
		return;
	}
	const [year, month, day] = start.split('-').map(Number);
	for (let period = 0; period < MAX_PERIODS; period++) {
		const monthIndex = month - 1 + period * interval;
		const date = recurrence.nthWeekday
			? nthWeekdayOfMonth(year, monthIndex, recurrence.nthWeekday)
			: dayOfMonth(year, monthIndex, day);
		if (date !== null && date >= start) yield date;
	}
}

function isoDate(year: number, monthIndex: number, day: number): string {
	return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** The `day`th of the month, or null when that month is shorter. */
function dayOfMonth(year: number, monthIndex: number, day: number): string | null {
	const date = isoDate(year, monthIndex, day);
	return Number(date.slice(8, 10)) === day ? date : null;
}

/** The nth (or last) given weekday of a month, or null when the month has no 5th… */
function nthWeekdayOfMonth(year: number, monthIndex: number, nth: NthWeekday): string | null {
	const first = isoDate(year, monthIndex, 1);
	const next = isoDate(year, monthIndex + 1, 1);
	if (nth.ordinal === -1) {
		const lastDay = addDays(next, -1);
		return addDays(lastDay, -((weekdayOf(lastDay) - nth.weekday + 7) % 7));
	}
	const firstMatch = addDays(first, (nth.weekday - weekdayOf(first) + 7) % 7);
	const date = addDays(firstMatch, (nth.ordinal - 1) * 7);
	return daysBetween(date, next) > 0 ? date : null;
}

/** The nth weekday a date is in its month: the 2nd Tuesday, or -1 when it is also the last. */
export function nthWeekdayOf(date: string, preferLast = false): NthWeekday {
	const weekday = weekdayOf(date);
	const day = Number(date.slice(8, 10));
	const isLast = addDays(date, 7).slice(0, 7) !== date.slice(0, 7);
	const ordinal = Math.ceil(day / 7);
	// There is no "5th Tuesday" every month; a 5th is always the last.
	if ((preferLast && isLast) || ordinal === 5) return { ordinal: -1, weekday };
	return { ordinal: ordinal as NthWeekday['ordinal'], weekday };
}
