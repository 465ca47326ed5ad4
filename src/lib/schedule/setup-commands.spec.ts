import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecord, writeRecord } from '$lib/core/documents/records';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { templateOn, workingMinutes } from './availability-rules';
import { SCHEDULE_DOCUMENT, holidaysCollection } from './collections';
import { activeTypes, availabilityRules, inForce, removedFrom, scheduleSetup } from './queries';
import {
	addHoliday,
	createAppointmentType,
	removeDayChange,
	removeHoliday,
	restoreDayChange,
	restoreHoliday,
	saveAvailabilityTemplate,
	saveDayChange,
	setAppointmentTypeActive,
	updateAppointmentType
} from './setup-commands';
import {
	TEST_NOW,
	TEST_PERIOD,
	createScheduleOffice,
	scheduleIds
} from './test-support/schedule-office';

let office: AreaOffice;
let ids: ReturnType<typeof scheduleIds>;
beforeEach(async () => {
	office = await createScheduleOffice();
	ids = scheduleIds();
});
afterEach(() => office.dispose());

const setup = () => scheduleSetup(office.workspace);
const actor = () => office.workspace.commandContext().actor;
const removedNow = () => ({ removedAt: TEST_NOW.toISOString(), removedBy: actor() });
/** The audit entries about one record: [action, detail]. */
const auditOf = async (target: string) =>
	(await office.workspace.audit.entries(TEST_PERIOD))
		.filter((entry) => entry.target === target)
		.map((entry) => [entry.action, entry.detail]);
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
		expect(inForce(tables.templates).map((t) => t.id)).toEqual([first, replacing]);
		const rules = availabilityRules(tables);
		expect(templateOn(rules.templates, ids.providerA, '2026-12-07')).toMatchObject({
			id: replacing
		});
		expect(workingMinutes(rules, ids.providerA, '2026-11-30')).toEqual([{ start: 480, end: 1020 }]);
		expect(workingMinutes(rules, ids.providerA, '2026-12-07')).toEqual([{ start: 480, end: 780 }]);
	});

	it('keeps the replaced template of the same day, marked removed and no longer used', async () => {
		const replaced = await office.run(saveAvailabilityTemplate, template('2026-12-01', '12:00'));
		const replacing = await office.run(saveAvailabilityTemplate, template('2026-12-01', '13:00'));
		const tables = await setup();
		expect(tables.templates.get(replaced)).toMatchObject({
			effectiveFrom: '2026-12-01',
			hours: weekdays('08:00', '12:00'),
			...removedNow()
		});
		expect(tables.templates.get(replacing)?.removedAt).toBeUndefined();
		const rules = availabilityRules(tables);
		expect(rules.templates).toEqual([tables.templates.get(replacing)]);
		expect(workingMinutes(rules, ids.providerA, '2026-12-07')).toEqual([{ start: 480, end: 780 }]);
		// A later save of that day leaves the removed one as it was.
		await office.run(saveAvailabilityTemplate, template('2026-12-01', '14:00'));
		expect(removedFrom((await setup()).templates).map((t) => t.id)).toEqual([replaced, replacing]);
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

	it('marks a removed day change and clears the mark on restore, auditing both', async () => {
		await office.run(saveAvailabilityTemplate, template('2026-01-01', '17:00'));
		const id = await office.run(saveDayChange, {
			providerId: ids.providerA,
			date: '2026-12-07',
			hours: [],
			reason: 'Course'
		});
		await office.run(removeDayChange, { id });
		let tables = await setup();
		expect(tables.dayChanges.get(id)).toMatchObject({ reason: 'Course', ...removedNow() });
		expect(removedFrom(tables.dayChanges).map((c) => c.id)).toEqual([id]);
		expect(inForce(tables.dayChanges)).toEqual([]);

		await office.run(restoreDayChange, { id });
		tables = await setup();
		expect(tables.dayChanges.get(id)).not.toHaveProperty('removedAt');
		expect(tables.dayChanges.get(id)).not.toHaveProperty('removedBy');
		expect(workingMinutes(availabilityRules(tables), ids.providerA, '2026-12-07')).toEqual([]);
		expect(await auditOf(`schedule/dayChanges/${id}`)).toEqual([
			['update', `Day changed for directory/staff/${ids.providerA}`],
			['remove', 'Day change removed'],
			['restore', 'Day change restored']
		]);
	});

	it('brings back the removed change of a date when that day is changed again', async () => {
		const change = { providerId: ids.providerA, date: '2026-12-07', reason: '' };
		const id = await office.run(saveDayChange, { ...change, hours: [] });
		await office.run(removeDayChange, { id });
		const again = await office.run(saveDayChange, {
			...change,
			hours: [{ start: '10:00', end: '12:00' }]
		});
		expect(again).toBe(id);
		const tables = await setup();
		expect(tables.dayChanges.size).toBe(1);
		expect(inForce(tables.dayChanges)).toMatchObject([{ id, hours: [{ start: '10:00' }] }]);
	});

	it('will not restore a day change over another change of the same day', async () => {
		const change = { providerId: ids.providerA, date: '2026-12-07', reason: '', hours: [] };
		const first = await office.run(saveDayChange, change);
		await office.run(removeDayChange, { id: first });
		// Another device saved that day before it saw the removal: two records, one removed.
		const other = await office.workspace.documents.open(SCHEDULE_DOCUMENT);
		const second = ulid();
		other.transact((doc) =>
			writeRecord(doc, 'dayChanges', second, { ...change, id: second, reason: 'Again' })
		);
		await expect(office.run(restoreDayChange, { id: first })).rejects.toThrow(
			'That day has another change now. Remove it first to restore this one.'
		);
		await office.run(removeDayChange, { id: second });
		await office.run(restoreDayChange, { id: first });
		expect(inForce((await setup()).dayChanges).map((c) => c.id)).toEqual([first]);
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

	it('keeps a removed holiday, marked, and restores it, auditing ids only', async () => {
		await office.run(saveAvailabilityTemplate, template('2026-01-01', '17:00'));
		const id = await office.run(addHoliday, { date: '2026-12-25', label: 'Christmas Day' });
		await office.run(removeHoliday, { id });
		await office.run(removeHoliday, { id });
		let tables = await setup();
		expect(tables.holidays.get(id)).toEqual({
			id,
			date: '2026-12-25',
			label: 'Christmas Day',
			...removedNow()
		});
		expect(availabilityRules(tables).holidays).toEqual([]);

		await office.run(restoreHoliday, { id });
		tables = await setup();
		expect(tables.holidays.get(id)).toEqual({ id, date: '2026-12-25', label: 'Christmas Day' });
		expect(workingMinutes(availabilityRules(tables), ids.providerA, '2026-12-25')).toEqual([]);
		const audit = await auditOf(`schedule/holidays/${id}`);
		expect(audit.map(([action]) => action)).toEqual(['create', 'remove', 'remove', 'restore']);
		expect(audit.flat().join(' ')).not.toContain('Christmas');
	});

	it('says so when the holiday to restore is gone', async () => {
		await expect(office.run(restoreHoliday, { id: ids.type })).rejects.toThrow(
			'That holiday no longer exists.'
		);
	});
});

describe('removal on two devices', () => {
	it('keeps an edit made offline to a holiday another device removed', async () => {
		const id = await office.run(addHoliday, { date: '2026-12-25', label: 'Christmas' });
		const document = await office.workspace.documents.open(SCHEDULE_DOCUMENT);
		const before = Y.encodeStateAsUpdate(document.doc);

		// Another device, offline, renames the holiday it has.
		const other = new Y.Doc();
		Y.applyUpdate(other, before);
		other.transact(() =>
			writeRecord(other, holidaysCollection.collection, id, { label: 'Christmas Day' })
		);

		// This device removes it meanwhile.
		await office.run(removeHoliday, { id });

		// Both updates reach a third device, in either order.
		for (const updates of [
			[Y.encodeStateAsUpdate(document.doc), Y.encodeStateAsUpdate(other)],
			[Y.encodeStateAsUpdate(other), Y.encodeStateAsUpdate(document.doc)]
		]) {
			const merged = new Y.Doc();
			for (const update of updates) Y.applyUpdate(merged, update);
			const record = readRecord(merged.getMap(holidaysCollection.collection).get(id));
			expect(record).toEqual({
				id,
				date: '2026-12-25',
				label: 'Christmas Day',
				...removedNow()
			});
		}
	});
});
