/**
 * The demo office's staff rota: shift templates per role group, weekday coverage requirements,
 * shifts from last week to two weeks ahead, one approved day off for a provider (their calendar
 * is empty that day) and one request still waiting. This week's Tuesday has the late front-desk
 * person off, so the rota opens with a coverage gap to show.
 */
import { demoId, seededRandom } from './demo-random';
import { providerDayOff, type DemoPeople } from './demo';
import { mondayOf, roleGroupOf } from './rota-rules';
import type { CoverageRequirement, RoleGroup, Shift, ShiftTemplate, TimeOff } from './rota-schema';
import { addDays } from './zoned-time';

export interface DemoRota {
	templates: ShiftTemplate[];
	coverage: CoverageRequirement[];
	timeOff: TimeOff[];
	shifts: Shift[];
}

const TEMPLATES: [string, string, string, RoleGroup, ShiftTemplate['colour'], number][] = [
	['Front desk early', '07:30', '16:00', 'front-desk', 'blue', 30],
	['Front desk late', '09:30', '18:00', 'front-desk', 'teal', 30],
	['Clinical day', '07:45', '16:45', 'clinical', 'green', 60],
	['Clinic', '08:00', '17:00', 'provider', 'purple', 60],
	['Billing day', '08:30', '17:00', 'billing', 'yellow', 30],
	['Manager day', '08:00', '16:30', 'manager', 'orange', 30]
];

const COVERAGE: [string, string, RoleGroup, number][] = [
	['07:30', '18:00', 'front-desk', 1],
	['09:30', '16:00', 'front-desk', 2],
	['08:00', '16:45', 'clinical', 2],
	['08:00', '17:00', 'provider', 2]
];

/** The demo rota for the weeks around `today`; `now` stamps the records. */
export function demoRota(people: DemoPeople, today: string, now: Date, seed = 20261201): DemoRota {
	const random = seededRandom(seed);
	const stamp = now.getTime();
	const at = now.toISOString();
	const manager = people.staff.find((s) => s.role === 'office-manager')?.id ?? people.staff[0].id;
	const templates: ShiftTemplate[] = TEMPLATES.map(
		([name, start, end, roleGroup, colour, breakMinutes]) => ({
			id: demoId(random, stamp),
			name,
			start,
			end,
			roleGroup,
			colour,
			breakMinutes,
			active: true
		})
	);
	const byGroup = (group: RoleGroup) => templates.filter((t) => t.roleGroup === group);
	const coverage: CoverageRequirement[] = [0, 1, 2, 3, 4].flatMap((weekday) =>
		COVERAGE.map(([start, end, roleGroup, minimum]) => ({
			id: demoId(random, stamp),
			weekday,
			start,
			end,
			roleGroup,
			minimum
		}))
	);
	const dayOff = providerDayOff(people, today);
	const thisMonday = mondayOf(today);
	const waiting = people.staff.find((s) => s.role === 'medical-assistant');
	const timeOff: TimeOff[] = [
		{
			id: demoId(random, stamp),
			staffId: dayOff.staffId,
			from: dayOff.date,
			to: dayOff.date,
			start: '',
			end: '',
			reason: 'Conference',
			status: 'approved',
			requestedBy: dayOff.staffId,
			requestedAt: at,
			decidedBy: manager,
			decidedAt: at,
			decisionNote: ''
		}
	];
	if (waiting) {
		timeOff.push({
			id: demoId(random, stamp),
			staffId: waiting.id,
			from: addDays(thisMonday, 16),
			to: addDays(thisMonday, 17),
			start: '',
			end: '',
			reason: 'Family wedding',
			status: 'requested',
			requestedBy: waiting.id,
			requestedAt: at,
			decidedBy: '',
			decidedAt: '',
			decisionNote: ''
		});
	}
	const shifts: Shift[] = [];
	const frontDesk = people.staff.filter((s) => s.role === 'front-desk');
	for (let week = -1; week <= 2; week++) {
		const monday = addDays(thisMonday, week * 7);
		for (let weekday = 0; weekday < 5; weekday++) {
			const date = addDays(monday, weekday);
			for (const [n, person] of people.staff.entries()) {
				const group = roleGroupOf(person.role);
				if (dayOff.staffId === person.id && dayOff.date === date) continue;
				// The late front-desk person is off this Tuesday: the gap the rota shows.
				const desk = frontDesk.indexOf(person);
				if (desk === 2 && week === 0 && weekday === 1) continue;
				const options = byGroup(group);
				const template = group === 'front-desk' ? options[desk === 2 ? 1 : 0] : options[0];
				if (!template || (group === 'provider' && weekday === 4 && n % 3 === 2)) continue;
				shifts.push({
					id: demoId(random, stamp),
					staffId: person.id,
					date,
					start: template.start,
					end: template.end,
					roleGroup: group,
					templateId: template.id,
					breakMinutes: template.breakMinutes,
					note: '',
					assignedBy: manager,
					assignedAt: at
				});
			}
		}
	}
	return { templates, coverage, timeOff, shifts };
}
