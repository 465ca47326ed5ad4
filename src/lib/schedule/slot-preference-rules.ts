/**
 * A waitlist entry's structured preferences: the weekdays and parts of the day a patient can come.
 * A slot belongs to the part of the day its local START falls in — morning before 12:00,
 * afternoon from 12:00, evening from 17:00 — and to the local weekday of that start, both read in
 * the practice's zone, so a daylight-saving change never moves a slot into another part of day.
 * An empty list (or none, for entries from before there were preferences) restricts nothing.
 */
import { instantToWallTime, minutesOfDay, weekdayOf, type WallTime } from './zoned-time';

export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** Where each part of the day starts, in local minutes since midnight. */
export const PART_OF_DAY_STARTS: Readonly<Record<PartOfDay, number>> = {
	morning: 0,
	afternoon: 12 * 60,
	evening: 17 * 60
};

export const PART_OF_DAY_LABELS: Readonly<Record<PartOfDay, string>> = {
	morning: 'Mornings',
	afternoon: 'Afternoons',
	evening: 'Evenings'
};

/** Plural day names, 0 Monday … 6 Sunday (the schedule's weekday numbering). */
export const WEEKDAY_PLURALS = [
	'Mondays',
	'Tuesdays',
	'Wednesdays',
	'Thursdays',
	'Fridays',
	'Saturdays',
	'Sundays'
] as const;

export interface SlotPreferences {
	/** Weekdays, 0 Monday … 6 Sunday; empty or absent = any day. */
	preferredDays?: readonly number[];
	/** Empty or absent = any time of day. */
	preferredTimes?: readonly PartOfDay[];
}

/** The part of the day a local time (minutes since midnight) falls in. */
export function partOfDay(minutes: number): PartOfDay {
	if (minutes >= PART_OF_DAY_STARTS.evening) return 'evening';
	if (minutes >= PART_OF_DAY_STARTS.afternoon) return 'afternoon';
	return 'morning';
}

/** True when the preferences restrict anything. */
export function hasPreferences(preferences: SlotPreferences): boolean {
	return !!preferences.preferredDays?.length || !!preferences.preferredTimes?.length;
}

/** True when a local date is on a preferred weekday (or no weekday is preferred). */
export function dayMatches(date: string, preferences: SlotPreferences): boolean {
	const days = preferences.preferredDays ?? [];
	return days.length === 0 || days.includes(weekdayOf(date));
}

/** True when a slot starting at this local date and time suits the preferences. */
export function wallTimeMatches(start: WallTime, preferences: SlotPreferences): boolean {
	const times = preferences.preferredTimes ?? [];
	return (
		dayMatches(start.date, preferences) &&
		(times.length === 0 || times.includes(partOfDay(minutesOfDay(start.time))))
	);
}

/** True when a slot starting at this instant suits the preferences, read in `timeZone`. */
export function startMatches(
	start: string | number,
	timeZone: string,
	preferences: SlotPreferences
): boolean {
	return wallTimeMatches(instantToWallTime(start, timeZone), preferences);
}

/** "a, b and c". */
function listInWords(words: readonly string[]): string {
	return words.length <= 1
		? (words[0] ?? '')
		: `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The preferences in words, e.g. "Tuesdays and Thursdays, mornings"; '' when there are none. */
export function describePreferences(preferences: SlotPreferences): string {
	const days = [...new Set(preferences.preferredDays ?? [])]
		.sort((a, b) => a - b)
		.map((day) => WEEKDAY_PLURALS[day]);
	const times = PARTS_OF_DAY.filter((part) => preferences.preferredTimes?.includes(part)).map(
		(part) => PART_OF_DAY_LABELS[part].toLowerCase()
	);
	const text = [listInWords(days), listInWords(times)].filter(Boolean).join(', ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
