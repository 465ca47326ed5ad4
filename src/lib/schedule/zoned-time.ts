/**
 * Wall-clock time in the practice's time zone and the instants it stands for.
 *
 * The schedule thinks in local dates and times ("Tuesdays at 09:00 in America/New_York") and stores
 * instants (ISO UTC). Converting needs the zone's offset at that moment, which Intl knows. Two
 * local times are special, and we resolve them as RFC 5545 (§3.3.5) does, so a series and its
 * .ics export agree:
 * - in a spring-forward gap (02:30 when clocks jump 02:00 → 03:00) the time is read with the
 *   offset before the gap, so it lands at 03:30;
 * - in a fall-back overlap (01:30 happens twice) the first occurrence is meant.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A local date and time in some zone: 'YYYY-MM-DD' and 'HH:MM'. */
export interface WallTime {
	date: string;
	time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Whether Intl knows `timeZone` as an IANA zone. */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** The wall clock of `utcMs` in `timeZone`, as milliseconds of a UTC clock showing the same. */
function wallClockMs(utcMs: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(utcMs)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The zone's offset from UTC at `utcMs`, in minutes (New York in winter: -300). */
export function offsetMinutes(utcMs: number, timeZone: string): number {
	const whole = Math.floor(utcMs / 1000) * 1000;
	return Math.round((wallClockMs(whole, timeZone) - whole) / MINUTE_MS);
}

function parseWall({ date, time }: WallTime): number {
	const [year, month, day] = date.split('-').map(Number);
	const [hour, minute] = time.split(':').map(Number);
	return Date.UTC(year, month - 1, day, hour, minute);
}

/** The instant (epoch ms) a local date and time in `timeZone` stands for (see header). */
export function wallTimeToMs(wall: WallTime, timeZone: string): number {
	const wallMs = parseWall(wall);
	// Offsets a day either side bracket any transition near this wall time.
	const before = offsetMinutes(wallMs - DAY_MS, timeZone);
	const after = offsetMinutes(wallMs + DAY_MS, timeZone);
	const candidates = [...new Set([before, after])]
		.map((offset) => wallMs - offset * MINUTE_MS)
		.filter((utcMs) => wallClockMs(utcMs, timeZone) === wallMs)
		.sort((a, b) => a - b);
	return candidates[0] ?? wallMs - before * MINUTE_MS;
}

/** The ISO UTC instant a local date and time in `timeZone` stands for. */
export function wallTimeToInstant(wall: WallTime, timeZone: string): string {
	return new Date(wallTimeToMs(wall, timeZone)).toISOString();
}

/** The local date and time of an instant (ISO string or epoch ms) in `timeZone`. */
export function instantToWallTime(instant: string | number, timeZone: string): WallTime {
	const utcMs = typeof instant === 'number' ? instant : Date.parse(instant);
	const iso = new Date(wallClockMs(utcMs, timeZone)).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The date `days` after `date` ('YYYY-MM-DD'; negative goes back). */
export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a date: 0 Monday … 6 Sunday (ISO order, as the schedule shows weeks). */
export function weekdayOf(date: string): number {
	return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Minutes since midnight of an 'HH:MM' time. */
export function minutesOfDay(time: string): number {
	const [hour, minute] = time.split(':').map(Number);
	return hour * 60 + minute;
}

/** 'HH:MM' of minutes since midnight (0–1439). */
export function timeOfMinutes(minutes: number): string {
	const hour = Math.floor(minutes / 60);
	return `${String(hour).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The local month ('YYYY-MM') of an instant in `timeZone`. */
export function localMonth(instant: string, timeZone: string): string {
	return instantToWallTime(instant, timeZone).date.slice(0, 7);
}

/** The months ('YYYY-MM') a span of local dates touches, in order. */
export function monthsOf(from: string, to: string): string[] {
	const months: string[] = [];
	for (let month = from.slice(0, 7); month <= to.slice(0, 7);) {
		months.push(month);
		const [year, m] = month.split('-').map(Number);
		month = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
	}
	return months;
}
