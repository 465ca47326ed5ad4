import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { demoSchedule, providerDayOff, type DemoPeople } from './demo';
import { importSchedule } from './demo-import';
import { demoRota } from './demo-rota';
import { appointmentsBetween, scheduleSetup, unresolvedConflicts } from './queries';
import { importRota } from './rota-import';
import { rotaMonths, rotaSetup, rotaWeek, shiftTables, timeOffOn } from './rota-queries';
import { mondayOf } from './rota-rules';
import { appointmentSchema } from './schema';
import { createScheduleOffice } from './test-support/schedule-office';
import { addDays } from './zoned-time';

const CHICAGO = 'America/Chicago';
const NOW = new Date('2026-11-18T17:00:00.000Z'); // 11:00 in Chicago, a Wednesday
const TODAY = '2026-11-18';
const ROLES = [
	...Array.from({ length: 4 }, () => 'physician'),
	'nurse-practitioner',
	'nurse-practitioner',
	'physician-assistant',
	'registered-nurse',
	...Array.from({ length: 3 }, () => 'medical-assistant'),
	...Array.from({ length: 3 }, () => 'front-desk'),
	'billing',
	'office-manager'
] as string[];
const people: DemoPeople = {
	staff: ROLES.map((role) => ({ id: ulid(), role })),
	patientIds: Array.from({ length: 2000 }, () => ulid()),
	rooms: [
		...Array.from({ length: 8 }, (_, n) => ({ id: ulid(), kind: 'exam', name: `Exam ${n + 1}` })),
		{ id: ulid(), kind: 'procedure', name: 'Procedure 1' },
		{ id: ulid(), kind: 'procedure', name: 'Procedure 2' }
	]
};

describe('demoSchedule', () => {
	const demo = demoSchedule(people, TODAY, CHICAGO, NOW);

	it('fills eight weeks around today: the past done or missed, today in flow, the future booked', () => {
		const valid = demo.appointments.filter((a) => appointmentSchema.safeParse(a).success);
		expect(valid).toHaveLength(demo.appointments.length);
		expect(demo.appointments.length).toBeGreaterThan(2500);
		const past = demo.appointments.filter((a) => a.end < '2026-11-17');
		const future = demo.appointments.filter((a) => a.start > '2026-11-20');
		const statuses = (list: typeof past) => new Set(list.map((a) => a.flow.status));
		expect(statuses(past)).toEqual(new Set(['done', 'no-show', 'cancelled']));
		expect([...statuses(future)].sort()).toEqual(['cancelled', 'scheduled']);
		const today = demo.appointments.filter((a) => a.start.startsWith('2026-11-18'));
		for (const step of ['done', 'scheduled']) expect(statuses(today).has(step as never)).toBe(true);
		const inFlow = ['arrived', 'roomed', 'with-provider', 'checkout'].filter((step) =>
			statuses(today).has(step as never)
		);
		expect(inFlow.length).toBeGreaterThanOrEqual(2);
		const first = demo.appointments.reduce((a, b) => (a.start < b.start ? a : b)).start;
		const last = demo.appointments.reduce((a, b) => (a.start > b.start ? a : b)).start;
		expect(first >= '2026-10-21').toBe(true);
		expect(last < '2026-12-17').toBe(true);
	});

	it('books recurring series as occurrences, closes the holiday, and keeps the provider’s day off free', () => {
		expect(demo.series.length).toBeGreaterThan(2);
		for (const series of demo.series) {
			const visits = demo.appointments.filter((a) => a.seriesId === series.id);
			expect(visits.length).toBeGreaterThanOrEqual(3);
			expect(
				visits.every((a) => a.occurrenceDate !== '' && a.providerId === series.providerId)
			).toBe(true);
		}
		const holiday = demo.holidays[0].date;
		expect(demo.appointments.some((a) => a.start.startsWith(holiday))).toBe(false);
		const off = providerDayOff(people, TODAY);
		expect(
			demo.appointments.some((a) => a.providerId === off.staffId && a.start.startsWith(off.date))
		).toBe(false);
	});

	it('gives the same schedule for the same seed', () => {
		expect(demoSchedule(people, TODAY, CHICAGO, NOW)).toEqual(demo);
	});
});

describe('importing the demo', () => {
	let office: AreaOffice;
	beforeEach(async () => {
		office = await createScheduleOffice();
	});
	afterEach(() => office.dispose());

	it('stores it quickly, without double bookings, with a rota showing hours, a gap and time off', async () => {
		const started = performance.now();
		const demo = demoSchedule(people, TODAY, CHICAGO, NOW);
		const rota = demoRota(people, TODAY, NOW);
		const count = await office.run(importSchedule(CHICAGO), demo);
		await office.run(importRota, rota);
		const elapsed = performance.now() - started;
		expect(count).toBe(demo.appointments.length);
		expect(elapsed).toBeLessThan(15_000);

		const setup = await scheduleSetup(office.workspace);
		const weeks = await appointmentsBetween(
			office.workspace,
			addDays(TODAY, -28),
			addDays(TODAY, 28),
			CHICAGO
		);
		expect(weeks).toHaveLength(demo.appointments.length);
		expect(unresolvedConflicts(weeks, setup)).toEqual([]);

		const monday = mondayOf(TODAY);
		const rotaTables = await rotaSetup(office.workspace);
		const week = rotaWeek(
			rotaTables,
			await shiftTables(office.workspace, rotaMonths(monday)),
			monday,
			CHICAGO
		);
		expect(week.minutes.get(people.staff[0].id)).toBeGreaterThan(0);
		expect(week.gaps.length).toBeGreaterThan(0);
		const off = providerDayOff(people, TODAY);
		expect(timeOffOn(rotaTables, off.staffId, off.date)).toEqual([{ start: 0, end: 1440 }]);
	});
});
