/**
 * What the calendar grid draws, assembled from the schedule's tables: each cell's shading
 * (working time less approved time off, standing blocks, holidays), each appointment's block, and a new or moved
 * booking's clashes in words. Pure: the page passes in the names it knows.
 */
import { blocksOn, type AvailabilityRules } from '$lib/schedule/availability-rules';
import { layoutWeek, type LayoutColumn } from '$lib/schedule/calendar-layout';
import { conflictsWith, type Booking } from '$lib/schedule/conflict-rules';
import { FLOW_LABELS, holdsTime } from '$lib/schedule/flow-rules';
import { asBooking, type ScheduledAppointment } from '$lib/schedule/queries';
import { timeOffOn, workingMinutesLessTimeOff, type TimeOffSpan } from '$lib/schedule/rota-rules';
import { TYPE_COLOURS, type AppointmentType } from '$lib/schedule/schema';
import { instantToWallTime, minutesOfDay } from '$lib/schedule/zoned-time';
import type { Clash } from './calendar-types';
import type { CellShade, GridItem } from './calendar-types';
import { shortDayLabel } from './calendar-nav';
import type { MoveTo } from './calendar-actions';
import { describeClash, timeRange } from './calendar-text';

/** Names of people and rooms by id, as the page knows them. */
export interface Names {
	provider: (id: string) => string;
	patient: (id: string) => string;
	room: (id: string) => string;
}

/** The shading of every day × column cell (rooms have no hours, so no shading). */
export function cellShades(
	rules: AvailabilityRules,
	days: readonly string[],
	columns: readonly LayoutColumn[],
	timeOff: readonly TimeOffSpan[] = []
): CellShade[] {
	const shades: CellShade[] = [];
	for (const date of days) {
		const holiday = rules.holidays.find((h) => h.date === date)?.label ?? '';
		for (const column of columns) {
			if (column.by === 'room') {
				shades.push({ working: null, blocks: [], holiday, away: [] });
				continue;
			}
			shades.push({
				working: workingMinutesLessTimeOff(rules, timeOff, column.id, date),
				blocks: blocksOn(rules, column.id, date).map((b) => ({
					start: minutesOfDay(b.start),
					end: minutesOfDay(b.end),
					label: b.label
				})),
				holiday,
				away: timeOffOn(timeOff, column.id, date)
			});
		}
	}
	return shades;
}

/** The blocks of the appointments, laid out in their cells. */
export function gridItems(
	appointments: readonly ScheduledAppointment[],
	columns: readonly LayoutColumn[],
	days: readonly string[],
	timeZone: string,
	hours: { start: number; end: number },
	types: ReadonlyMap<string, AppointmentType>,
	names: Names
): GridItem[] {
	return layoutWeek(appointments, columns, days, timeZone, hours.start, hours.end).map((block) => {
		const { appointment } = block;
		const type = types.get(appointment.typeId);
		const status = appointment.flow.status;
		return {
			id: appointment.id,
			day: block.day,
			column: block.column,
			startMinutes: block.startMinutes,
			endMinutes: block.endMinutes,
			top: block.top,
			height: block.height,
			lane: block.lane,
			lanes: block.lanes,
			info: {
				patient: names.patient(appointment.patientId),
				type: type?.name ?? 'Appointment',
				colour: TYPE_COLOURS[type?.colour ?? 'grey'],
				status: status === 'scheduled' ? '' : FLOW_LABELS[status],
				ended: !holdsTime(status),
				repeats: appointment.seriesId !== '',
				fixed: status !== 'scheduled'
			}
		};
	});
}

/** The clashes of a candidate booking with `others`, in words; `on` dates a series' visit. */
export function clashesOf(
	candidate: Booking,
	others: readonly ScheduledAppointment[],
	names: Names,
	timeZone: string,
	on?: string
): Clash[] {
	const byId = new Map(others.map((a) => [a.id, a]));
	return conflictsWith(candidate, others.map(asBooking)).map((conflict) => {
		const otherId = conflict.ids[0] === candidate.id ? conflict.ids[1] : conflict.ids[0];
		const other = byId.get(otherId)!;
		const text = describeClash(
			{
				kind: conflict.kind,
				start: other.start,
				end: other.end,
				provider: names.provider(other.providerId),
				patient: names.patient(other.patientId),
				room: names.room(other.roomId),
				date: on && shortDayLabel(on)
			},
			timeZone
		);
		return { otherId, date: on, text };
	});
}

/** "Move Ann Smith to Tue, Mar 3, 9:30–9:50 with Dr Lee?" — the question before a move. */
export function describeMove(
	move: { appointment: ScheduledAppointment; to: MoveTo },
	names: Names,
	timeZone: string
): string {
	const { appointment, to } = move;
	const day = shortDayLabel(instantToWallTime(to.start, timeZone).date);
	const place =
		to.providerId !== appointment.providerId
			? ` with ${names.provider(to.providerId)}`
			: to.roomId && to.roomId !== appointment.roomId
				? ` in ${names.room(to.roomId)}`
				: '';
	const who = names.patient(appointment.patientId);
	return `Move ${who} to ${day}, ${timeRange(to.start, to.end, timeZone)}${place}?`;
}
