/**
 * One screen of the calendar, from what is stored: its columns (one provider, every provider, or
 * every room), the days shown, each cell's shading, the hours the grid spans (7 to 7 at least,
 * widened to working time and bookings) and the appointment blocks. Pure, so the page only
 * wires live tables into it.
 */
import type { AvailabilityRules } from '$lib/schedule/availability-rules';
import { layoutWeek, type LayoutColumn } from '$lib/schedule/calendar-layout';
import type { ScheduledAppointment } from '$lib/schedule/queries';
import type { TimeOffSpan } from '$lib/schedule/rota-rules';
import type { AppointmentType } from '$lib/schedule/schema';
import { addDays } from '$lib/schedule/zoned-time';
import { cellShades, gridItems, type Names } from './calendar-model';
import { daysShown, spanOf, visibleHours, type CalendarView } from './calendar-nav';
import type { CellShade, GridItem } from './calendar-types';

export interface SheetInput {
	view: CalendarView;
	date: string;
	/** The provider of the day and week views. */
	providerId: string;
	providers: readonly { id: string; label: string }[];
	rooms: readonly { id: string; label: string }[];
	rules: AvailabilityRules | null;
	/** Time-off requests; approved ones take a provider's time off the day. */
	timeOff?: readonly TimeOffSpan[];
	appointments: readonly ScheduledAppointment[];
	timeZone: string;
	types: ReadonlyMap<string, AppointmentType>;
	names: Names;
}

export interface Sheet {
	columns: (LayoutColumn & { label: string })[];
	days: string[];
	cells: CellShade[];
	hours: { start: number; end: number };
	items: GridItem[];
}

function columnsOf(input: SheetInput): Sheet['columns'] {
	if (input.view === 'rooms') return input.rooms.map((r) => ({ ...r, by: 'room' }));
	const shown =
		input.view === 'providers'
			? input.providers
			: input.providers.filter((p) => p.id === input.providerId);
	return shown.map((p) => ({ ...p, by: 'provider' }));
}

/** Lays out one screen of the calendar. */
export function calendarSheet(input: SheetInput): Sheet {
	const { view, date, rules, appointments, timeZone, timeOff = [] } = input;
	const columns = columnsOf(input);
	const range = spanOf(view, date);
	const allDays: string[] = [];
	for (let d = range.from; d <= range.to; d = addDays(d, 1)) allDays.push(d);
	const whole = layoutWeek(appointments, columns, allDays, timeZone);
	const booked = new Set(whole.map((b) => b.date));
	const working = (d: string) =>
		!!rules && cellShades(rules, [d], columns, timeOff).some((c) => (c.working?.length ?? 0) > 0);
	const days = daysShown(view, date, (d) => booked.has(d) || working(d));
	const cells = rules ? cellShades(rules, days, columns, timeOff) : [];
	const hours = visibleHours([
		...cells.flatMap((c) => c.working ?? []),
		...whole
			.filter((b) => days.includes(b.date))
			.map((b) => ({ start: b.startMinutes, end: b.endMinutes }))
	]);
	const items = gridItems(appointments, columns, days, timeZone, hours, input.types, input.names);
	return { columns, days, cells, hours, items };
}
