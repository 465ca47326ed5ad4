/**
 * RRULE text (RFC 5545 §3.3.10) for the recurrence subset of recurrence-rules.ts: read what our
 * own export and common calendars write, and write rules other calendars read back the same.
 * UNTIL is written in UTC, as RFC 5545 requires when DTSTART carries a TZID.
 */
import {
	FREQUENCIES,
	WEEKDAY_CODES,
	type Frequency,
	type NthWeekday,
	type Recurrence
} from './recurrence-rules';
import { instantToWallTime, wallTimeToInstant } from './zoned-time';

export type ParsedRRule = { ok: true; recurrence: Recurrence } | { ok: false; message: string };

const fail = (message: string): ParsedRRule => ({ ok: false, message });

/** Reads an RRULE value (with or without the `RRULE:` prefix); UNTIL is read in `timeZone`. */
export function parseRRule(text: string, timeZone: string): ParsedRRule {
	const parts = new Map<string, string>();
	for (const pair of text
		.trim()
		.replace(/^RRULE:/i, '')
		.split(';')) {
		const [name, value] = pair.split('=');
		if (!name || value === undefined) return fail(`"${pair}" is not NAME=VALUE.`);
		parts.set(name.toUpperCase(), value.toUpperCase());
	}
	const frequency = parts.get('FREQ')?.toLowerCase() as Frequency | undefined;
	if (!frequency || !FREQUENCIES.includes(frequency)) {
		return fail('Repeat daily, weekly or monthly (FREQ).');
	}
	const interval = Number(parts.get('INTERVAL') ?? '1');
	if (!Number.isInteger(interval) || interval < 1 || interval > 99) {
		return fail('The interval must be a whole number from 1 to 99.');
	}
	const recurrence: Recurrence = { frequency, interval, weekdays: [] };
	const byDay = parts.get('BYDAY');
	if (byDay) {
		const days = byDay.split(',').map(readDay);
		if (days.some((day) => day === null)) return fail(`BYDAY=${byDay} is not understood.`);
		const read = days as { ordinal: number | null; weekday: number }[];
		if (frequency === 'monthly') {
			const [only] = read;
			if (read.length !== 1 || only.ordinal === null) {
				return fail('Monthly series repeat on one nth weekday, like 2TU or -1FR.');
			}
			recurrence.nthWeekday = only as NthWeekday;
		} else if (read.some((day) => day.ordinal !== null)) {
			return fail('Only monthly series may name an nth weekday.');
		} else {
			recurrence.weekdays = read.map((day) => day.weekday);
		}
	}
	if (parts.has('COUNT') && parts.has('UNTIL')) return fail('Use COUNT or UNTIL, not both.');
	if (parts.has('COUNT')) {
		const count = Number(parts.get('COUNT'));
		if (!Number.isInteger(count) || count < 1 || count > 1000) {
			return fail('The number of occurrences must be from 1 to 1000.');
		}
		recurrence.count = count;
	}
	const until = parts.get('UNTIL');
	if (until) {
		const date = readUntil(until, timeZone);
		if (!date) return fail(`UNTIL=${until} is not a date.`);
		recurrence.until = date;
	}
	return { ok: true, recurrence };
}

function readDay(code: string): { ordinal: number | null; weekday: number } | null {
	const match = /^([+-]?[1-4]|-1)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code);
	if (!match) return null;
	const weekday = WEEKDAY_CODES.indexOf(match[2] as (typeof WEEKDAY_CODES)[number]);
	return { ordinal: match[1] === undefined ? null : Number(match[1]), weekday };
}

function readUntil(value: string, timeZone: string): string | null {
	const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
	if (!match) return null;
	const [, year, month, day, hour, minute, second, utc] = match;
	const date = `${year}-${month}-${day}`;
	if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
	if (hour === undefined || !utc) return date;
	return instantToWallTime(`${date}T${hour}:${minute}:${second}Z`, timeZone).date;
}

/** Writes `recurrence` as an RRULE value for a series whose occurrences start at `time`. */
export function formatRRule(recurrence: Recurrence, time: string, timeZone: string): string {
	const parts = [`FREQ=${recurrence.frequency.toUpperCase()}`];
	if (recurrence.interval > 1) parts.push(`INTERVAL=${recurrence.interval}`);
	if (recurrence.frequency === 'weekly' && recurrence.weekdays.length) {
		const days = [...new Set(recurrence.weekdays)].sort((a, b) => a - b);
		parts.push(`BYDAY=${days.map((day) => WEEKDAY_CODES[day]).join(',')}`);
	}
	if (recurrence.frequency === 'monthly' && recurrence.nthWeekday) {
		const { ordinal, weekday } = recurrence.nthWeekday;
		parts.push(`BYDAY=${ordinal}${WEEKDAY_CODES[weekday]}`);
	}
	if (recurrence.count !== undefined) parts.push(`COUNT=${recurrence.count}`);
	if (recurrence.until !== undefined) {
		// The last occurrence's own start, in UTC: inclusive whatever the zone's offset.
		const instant = wallTimeToInstant({ date: recurrence.until, time }, timeZone);
		parts.push(`UNTIL=${instant.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
	}
	return parts.join(';');
}
