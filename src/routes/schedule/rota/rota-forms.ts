/** The shift template and coverage forms as they bind, and the command inputs they become. */
import type { CoverageRequirement, ShiftTemplate } from '$lib/schedule/rota-queries';
import { ROLE_GROUPS, type RoleGroup } from '$lib/schedule/rota-schema';
import { WEEKDAY_NAMES } from '$lib/schedule/rota-rules';
import type { TypeColour } from '$lib/schedule/schema';

export interface TemplateFormValues {
	name: string;
	start: string;
	end: string;
	roleGroup: RoleGroup;
	colour: TypeColour;
	breakMinutes: number;
}

/** An empty template: a front-desk day with a half-hour break. */
export function blankTemplate(): TemplateFormValues {
	return {
		name: '',
		start: '08:00',
		end: '16:30',
		roleGroup: 'front-desk',
		colour: 'blue',
		breakMinutes: 30
	};
}

/** The form of a stored template. */
export function templateForm(template: ShiftTemplate): TemplateFormValues {
	const { name, start, end, roleGroup, colour, breakMinutes } = template;
	return { name, start, end, roleGroup, colour, breakMinutes };
}

/** What saveShiftTemplate takes (a cleared number field binds as null: no break). */
export function templateInput(form: TemplateFormValues) {
	return { ...form, breakMinutes: Number(form.breakMinutes ?? 0) };
}

export interface CoverageFormValues {
	/** 0 Monday … 6 Sunday. */
	weekdays: number[];
	start: string;
	end: string;
	roleGroup: RoleGroup;
	minimum: number;
}

/** An empty requirement: one front-desk person, weekdays 8 to 5. */
export function blankCoverage(): CoverageFormValues {
	return {
		weekdays: [0, 1, 2, 3, 4],
		start: '08:00',
		end: '17:00',
		roleGroup: 'front-desk',
		minimum: 1
	};
}

/**
 * A requirement as the person set it up: the same hours, group and number on several weekdays.
 * It is stored as one record per day; `ids` are those records, in weekday order.
 */
export interface CoverageGroup {
	ids: string[];
	weekdays: number[];
	start: string;
	end: string;
	roleGroup: RoleGroup;
	minimum: number;
}

/** Requirements gathered into groups, by role group then start time. */
export function coverageGroups(requirements: readonly CoverageRequirement[]): CoverageGroup[] {
	const groups = new Map<string, CoverageGroup>();
	const sorted = [...requirements].sort((a, b) => a.weekday - b.weekday);
	for (const { id, weekday, start, end, roleGroup, minimum } of sorted) {
		const key = `${roleGroup}|${start}|${end}|${minimum}`;
		const group = groups.get(key);
		if (group) {
			group.ids.push(id);
			group.weekdays.push(weekday);
		} else groups.set(key, { ids: [id], weekdays: [weekday], start, end, roleGroup, minimum });
	}
	const order = (g: CoverageGroup) => ROLE_GROUPS.indexOf(g.roleGroup);
	return [...groups.values()].sort(
		(a, b) => order(a) - order(b) || a.start.localeCompare(b.start) || a.end.localeCompare(b.end)
	);
}

/** "Mon–Fri", "Mon, Wed, Fri", "Every day". */
export function daysText(weekdays: readonly number[]): string {
	if (weekdays.length === 7) return 'Every day';
	const short = (d: number) => WEEKDAY_NAMES[d].slice(0, 3);
	const runs: number[][] = [];
	for (const day of weekdays) {
		const run = runs.at(-1);
		if (run && run.at(-1) === day - 1) run.push(day);
		else runs.push([day]);
	}
	return runs
		.map((run) =>
			run.length >= 3 ? `${short(run[0])}–${short(run.at(-1)!)}` : run.map(short).join(', ')
		)
		.join(', ');
}

/** The form of a stored group. */
export function coverageForm(group: CoverageGroup): CoverageFormValues {
	const { weekdays, start, end, roleGroup, minimum } = group;
	return { weekdays: [...weekdays], start, end, roleGroup, minimum };
}

/** What saveCoverageDays takes (a cleared number field binds as null). */
export function coverageInput(form: CoverageFormValues) {
	return { ...form, minimum: Number(form.minimum ?? 0) };
}

/** Paid hours of a template as the list shows it: "8h, 30 min break". */
export function templateLength(template: Pick<ShiftTemplate, 'start' | 'end' | 'breakMinutes'>) {
	const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
	const span = (toMinutes(template.end) - toMinutes(template.start) + 1440) % 1440 || 1440;
	const hours = Math.round(((span - template.breakMinutes) / 60) * 100) / 100;
	const rest = template.breakMinutes ? `, ${template.breakMinutes} min break` : '';
	return `${hours} h paid${rest}`;
}
