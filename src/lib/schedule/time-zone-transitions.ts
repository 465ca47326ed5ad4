/**
 * The offset changes of a time zone within a span of years, found from Intl (which carries the
 * IANA database): scan by day for a change of offset, then narrow to the minute. An .ics file
 * needs them to describe the zone (VTIMEZONE) so other calendars place each event right.
 */
import { offsetMinutes } from './zoned-time';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface Transition {
	/** The instant of the change (epoch ms). */
	atMs: number;
	fromMinutes: number;
	toMinutes: number;
}

/** Every offset change in `timeZone` from the start of `fromYear` to the end of `toYear`. */
export function transitionsBetween(
	timeZone: string,
	fromYear: number,
	toYear: number
): Transition[] {
	const transitions: Transition[] = [];
	const end = Date.UTC(toYear + 1, 0, 1);
	let previous = Date.UTC(fromYear, 0, 1);
	let previousOffset = offsetMinutes(previous, timeZone);
	for (let at = previous + DAY_MS; at <= end; at += DAY_MS) {
		const offset = offsetMinutes(at, timeZone);
		if (offset !== previousOffset) {
			transitions.push({
				atMs: narrow(timeZone, previous, at, previousOffset),
				fromMinutes: previousOffset,
				toMinutes: offset
			});
		}
		previous = at;
		previousOffset = offset;
	}
	return transitions;
}

/** The first minute in (low, high] whose offset differs from `lowOffset`. */
function narrow(timeZone: string, low: number, high: number, lowOffset: number): number {
	while (high - low > MINUTE_MS) {
		const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
		if (offsetMinutes(middle, timeZone) === lowOffset) low = middle;
		else high = middle;
	}
	return high;
}
