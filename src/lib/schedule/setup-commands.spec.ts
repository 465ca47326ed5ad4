import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { templateOn, workingMinutes } from './availability-rules';
import { activeTypes, availabilityRules, scheduleSetup } from './queries';
import {
	addHoliday,
	createAppointmentType,
	removeDayChange,
	removeHoliday,
	saveAvailabilityTemplate,
	saveDayChange,
	setAppointmentTypeActive,
	updateAppointmentType
} from './setup-commands';
import { createScheduleOffice, scheduleIds } from './test-support/schedule-office';

let office: AreaOffice;
let ids: ReturnType<typeof scheduleIds>;
beforeEach(async () => {
	office = await createScheduleOffice();
	ids = scheduleIds();
});
afterEach(() => office.dispose());

const setup = () => scheduleSetup(office.workspace);
const weekdays = (start: string, end: string) =>
	[0, 1, 2, 3, 4].map((weekday) => ({ weekday, start, end }));

describe('appointment types', () => {
	it('adds, edits, deactivates and reactivates a type', async () => {
		const id = await office.run(createAppointmentType, {
			name: 'Annual physical',
			minutes: 45,
			colour: 'green',
			prep: ['Gown', 'Urine cup']
		});
		await office.run(updateAppointmentType, {
			id,
			name: 'Annual physical',
			minutes: 60,
			roomNeed: 'exam',
			patientKind: 'established',
			prep: ['Gown']
		});
		expect((await setup()).types.get(id)).toMatchObject({
			minutes: 60,
			colour: 'blue',
			patientKind: 'established',
			prep: ['Gown'],
			active: true
		});
		await office.run(setAppointmentTypeActive, { id, active: false });
		expect(activeTypes(await setup())).toEqual([]);
		await office.run(setAppointmentTypeActive, { id, active: true });
		expect(activeTypes(await setup()).map((t) => t.name)).toEqual(['Annual physical']);
	});

	it.each([
		[{ name: ' ' }, 'name', 'Enter a name, e.g. “Annual physical”.'],
		[{ minutes: 7 }, 'minutes', 'The length must be a multiple of 5 minutes.'],
		[{ minutes: 0 }, 'minutes', 'The length must be at least 5 minutes.'],
		[{ prep: ['x'.repeat(81)] }, 'prep.0', 'A checklist line can be at most 80 characters.']
	])('refuses %o with a message on the field', async (change, field, message) => {
		const input = { name: 'Follow-up', minutes: 15, ...change };
		await expect(office.run(createAppointmentType, input)).rejects.toMatchObject({
			fields: { [field]: message }
		});
	});

	it('says so when the type is gone', async () => {
		await expect(
			office.run(setAppointmentTypeActive, { id: ids.type, active: false })
		).rejects.toThrow('That appointment type no longer exists.');
	});
});

describe('availability', () => {
	const template = (effectiveFrom: string, end: string) => ({
		providerId: ids.providerA,
		effectiveFrom,
		hours: weekdays('08:00', end)
	});

	it('ends the template in force the day before a new one starts, and replaces one of the same day', async () => {
		const first = await office.run(saveAvailabilityTemplate, template('2026-01-01', '17:00'));
		await office.run(saveAvailabilityTemplate, template('2026-12-01', '12:00'));
		const replacing = await office.run(saveAvailabilityTemplate, template('2026-12-01', '13:00'));
		const tables = await setup();
		expect(tables.templates.get(first)?.effectiveTo).toBe('2026-11-30');
		expect(tables.templates.size).toBe(2);
		const rules = availabilityRules(tables);
		expect(templateOn(rules.templates, ids.providerA, '2026-12-07')).toMatchObject({
			id: replacing
		});
		expect(workingMinutes(rules, ids.providerA, '2026-11-30')).toEqual([{ start: 480, end: 1020 }]);
		expect(workingMinutes(rules, ids.providerA, '2026-12-07')).toEqual([{ start: 480, end: 780 }]);
	});

	it('refuses a span that ends before it starts, naming the span', async () => {
		await expect(
			office.run(saveAvailabilityTemplate, {
				providerId: ids.providerA,
				effectiveFrom: '2026-12-01',
				hours: [{ weekday: 0, start: '12:00', end: '08:00' }]
			})
		).rejects.toMatchObject({ fields: { 'hours.0.end': 'The end must be after the start.' } });
	});

	it('changes one day, replaces that change, and removes it again', async () => {
		await office.run(saveAvailabilityTemplate, template('2026-01-01', '17:00'));
		const change = { providerId: ids.providerA, date: '2026-12-07', reason: 'Late start' };
		const id = await office.run(saveDayChange, {
			...change,
			hours: [{ start: '10:00', end: '17:00' }]
		});
		const again = await office.run(saveDayChange, {
			...change,
			hours: [{ start: '11:00', end: '17:00' }]
		});
		expect(again).toBe(id);
		const rules = availabilityRules(await setup());
		expect(workingMinutes(rules, ids.providerA, '2026-12-07')).toEqual([{ start: 660, end: 1020 }]);
		await office.run(removeDayChange, { id });
		const after = availabilityRules(await setup());
		expect(workingMinutes(after, ids.providerA, '2026-12-07')).toEqual([{ start: 480, end: 1020 }]);
	});

	it('closes the office on a holiday and opens it when the holiday is removed', async () => {
		await office.run(saveAvailabilityTemplate, template('2026-01-01', '17:00'));
		const id = await office.run(addHoliday, { date: '2026-12-25', label: 'Christmas Day' });
		expect(workingMinutes(availabilityRules(await setup()), ids.providerA, '2026-12-25')).toEqual(
			[]
		);
		await office.run(removeHoliday, { id });
		expect(
			workingMinutes(availabilityRules(await setup()), ids.providerA, '2026-12-25')
		).toHaveLength(1);
		await expect(office.run(addHoliday, { date: '2026-02-30', label: 'x' })).rejects.toMatchObject({
			fields: { date: 'That date is not on the calendar.' }
		});
	});
});
