/**
 * Audit entries carry UTC instants; the manager thinks in the office's days. A day filter
 * therefore compares each entry's date in the office zone, and the months to load are the UTC
 * months (how the log files entries) that can hold any instant of those local days.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(
	cache: Map<string, Intl.DateTimeFormat>,
	timeZone: string,
	make: () => Intl.DateTimeFormat
): Intl.DateTimeFormat {
	let formatter = cache.get(timeZone);
	if (!formatter) {
		formatter = make();
		cache.set(timeZone, formatter);
	}
	return formatter;
}

/** The office-zone calendar date ('YYYY-MM-DD') of an ISO instant. */
export function localDateOf(at: string, timeZone: string): string {
	const formatter = cached(
		dateFormatters,
		timeZone,
		() =>
			new Intl.DateTimeFormat('en-CA', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit'
			})
	);
	const parts = Object.fromEntries(
		formatter.formatToParts(Date.parse(at)).map((part) => [part.type, part.value])
	);
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** An instant as the office reads it, e.g. 'Nov 27, 2026, 09:05:12'. */
export function officeTime(at: string, timeZone: string): string {
	const formatter = cached(
		timeFormatters,
		timeZone,
		() =>
			new Intl.DateTimeFormat('en-US', {
				timeZone,
				year: 'numeric',
				month: 'short',
				day: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
				hourCycle: 'h23'
			})
	);
	return formatter.format(Date.parse(at));
}

/** The date `days` after an ISO date (negative goes back). */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The UTC months ('YYYY-MM') to load for the local days `from`..`to`: a day either side covers
 * any zone's offset (at most 14 hours).
 */
export function monthsCovering(from: string, to: string): { first: string; last: string } {
	return { first: addDays(from, -1).slice(0, 7), last: addDays(to, 1).slice(0, 7) };
}
