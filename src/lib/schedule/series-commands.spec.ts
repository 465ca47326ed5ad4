import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { changeFlow, moveAppointment } from './appointment-commands';
import { appointmentsBetween, scheduleSetup } from './queries';
import { cancelSeries, changeSeries, createSeries, topUpSeries } from './series-commands';
import { occurrenceId } from './series-rules';
import { createScheduleOffice, NEW_YORK, scheduleIds } from './test-support/schedule-office';
import { instantToWallTime } from './zoned-time';

let office: AreaOffice;
let ids: ReturnType<typeof scheduleIds>;
beforeEach(async () => {
	office = await createScheduleOffice();
	ids = scheduleIds();
});
afterEach(() => office.dispose());

// The test office's clock says 2026-03-15; the series starts before the 8 March DST change.
const weeklyTuesdays = (extra: Record<string, unknown> = {}) => ({
	patientId: ids.patient1,
	providerId: ids.providerA,
	typeId: ids.type,
	startDate: '2026-02-24',
	time: '09:00',
	minutes: 45,
	recurrence: { frequency: 'weekly' as const, interval: 1, weekdays: [1], count: 12 },
	...extra
});

const visits = () => appointmentsBetween(office.workspace, '2026-01-01', '2026-12-31', NEW_YORK);
const localTimes = async () =>
	(await visits()).map((a) => {
		const wall = instantToWallTime(a.start, NEW_YORK);
		return `${wall.date} ${wall.time}`;
	});

describe('recurring series', () => {
	it('puts every visit on the schedule at 09:00 local, before and after daylight saving', async () => {
		const { count } = await office.run(createSeries(NEW_YORK), weeklyTuesdays());
		expect(count).toBe(12);
		const times = await localTimes();
		expect(times).toHaveLength(12);
		expect(new Set(times.map((t) => t.slice(11)))).toEqual(new Set(['09:00']));
		expect(times[0]).toBe('2026-02-24 09:00');
		expect(times.at(-1)).toBe('2026-05-12 09:00');
	});

	it('refuses a first date the series does not repeat on', async () => {
		await expect(
			office.run(createSeries(NEW_YORK), weeklyTuesdays({ startDate: '2026-02-25' }))
		).rejects.toMatchObject({
			fields: { startDate: 'The first date must be one the series repeats on.' }
		});
	});

	it('changes this and following visits, leaving earlier ones and a visit moved on its own', async () => {
		const { id } = await office.run(createSeries(NEW_YORK), weeklyTuesdays());
		const moved = (await visits()).find((a) => a.occurrenceDate === '2026-04-14')!;
		await office.run(moveAppointment(NEW_YORK), {
			id: moved.id,
			home: moved.home,
			start: '2026-04-15T14:00:00Z',
			end: '2026-04-15T14:45:00Z'
		});

		const next = await office.run(changeSeries(NEW_YORK), {
			id,
			scope: 'following',
			from: '2026-04-07',
			change: { time: '10:30' }
		});
		const times = await localTimes();
		expect(times).toHaveLength(12);
		expect(times.filter((t) => t < '2026-04-07')).toEqual(
			times.filter((t) => t.endsWith('09:00') && t < '2026-04-07')
		);
		expect(times).toContain('2026-04-07 10:30');
		expect(times).toContain('2026-04-15 10:00'); // the detached visit stays where it was put
		expect(times.at(-1)).toBe('2026-05-12 10:30');

		const setup = await scheduleSetup(office.workspace);
		expect(setup.series.get(id)?.recurrence.count).toBe(6);
		expect(setup.series.get(next)?.recurrence.count).toBe(6);
	});

	it('changes all visits from today on, keeping the past as it happened', async () => {
		const { id } = await office.run(createSeries(NEW_YORK), weeklyTuesdays());
		await office.run(changeSeries(NEW_YORK), {
			id,
			scope: 'all',
			from: '2026-02-24',
			change: { time: '08:00' }
		});
		const times = await localTimes();
		expect(times.filter((t) => t < '2026-03-15').every((t) => t.endsWith('09:00'))).toBe(true);
		expect(times.filter((t) => t > '2026-03-15').every((t) => t.endsWith('08:00'))).toBe(true);
		expect(times).toHaveLength(12);
	});

	it('keeps a visit already checked in when the series drops it', async () => {
		const { id } = await office.run(createSeries(NEW_YORK), weeklyTuesdays());
		const visit = (await visits()).find((a) => a.occurrenceDate === '2026-03-17')!;
		await office.run(changeFlow, { id: visit.id, home: visit.home, change: { to: 'arrived' } });
		await office.run(changeSeries(NEW_YORK), {
			id,
			scope: 'following',
			from: '2026-03-17',
			change: { recurrence: { frequency: 'weekly', interval: 1, weekdays: [3], count: 9 } }
		});
		const after = await visits();
		expect(after.find((a) => a.id === visit.id)?.flow.status).toBe('arrived');
		expect(after.some((a) => a.occurrenceDate === '2026-03-19')).toBe(true);
	});

	it('cancels the rest of a series with the reason on each visit', async () => {
		const { id } = await office.run(createSeries(NEW_YORK), weeklyTuesdays());
		await office.run(cancelSeries, { id, from: '2026-04-21', reason: 'Therapy finished early' });
		const cancelled = (await visits()).filter((a) => a.flow.status === 'cancelled');
		expect(cancelled.map((a) => a.occurrenceDate)).toEqual([
			'2026-04-21',
			'2026-04-28',
			'2026-05-05',
			'2026-05-12'
		]);
		expect(cancelled[0].flow.reason).toBe('Therapy finished early');
	});

	it('fills an open-ended series a year ahead, and topping up twice adds nothing twice', async () => {
		const open = weeklyTuesdays({
			recurrence: { frequency: 'weekly', interval: 2, weekdays: [1] }
		});
		const { id, count } = await office.run(createSeries(NEW_YORK), open);
		expect(count).toBe(28); // every other Tuesday from 24 Feb 2026 to 15 March 2027, a year after today
		expect(await office.run(topUpSeries(NEW_YORK), { series: [id] })).toBe(0);
		const all = await appointmentsBetween(office.workspace, '2026-01-01', '2027-12-31', NEW_YORK);
		expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
	});
});

describe('occurrence ids', () => {
	it('are ULID-shaped, stable, and differ by date and series', () => {
		const series = '01JDQ8ZK3M4N5P6Q7R8S9T0V1W';
		const id = occurrenceId(series, '2026-11-30');
		expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
		expect(occurrenceId(series, '2026-11-30')).toBe(id);
		expect(occurrenceId(series, '2026-12-01')).not.toBe(id);
		expect(occurrenceId('01JDQ8ZK3M4N5P6Q7R8S9T0V1X', '2026-11-30')).not.toBe(id);
	});
});
