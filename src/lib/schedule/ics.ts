/**
 * iCalendar (RFC 5545) text for a provider's schedule: one VCALENDAR with a VTIMEZONE for the
 * practice's zone and one VEVENT per appointment or series. Times are written as local times with
 * TZID, so a series keeps its local time across daylight-saving changes in any calendar that
 * imports it. Lines end in CRLF and are folded at 75 octets (UTF-8), text values are escaped.
 */
import { transitionsBetween, type Transition } from './time-zone-transitions';
import { instantToWallTime, offsetMinutes } from './zoned-time';

export interface IcsEvent {
	/** Globally unique and stable across exports, so re-imports update rather than duplicate. */
	uid: string;
	/** ISO UTC instants. */
	start: string;
	end: string;
	summary: string;
	description?: string;
	location?: string;
	/** An RRULE value (rrule.ts), for a series. */
	rrule?: string;
	/** Starts (ISO instants) of occurrences removed from the series. */
	exdates?: string[];
	cancelled?: boolean;
	/** When the event last changed (ISO instant); becomes LAST-MODIFIED. */
	updatedAt?: string;
}

export interface IcsCalendar {
	name: string;
	timeZone: string;
	events: IcsEvent[];
	/** When the file is made (ISO instant): DTSTAMP of every event. */
	now: string;
}

const PRODUCT_ID = '-//Practice Office//Schedule//EN';

/** The .ics text of a calendar. */
export function toIcs(calendar: IcsCalendar): string {
	const { timeZone } = calendar;
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODUCT_ID}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(calendar.name)}`,
		`X-WR-TIMEZONE:${timeZone}`,
		...timeZoneLines(timeZone, yearsOf(calendar)),
		...calendar.events.flatMap((event) => eventLines(event, timeZone, calendar.now)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(event: IcsEvent, timeZone: string, now: string): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${utcStamp(now)}`,
		`DTSTART;TZID=${timeZone}:${localStamp(event.start, timeZone)}`,
		`DTEND;TZID=${timeZone}:${localStamp(event.end, timeZone)}`,
		`SUMMARY:${escapeText(event.summary)}`
	];
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.rrule) lines.push(`RRULE:${event.rrule}`);
	if (event.exdates?.length) {
		const stamps = event.exdates.map((start) => localStamp(start, timeZone)).join(',');
		lines.push(`EXDATE;TZID=${timeZone}:${stamps}`);
	}
	if (event.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(event.updatedAt)}`);
	lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
	return lines;
}

function yearsOf(calendar: IcsCalendar): [number, number] {
	const years = calendar.events.flatMap((e) => [e.start, e.end]).map((i) => Number(i.slice(0, 4)));
	const now = Number(calendar.now.slice(0, 4));
	return [Math.min(now, ...years), Math.max(now, ...years) + 1];
}

/** VTIMEZONE with one STANDARD/DAYLIGHT block per change in the years the events span. */
function timeZoneLines(timeZone: string, [fromYear, toYear]: [number, number]): string[] {
	const transitions = transitionsBetween(timeZone, fromYear, toYear);
	const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
	if (transitions.length === 0) {
		const offset = offsetMinutes(Date.UTC(fromYear, 0, 1), timeZone);
		lines.push(...observance('STANDARD', '19700101T000000', offset, offset));
	}
	for (const transition of transitions) lines.push(...transitionLines(transition));
	lines.push('END:VTIMEZONE');
	return lines;
}

function transitionLines({ atMs, fromMinutes, toMinutes }: Transition): string[] {
	// DTSTART of an observance is the local time of the change, read in the offset before it.
	const local = new Date(atMs + fromMinutes * 60_000).toISOString();
	const kind = toMinutes > fromMinutes ? 'DAYLIGHT' : 'STANDARD';
	return observance(kind, compact(local), fromMinutes, toMinutes);
}

function observance(kind: string, start: string, from: number, to: number): string[] {
	return [
		`BEGIN:${kind}`,
		`DTSTART:${start}`,
		`TZOFFSETFROM:${formatOffset(from)}`,
		`TZOFFSETTO:${formatOffset(to)}`,
		`END:${kind}`
	];
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** '2026-11-30T14:00:00.000Z' → '20261130T140000' (no zone designator). */
function compact(iso: string): string {
	return iso.slice(0, 19).replace(/[-:]/g, '');
}

function utcStamp(instant: string): string {
	return `${compact(new Date(instant).toISOString())}Z`;
}

function localStamp(instant: string, timeZone: string): string {
	const { date, time } = instantToWallTime(instant, timeZone);
	return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line so no physical line exceeds 75 octets, never splitting a character. */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const pieces: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = encoder.encode(char).length;
		// Continuation lines start with a space, which counts towards their 75.
		const limit = pieces.length === 0 ? 75 : 74;
		if (size + bytes > limit) {
			pieces.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += bytes;
	}
	pieces.push(current);
	return pieces.join('\r\n ');
}
