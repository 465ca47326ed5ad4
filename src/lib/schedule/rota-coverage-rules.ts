/**
 * Coverage gaps: stretches of a week where fewer people of a role group are on shift than a
 * requirement asks for ("No front desk Tuesday 08:00–09:00"). Shifts and requirements become
 * instants in the practice's zone (so a night shift from the day before counts after midnight,
 * and DST days are measured as the clock shows them); a person on approved time off does not
 * count for those hours, and one person on two overlapping shifts counts once.
 */
import { normalize, subtract, type Interval } from './intervals';
import {
	shiftSpan,
	timeOffSpans,
	WEEKDAY_NAMES,
	type ShiftTimes,
	type TimeOffSpan
} from './rota-rules';
import { ROLE_GROUP_LABELS, type RoleGroup } from './rota-schema';
import { addDays, instantToWallTime, wallTimeToMs } from './zoned-time';

/** What coverage asks: on a weekday, between two local times, at least `minimum` of a group. */
export interface Requirement {
	weekday: number;
	start: string;
	end: string;
	roleGroup: RoleGroup;
	minimum: number;
}

export interface CoverageGap {
	date: string;
	weekday: number;
	roleGroup: RoleGroup;
	/** Local times 'HH:MM'. */
	start: string;
	end: string;
	/** How many were on shift, and how many were needed. */
	staffed: number;
	minimum: number;
}

/** Each person's time on shift in a group, as merged instants less their approved time off. */
function onShift(
	shifts: readonly ShiftTimes[],
	requests: readonly TimeOffSpan[],
	group: RoleGroup,
	timeZone: string
): Interval[][] {
	const byStaff = new Map<string, Interval[]>();
	for (const shift of shifts) {
		if (shift.roleGroup !== group) continue;
		byStaff.set(shift.staffId, [...(byStaff.get(shift.staffId) ?? []), shiftSpan(shift, timeZone)]);
	}
	return [...byStaff].map(([staffId, spans]) => {
		const away = requests
			.filter((r) => r.staffId === staffId)
			.flatMap((r) => timeOffSpans(r, timeZone));
		return subtract(normalize(spans), away);
	});
}

/** Gaps of one requirement on one date. */
function gapsOn(
	requirement: Requirement,
	date: string,
	people: Interval[][],
	timeZone: string
): CoverageGap[] {
	const window = {
		start: wallTimeToMs({ date, time: requirement.start }, timeZone),
		end: wallTimeToMs({ date, time: requirement.end }, timeZone)
	};
	const cuts = new Set([window.start, window.end]);
	for (const spans of people) {
		for (const { start, end } of spans) {
			if (start > window.start && start < window.end) cuts.add(start);
			if (end > window.start && end < window.end) cuts.add(end);
		}
	}
	const points = [...cuts].sort((a, b) => a - b);
	const gaps: CoverageGap[] = [];
	for (let i = 0; i < points.length - 1; i++) {
		const [from, to] = [points[i], points[i + 1]];
		const staffed = people.filter((spans) =>
			spans.some((s) => s.start <= from && to <= s.end)
		).length;
		if (staffed >= requirement.minimum) continue;
		const last = gaps.at(-1);
		if (last && last.staffed === staffed && last.end === instantToWallTime(from, timeZone).time) {
			last.end = instantToWallTime(to, timeZone).time;
			continue;
		}
		gaps.push({
			date,
			weekday: requirement.weekday,
			roleGroup: requirement.roleGroup,
			start: instantToWallTime(from, timeZone).time,
			end: instantToWallTime(to, timeZone).time,
			staffed,
			minimum: requirement.minimum
		});
	}
	return gaps;
}

/** The gaps of the week starting `monday`, by date and time. */
export function coverageGaps(
	requirements: readonly Requirement[],
	shifts: readonly ShiftTimes[],
	requests: readonly TimeOffSpan[],
	monday: string,
	timeZone: string
): CoverageGap[] {
	const gaps = requirements.flatMap((requirement) => {
		const date = addDays(monday, requirement.weekday);
		// Shifts of the day before can run past midnight into this one.
		const nearby = shifts.filter((s) => s.date === date || s.date === addDays(date, -1));
		return gapsOn(
			requirement,
			date,
			onShift(nearby, requests, requirement.roleGroup, timeZone),
			timeZone
		);
	});
	return gaps.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/** "No front desk Tuesday 08:00–09:00", or "Only 1 of 2 clinical …". */
export function gapText(gap: CoverageGap): string {
	const group = ROLE_GROUP_LABELS[gap.roleGroup];
	const when = `${WEEKDAY_NAMES[gap.weekday]} ${gap.start}–${gap.end}`;
	return gap.staffed === 0
		? `No ${group.toLowerCase()} ${when}`
		: `Only ${gap.staffed} of ${gap.minimum} ${group.toLowerCase()} ${when}`;
}
