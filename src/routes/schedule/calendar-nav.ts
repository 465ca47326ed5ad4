/**
 * Which days and columns the calendar shows. Four views: one provider's day or week, every
 * provider's day side by side, and every room's day. Weeks run Monday to Sunday; a weekend with
 * nobody working and nothing booked is left out so the working days get the width.
 */
import { addDays, weekdayOf } from '$lib/schedule/zoned-time';

export const CALENDAR_VIEWS = ['day', 'week', 'providers', 'rooms'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const VIEW_LABELS: Record<CalendarView, string> = {
	day: 'Day',
	week: 'Week',
	providers: 'Providers',
	rooms: 'Rooms'
};

/** Whether the view's columns are providers or rooms. */
export function columnsBy(view: CalendarView): 'provider' | 'room' {
	return view === 'rooms' ? 'room' : 'provider';
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
	return addDays(date, -weekdayOf(date));
}

/** The dates a view loads around `date` (a week view loads the whole week). */
export function spanOf(view: CalendarView, date: string): { from: string; to: string } {
	if (view !== 'week') return { from: date, to: date };
	const monday = mondayOf(date);
	return { from: monday, to: addDays(monday, 6) };
}

/** The days shown: all of a week's, less a weekend day nobody works or is booked on. */
export function daysShown(
	view: CalendarView,
	date: string,
	busy: (date: string) => boolean
): string[] {
	const { from, to } = spanOf(view, date);
	const days: string[] = [];
	for (let day = from; day <= to; day = addDays(day, 1)) {
		if (view === 'week' && weekdayOf(day) >= 5 && !busy(day)) continue;
		days.push(day);
	}
	return days;
}

/** The date one step back or ahead: a week in week view, else a day. */
export function stepDate(view: CalendarView, date: string, direction: -1 | 1): string {
	return addDays(date, (view === 'week' ? 7 : 1) * direction);
}

const longDate = new Intl.DateTimeFormat('en-US', {
	weekday: 'long',
	month: 'long',
	day: 'numeric',
	year: 'numeric',
	timeZone: 'UTC'
});
const shortDate = new Intl.DateTimeFormat('en-US', {
	month: 'short',
	day: 'numeric',
	timeZone: 'UTC'
});
const weekdayName = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Tuesday, March 3, 2026"; a week: "Mar 2 – Mar 8, 2026". */
export function rangeLabel(view: CalendarView, date: string): string {
	if (view !== 'week') return longDate.format(utc(date));
	const { from, to } = spanOf(view, date);
	return `${shortDate.format(utc(from))} – ${shortDate.format(utc(to))}, ${to.slice(0, 4)}`;
}

/** "Tue 3", the heading of a day column. */
export function dayLabel(date: string): string {
	return `${weekdayName.format(utc(date))} ${Number(date.slice(8))}`;
}

const weekdayDate = new Intl.DateTimeFormat('en-US', {
	weekday: 'short',
	month: 'short',
	day: 'numeric',
	timeZone: 'UTC'
});

/** "Tue, Mar 10". */
export function shortDayLabel(date: string): string {
	return weekdayDate.format(utc(date));
}

/** "Tuesday, March 3, 2026". */
export function longDateLabel(date: string): string {
	return longDate.format(utc(date));
}

/**
 * The hours the grid shows: 7:00 to 19:00 at least, widened to whole hours around working time
 * and bookings (minutes of the day).
 */
export function visibleHours(spans: Iterable<{ start: number; end: number }>): {
	start: number;
	end: number;
} {
	let start = 7 * 60;
	let end = 19 * 60;
	for (const span of spans) {
		start = Math.min(start, Math.floor(span.start / 60) * 60);
		end = Math.max(end, Math.ceil(Math.min(span.end, 24 * 60) / 60) * 60);
	}
	return { start: Math.max(0, start), end: Math.min(24 * 60, end) };
}
