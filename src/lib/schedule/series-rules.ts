/**
 * Recurring series as appointments. Each occurrence is stored as an ordinary appointment (so it
 * takes part in conflicts, the flow board and the day sheet) with an id derived from the series
 * and its date: two devices that both fill in the same months of a series write the same
 * records, which merge instead of doubling up.
 *
 * Open-ended series are filled in a year ahead and topped up as the calendar moves on.
 */
import { occurrenceDates, type Recurrence } from './recurrence-rules';
import { addDays, daysBetween, wallTimeToInstant } from './zoned-time';

/** How far ahead an open-ended series is filled in. */
export const SERIES_HORIZON_DAYS = 365;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The appointment id of a series' occurrence on `date`: the series' 10-character time part, the
 * date as 5 base-32 digits (days since 1970), then 11 characters of the series' random part.
 * Deterministic, ULID-shaped, and distinct for every (series, date).
 */
export function occurrenceId(seriesId: string, date: string): string {
	let days = daysBetween('1970-01-01', date);
	let encoded = '';
	for (let i = 0; i < 5; i++) {
		encoded = CROCKFORD[days % 32] + encoded;
		days = Math.floor(days / 32);
	}
	return seriesId.slice(0, 10) + encoded + seriesId.slice(15, 26);
}

/** What a series needs to place its occurrences. */
export interface SeriesPattern {
	startDate: string;
	time: string;
	minutes: number;
	timeZone: string;
	recurrence: Recurrence;
	skipDates?: readonly string[];
}

export interface Occurrence {
	date: string;
	start: string;
	end: string;
}

/** The occurrences of a series on local dates `from` to `to`, with their instants. */
export function occurrencesBetween(pattern: SeriesPattern, from: string, to: string): Occurrence[] {
	const skipped = new Set(pattern.skipDates);
	const dates = occurrenceDates(pattern.startDate, pattern.recurrence, from, to);
	return dates
		.filter((date) => !skipped.has(date))
		.map((date) => {
			const startMs = Date.parse(wallTimeToInstant({ date, time: pattern.time }, pattern.timeZone));
			return {
				date,
				start: new Date(startMs).toISOString(),
				end: new Date(startMs + pattern.minutes * 60_000).toISOString()
			};
		});
}

/** The last date to fill in now: the series' own end, or a horizon ahead of `today`. */
export function fillThrough(pattern: SeriesPattern, today: string): string {
	const horizon = addDays(
		today > pattern.startDate ? today : pattern.startDate,
		SERIES_HORIZON_DAYS
	);
	const { until } = pattern.recurrence;
	return until !== undefined && until < horizon ? until : horizon;
}

/** The recurrence cut so the series ends the day before `date` ("this and following"). */
export function endBefore(recurrence: Recurrence, startDate: string, date: string): Recurrence {
	const last = addDays(date, -1);
	const kept = occurrenceDates(startDate, recurrence, startDate, last).length;
	const { count: _count, ...rest } = recurrence;
	return recurrence.count === undefined ? { ...rest, until: last } : { ...rest, count: kept };
}

/** The recurrence left for a series continued from `date` (counts what came before). */
export function continueFrom(recurrence: Recurrence, startDate: string, date: string): Recurrence {
	if (recurrence.count === undefined) return recurrence;
	const before = occurrenceDates(startDate, recurrence, startDate, addDays(date, -1)).length;
	return { ...recurrence, count: Math.max(1, recurrence.count - before) };
}
