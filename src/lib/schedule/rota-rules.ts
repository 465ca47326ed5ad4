/**
 * Rota arithmetic: hours worked per person per week, coverage gaps, and approved time off.
 *
 * A shift is a local date and two wall times in the practice's zone; an end at or before the start
 * is the next day. Everything that counts time turns those into instants first (zoned-time.ts), so
 * a night shift over the spring-forward change is an hour shorter and over fall-back an hour
 * longer — what payroll must pay — and a gap is found where clocks, not arithmetic, say it is.
 * A shift counts in the week of the date it starts on. Coverage gaps: rota-coverage-rules.ts.
 */
import { subtract, normalize, type Interval } from './intervals';
import { workingMinutes, type AvailabilityRules } from './availability-rules';
import type { RoleGroup } from './rota-schema';
import { addDays, minutesOfDay, wallTimeToMs, weekdayOf } from './zoned-time';

const MINUTE_MS = 60_000;
export const WEEKDAY_NAMES = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday'
] as const;

/** The fields of a shift the rules read. */
export interface ShiftTimes {
	staffId: string;
	date: string;
	start: string;
	end: string;
	roleGroup: RoleGroup;
	breakMinutes: number;
}

/** The fields of a time-off request the rules read. */
export interface TimeOffSpan {
	staffId: string;
	from: string;
	to: string;
	start: string;
	end: string;
	status: string;
}

/** The role group a directory role works in by default. */
export function roleGroupOf(role: string): RoleGroup {
	if (['physician', 'nurse-practitioner', 'physician-assistant'].includes(role)) return 'provider';
	if (['registered-nurse', 'medical-assistant', 'lab-technician'].includes(role)) return 'clinical';
	if (role === 'billing') return 'billing';
	if (role === 'office-manager') return 'manager';
	return 'front-desk';
}

/** The Monday of the week holding `date`. */
export function mondayOf(date: string): string {
	return addDays(date, -weekdayOf(date));
}

/** The seven dates of the week starting `monday`. */
export function weekDates(monday: string): string[] {
	return Array.from({ length: 7 }, (_, n) => addDays(monday, n));
}

/** Whether a shift's end falls on the next day. */
export function endsNextDay(shift: Pick<ShiftTimes, 'start' | 'end'>): boolean {
	return shift.end <= shift.start;
}

/** The instants (epoch ms) a shift runs between. */
export function shiftSpan(shift: ShiftTimes, timeZone: string): Interval {
	const endDate = endsNextDay(shift) ? addDays(shift.date, 1) : shift.date;
	return {
		start: wallTimeToMs({ date: shift.date, time: shift.start }, timeZone),
		end: wallTimeToMs({ date: endDate, time: shift.end }, timeZone)
	};
}

/** Paid minutes of a shift: its real length in the zone, less the unpaid break. */
export function shiftMinutes(shift: ShiftTimes, timeZone: string): number {
	const { start, end } = shiftSpan(shift, timeZone);
	return Math.max(0, Math.round((end - start) / MINUTE_MS) - shift.breakMinutes);
}

/** Paid minutes per staff member of the shifts starting in the week of `monday`. */
export function minutesByStaff(
	shifts: readonly ShiftTimes[],
	monday: string,
	timeZone: string
): Map<string, number> {
	const sunday = addDays(monday, 6);
	const totals = new Map<string, number>();
	for (const shift of shifts) {
		if (shift.date < monday || shift.date > sunday) continue;
		totals.set(shift.staffId, (totals.get(shift.staffId) ?? 0) + shiftMinutes(shift, timeZone));
	}
	return totals;
}

/** '37.5' hours for 2250 minutes (payroll reads decimal hours). */
export function formatHours(minutes: number): string {
	return String(Math.round((minutes / 60) * 100) / 100);
}

/** The instants an approved request keeps someone away, one span per day. */
export function timeOffSpans(request: TimeOffSpan, timeZone: string): Interval[] {
	if (request.status !== 'approved') return [];
	const spans: Interval[] = [];
	for (let date = request.from; date <= request.to; date = addDays(date, 1)) {
		const [start, end] = request.start ? [request.start, request.end] : ['00:00', null];
		spans.push({
			start: wallTimeToMs({ date, time: start }, timeZone),
			end: wallTimeToMs(
				end ? { date, time: end } : { date: addDays(date, 1), time: '00:00' },
				timeZone
			)
		});
	}
	return spans;
}

/** The approved request a shift would overlap, if any (it then cannot be assigned). */
export function timeOffClash<T extends TimeOffSpan>(
	requests: readonly T[],
	shift: ShiftTimes,
	timeZone: string
): T | undefined {
	const span = shiftSpan(shift, timeZone);
	return requests.find(
		(request) =>
			request.staffId === shift.staffId &&
			timeOffSpans(request, timeZone).some((off) => off.start < span.end && span.start < off.end)
	);
}

/** Why a shift cannot be assigned over approved time off, for the person assigning it. */
export function timeOffMessage(request: TimeOffSpan): string {
	const days = request.from === request.to ? request.from : `${request.from} to ${request.to}`;
	const hours = request.start ? ` ${request.start}–${request.end}` : '';
	return `This person has approved time off (${days}${hours}); the shift was not assigned.`;
}

/**
 * Local minutes of `date` a person is away on approved time off ([0, 1440] for a whole day): the
 * calendar subtracts these from a provider's working minutes.
 */
export function timeOffOn(
	requests: readonly TimeOffSpan[],
	staffId: string,
	date: string
): Interval[] {
	const away = requests
		.filter((r) => r.status === 'approved' && r.staffId === staffId)
		.filter((r) => r.from <= date && date <= r.to)
		.map((r) =>
			r.start ? { start: minutesOfDay(r.start), end: minutesOfDay(r.end) } : { start: 0, end: 1440 }
		);
	return normalize(away);
}

/** A provider's bookable minutes of a day, less approved time off. */
export function workingMinutesLessTimeOff(
	rules: AvailabilityRules,
	requests: readonly TimeOffSpan[],
	providerId: string,
	date: string
): Interval[] {
	return subtract(workingMinutes(rules, providerId, date), timeOffOn(requests, providerId, date));
}
