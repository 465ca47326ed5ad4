import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import {
	acceptConflict,
	bookAppointment,
	changeFlow,
	moveAppointment,
	updateAppointmentDetails
} from './appointment-commands';
import { pairKey } from './conflict-rules';
import { appointmentsBetween, scheduleSetup, unresolvedConflicts } from './queries';
import { createScheduleOffice, NEW_YORK, scheduleIds } from './test-support/schedule-office';

const book = bookAppointment(NEW_YORK);
const move = moveAppointment(NEW_YORK);

let office: AreaOffice;
let ids: ReturnType<typeof scheduleIds>;
beforeEach(async () => {
	office = await createScheduleOffice();
	ids = scheduleIds();
});
afterEach(() => office.dispose());

const visit = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
	patientId: ids.patient1,
	providerId: ids.providerA,
	typeId: ids.type,
	start,
	end,
	...extra
});

describe('booking', () => {
	it('files an appointment in the month of its local start and lists it for that day', async () => {
		// 23:30 on 30 November in New York is already December in UTC.
		const { id, home } = await office.run(
			book,
			visit('2026-12-01T04:30:00Z', '2026-12-01T05:00:00Z')
		);
		expect(home).toBe('2026-11');
		const day = await appointmentsBetween(office.workspace, '2026-11-30', '2026-11-30', NEW_YORK);
		expect(day.map((a) => [a.id, a.home, a.flow.status])).toEqual([[id, '2026-11', 'scheduled']]);
	});

	it.each([
		[{ end: '2026-11-30T14:00:00Z' }, 'end', 'The end must be after the start.'],
		[{ end: '2026-12-01T03:00:00Z' }, 'end', 'An appointment can be at most 12 hours.'],
		[{ patientId: '' }, 'patientId', 'Choose the patient.'],
		[{ start: 'Monday 9am' }, 'start', 'Choose the start time.']
	])('refuses %o with a message on the field', async (change, field, message) => {
		const input = { ...visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z'), ...change };
		await expect(office.run(book, input)).rejects.toMatchObject({ fields: { [field]: message } });
	});

	it('remembers a double booking the person chose to keep', async () => {
		const first = await office.run(book, visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z'));
		const second = await office.run(book, {
			...visit('2026-11-30T14:15:00Z', '2026-11-30T14:45:00Z', { patientId: ids.patient2 }),
			acceptWith: [first.id]
		});
		const setup = await scheduleSetup(office.workspace);
		const day = await appointmentsBetween(office.workspace, '2026-11-30', '2026-11-30', NEW_YORK);
		expect(setup.accepted.get(pairKey(first.id, second.id))).toBeDefined();
		expect(unresolvedConflicts(day, setup)).toEqual([]);
	});
});

describe('moving', () => {
	it('moves an appointment into the next month and it shows there, edits still in its home', async () => {
		const { id, home } = await office.run(
			book,
			visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z')
		);
		await office.run(move, {
			id,
			home,
			start: '2026-12-02T15:00:00Z',
			end: '2026-12-02T15:45:00Z'
		});
		await office.run(updateAppointmentDetails, { id, home, note: 'Bring inhaler' });

		expect(
			await appointmentsBetween(office.workspace, '2026-11-30', '2026-11-30', NEW_YORK)
		).toEqual([]);
		const december = await appointmentsBetween(
			office.workspace,
			'2026-12-02',
			'2026-12-02',
			NEW_YORK
		);
		expect(december).toHaveLength(1);
		expect(december[0]).toMatchObject({
			id,
			home: '2026-11',
			note: 'Bring inhaler',
			end: '2026-12-02T15:45:00.000Z'
		});
	});

	it('will not move a visit that has started', async () => {
		const { id, home } = await office.run(
			book,
			visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z')
		);
		await office.run(changeFlow, { id, home, change: { to: 'arrived' } });
		await expect(
			office.run(move, { id, home, start: '2026-11-30T15:00:00Z', end: '2026-11-30T15:30:00Z' })
		).rejects.toThrow('Only a visit that has not started can be moved.');
	});

	it('says so when the appointment is gone', async () => {
		await expect(
			office.run(move, {
				id: ids.type,
				home: '2026-11',
				start: '2026-11-30T15:00:00Z',
				end: '2026-11-30T15:30:00Z'
			})
		).rejects.toThrow('That appointment no longer exists.');
	});
});

describe('patient flow and conflicts', () => {
	it('stamps each step and refuses a skipped one with its message', async () => {
		const { id, home } = await office.run(
			book,
			visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z')
		);
		await office.run(changeFlow, { id, home, change: { to: 'arrived' } });
		await office.run(changeFlow, { id, home, change: { to: 'roomed', roomId: ids.room } });
		await expect(office.run(changeFlow, { id, home, change: { to: 'done' } })).rejects.toThrow(
			'A visit goes from roomed to with provider.'
		);
		const [seen] = await appointmentsBetween(
			office.workspace,
			'2026-11-30',
			'2026-11-30',
			NEW_YORK
		);
		expect(seen.flow).toMatchObject({ status: 'roomed', roomId: ids.room });
		expect(Object.keys(seen.flow.stamps).sort()).toEqual(['arrived', 'roomed', 'scheduled']);
	});

	it('lists a clash until someone keeps it, and a cancellation frees the slot', async () => {
		const a = await office.run(book, visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z'));
		const b = await office.run(
			book,
			visit('2026-11-30T14:00:00Z', '2026-11-30T14:30:00Z', { roomId: ids.room })
		);
		const c = await office.run(
			book,
			visit('2026-11-30T14:10:00Z', '2026-11-30T14:20:00Z', {
				providerId: ids.providerB,
				roomId: ids.room,
				patientId: ids.patient2
			})
		);
		const setup = await scheduleSetup(office.workspace);
		const day = () => appointmentsBetween(office.workspace, '2026-11-30', '2026-11-30', NEW_YORK);
		expect(
			unresolvedConflicts(await day(), setup)
				.map((x) => x.kind)
				.sort()
		).toEqual(['patient', 'provider', 'room']);

		await office.run(acceptConflict, { pair: pairKey(a.id, b.id) });
		expect(unresolvedConflicts(await day(), setup).map((x) => x.kind)).toEqual(['room']);

		await office.run(changeFlow, {
			id: c.id,
			home: c.home,
			change: { to: 'cancelled', reason: 'Patient called' }
		});
		expect(unresolvedConflicts(await day(), setup)).toEqual([]);
	});
});
