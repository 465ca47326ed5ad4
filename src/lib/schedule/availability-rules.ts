/**
 * When a provider can be booked. A weekly template gives working hours per weekday, with breaks
 * and standing blocks ("admin", "hospital rounds"); office holidays close the day; a one-off
 * change replaces a single day's hours (a late start, a day off). What is left, minus existing
 * bookings, is bookable; slots of an appointment type's length start on a fixed grid.
 *
 * Everything here is in local minutes of the practice's day; callers turn slots into instants
 * with zoned-time.ts. (Practice hours never span 02:00, where daylight-saving changes happen.)
 */
import { normalize, subtract, type Interval } from './intervals';
import { minutesOfDay, weekdayOf } from './zoned-time';

/** A stretch of a weekday in local time: 0 Monday … 6 Sunday, 'HH:MM'–'HH:MM'. */
export interface WeeklySpan {
	weekday: number;
	start: string;
	end: string;
}

export interface StandingBlock extends WeeklySpan {
	/** What the time is kept for: 'Admin', 'Hospital rounds'. */
	label: string;
}

/** A provider's weekly pattern, in force from a date (and, optionally, until one). */
export interface AvailabilityTemplate {
	providerId: string;
	effectiveFrom: string;
	effectiveTo?: string;
	hours: WeeklySpan[];
	breaks: WeeklySpan[];
	blocks: StandingBlock[];
}

/** A one-off change of one provider's day: these hours instead (none: not working). */
export interface DayChange {
	providerId: string;
	date: string;
	hours: { start: string; end: string }[];
	reason: string;
}

export interface Holiday {
	date: string;
	label: string;
}

export interface AvailabilityRules {
	templates: readonly AvailabilityTemplate[];
	changes: readonly DayChange[];
	holidays: readonly Holiday[];
}

const span = (s: { start: string; end: string }): Interval => ({
	start: minutesOfDay(s.start),
	end: minutesOfDay(s.end)
});

/** The template in force for a provider on a date (the latest that started by then). */
export function templateOn(
	templates: readonly AvailabilityTemplate[],
	providerId: string,
	date: string
): AvailabilityTemplate | undefined {
	return templates
		.filter((t) => t.providerId === providerId && t.effectiveFrom <= date)
		.filter((t) => t.effectiveTo === undefined || date <= t.effectiveTo)
		.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** The bookable minutes of a provider's day before bookings: hours less breaks, blocks, holidays. */
export function workingMinutes(
	rules: AvailabilityRules,
	providerId: string,
	date: string
): Interval[] {
	if (rules.holidays.some((h) => h.date === date)) return [];
	const template = templateOn(rules.templates, providerId, date);
	const weekday = weekdayOf(date);
	const onDay = (spans: readonly WeeklySpan[] = []) =>
		spans.filter((s) => s.weekday === weekday).map(span);
	const change = rules.changes.find((c) => c.providerId === providerId && c.date === date);
	const hours = change ? change.hours.map(span) : onDay(template?.hours);
	return subtract(hours, [...onDay(template?.breaks), ...onDay(template?.blocks)]);
}

/** The standing blocks on a provider's day, for the calendar to draw. */
export function blocksOn(
	rules: AvailabilityRules,
	providerId: string,
	date: string
): StandingBlock[] {
	const template = templateOn(rules.templates, providerId, date);
	return (template?.blocks ?? []).filter((b) => b.weekday === weekdayOf(date));
}

/**
 * Start minutes of free slots of `length` minutes on a `grid` (e.g. every 15 minutes from the
 * hour), inside `working` and clear of `busy` (bookings, in minutes of the same day).
 */
export function freeSlots(
	working: readonly Interval[],
	busy: readonly Interval[],
	length: number,
	grid = 15
): number[] {
	const free = subtract(working, busy);
	const starts: number[] = [];
	for (const interval of normalize(free)) {
		const first = Math.ceil(interval.start / grid) * grid;
		for (let start = first; start + length <= interval.end; start += grid) starts.push(start);
	}
	return starts;
}
