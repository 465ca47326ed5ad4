/**
 * Reading the staff rota: its setup tables in the `schedule` document, the shifts of a span of
 * dates from the month documents, and per week the hours per person and the coverage gaps.
 * `timeOffOn` is what the calendar asks to take a provider's approved time off out of their day.
 * Removed shifts and coverage requirements stay stored (rota-removal.ts); every read here takes
 * only those in force (`inForce`), so the grid, hours, gaps and the printed rota never see them.
 */
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import type { Interval } from './intervals';
import {
	SCHEDULE_DOCUMENT,
	coverageCollection,
	monthDocument,
	shiftTemplatesCollection,
	shiftsCollection,
	timeOffCollection
} from './collections';
import { inForce } from './queries';
import { coverageGaps, type CoverageGap } from './rota-coverage-rules';
import { minutesByStaff, timeOffOn as timeOffMinutes, weekDates } from './rota-rules';
import type { CoverageRequirement, Shift, ShiftTemplate, TimeOff } from './rota-schema';
import { addDays, monthsOf } from './zoned-time';

export type { CoverageRequirement, Shift, ShiftTemplate, TimeOff } from './rota-schema';
export type { CoverageGap } from './rota-coverage-rules';

export interface RotaSetup {
	templates: ProjectionTable<ShiftTemplate>;
	timeOff: ProjectionTable<TimeOff>;
	coverage: ProjectionTable<CoverageRequirement>;
}

/** Opens the rota's tables in the `schedule` document. */
export async function rotaSetup(workspace: Workspace): Promise<RotaSetup> {
	const [templates, timeOff, coverage] = await Promise.all([
		workspace.projection(SCHEDULE_DOCUMENT, shiftTemplatesCollection),
		workspace.projection(SCHEDULE_DOCUMENT, timeOffCollection),
		workspace.projection(SCHEDULE_DOCUMENT, coverageCollection)
	]);
	return { templates, timeOff, coverage };
}

/** Templates in use, by start time then name. */
export function activeTemplates(setup: RotaSetup): ShiftTemplate[] {
	return setup.templates
		.where('active', true)
		.sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
}

/** The coverage requirements in force (one record per weekday). */
export function coverageRequirements(setup: RotaSetup): CoverageRequirement[] {
	return inForce(setup.coverage);
}

/** Requests waiting for a decision first, then the rest, latest first day first. */
export function timeOffRequests(setup: RotaSetup): TimeOff[] {
	const waiting = (t: TimeOff) => (t.status === 'requested' ? 0 : 1);
	return setup.timeOff
		.all()
		.sort((a, b) => waiting(a) - waiting(b) || b.from.localeCompare(a.from));
}

/** Local minutes of `date` a provider is away on approved time off (for the calendar). */
export function timeOffOn(setup: RotaSetup, providerId: string, date: string): Interval[] {
	return timeOffMinutes(setup.timeOff.where('staffId', providerId), providerId, date);
}

/** The shift tables of these months. */
export async function shiftTables(
	workspace: Workspace,
	months: readonly string[]
): Promise<Map<string, ProjectionTable<Shift>>> {
	const entries = await Promise.all(
		months.map(
			async (month) =>
				[month, await workspace.projection(monthDocument(month), shiftsCollection)] as const
		)
	);
	return new Map(entries);
}

/** A shift as read, with the month document it lives in (removing it needs that). */
export interface RotaShift extends Shift {
	month: string;
}

/** Shifts on the rota on local dates `from`–`to` (none removed), by date, start and id. */
export function shiftsIn(
	tables: ReadonlyMap<string, ProjectionTable<Shift>>,
	from: string,
	to: string
): RotaShift[] {
	const found: RotaShift[] = [];
	for (const [month, table] of tables) {
		for (const shift of inForce(table)) {
			if (shift.date >= from && shift.date <= to) found.push({ ...shift, month });
		}
	}
	return found.sort(
		(a, b) =>
			a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id)
	);
}

/** The months a week's rota reads: its own days and the day before (night shifts). */
export function rotaMonths(monday: string): string[] {
	return monthsOf(addDays(monday, -1), addDays(monday, 6));
}

export interface RotaWeek {
	dates: string[];
	shifts: RotaShift[];
	/** Paid minutes per staff id. */
	minutes: Map<string, number>;
	gaps: CoverageGap[];
}

/** The week starting `monday`: its shifts, hours per person and coverage gaps. */
export function rotaWeek(
	setup: RotaSetup,
	tables: ReadonlyMap<string, ProjectionTable<Shift>>,
	monday: string,
	timeZone: string
): RotaWeek {
	const dates = weekDates(monday);
	const nearby = shiftsIn(tables, addDays(monday, -1), dates[6]);
	const shifts = nearby.filter((s) => s.date >= monday);
	const timeOff = setup.timeOff.all();
	return {
		dates,
		shifts,
		minutes: minutesByStaff(shifts, monday, timeZone),
		gaps: coverageGaps(coverageRequirements(setup), nearby, timeOff, monday, timeZone)
	};
}
