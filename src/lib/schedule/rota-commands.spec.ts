import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecord, writeRecord } from '$lib/core/documents/records';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { monthDocument, shiftsCollection } from './collections';
import { assignShift, copyWeek, removeShift } from './rota-commands';
import {
	coverageRequirements,
	rotaMonths,
	rotaSetup,
	rotaWeek,
	shiftTables,
	timeOffOn,
	timeOffRequests
} from './rota-queries';
import { gapText } from './rota-coverage-rules';
import {
	decideTimeOff,
	removeCoverage,
	requestTimeOff,
	saveCoverage,
	saveShiftTemplate
} from './rota-setup-commands';
import {
	createScheduleOffice,
	NEW_YORK,
	TEST_NOW,
	TEST_PERIOD
} from './test-support/schedule-office';

const assign = assignShift(NEW_YORK);
const copy = copyWeek(NEW_YORK);
const MONDAY = '2026-11-30';

let office: AreaOffice;
let ana: string;
let ben: string;
beforeEach(async () => {
	office = await createScheduleOffice();
	[ana, ben] = [ulid(), ulid()];
});
afterEach(() => office.dispose());

const day = (staffId: string, date: string, start = '08:00', end = '16:30') => ({
	staffId,
	date,
	start,
	end,
	roleGroup: 'front-desk' as const,
	breakMinutes: 30
});

const removedNow = () => ({
	removedAt: TEST_NOW.toISOString(),
	removedBy: office.workspace.commandContext().actor
});
/** The audit entries about one record: [action, detail]. */
const auditOf = async (target: string) =>
	(await office.workspace.audit.entries(TEST_PERIOD))
		.filter((entry) => entry.target === target)
		.map((entry) => [entry.action, entry.detail]);

async function week(monday = MONDAY) {
	const setup = await rotaSetup(office.workspace);
	const tables = await shiftTables(office.workspace, rotaMonths(monday));
	return rotaWeek(setup, tables, monday, NEW_YORK);
}

describe('assigning shifts', () => {
	it('stores a shift in its month and counts its paid hours for the person', async () => {
		const { month } = await office.run(assign, day(ana, '2026-12-01'));
		expect(month).toBe('2026-12');
		const rota = await week();
		expect(rota.shifts.map((s) => [s.staffId, s.date])).toEqual([[ana, '2026-12-01']]);
		expect(rota.minutes.get(ana)).toBe(480);
	});

	it('refuses a shift over approved time off with a message, but not over a pending request', async () => {
		const id = await office.run(requestTimeOff, {
			staffId: ana,
			from: '2026-12-01',
			to: '2026-12-02',
			reason: 'Family visit'
		});
		await office.run(assign, day(ana, '2026-12-01'));
		await office.run(decideTimeOff, { id, decision: 'approved' });
		await expect(office.run(assign, day(ana, '2026-12-02'))).rejects.toThrow(
			'This person has approved time off (2026-12-01 to 2026-12-02); the shift was not assigned.'
		);
		const [request] = timeOffRequests(await rotaSetup(office.workspace));
		expect(request).toMatchObject({
			status: 'approved',
			decidedBy: office.workspace.keys.personId
		});
		expect(request.decidedAt).not.toBe('');
	});

	it('refuses a second shift of the same person at the same time', async () => {
		await office.run(assign, day(ana, '2026-12-01'));
		await expect(office.run(assign, day(ana, '2026-12-01', '12:00', '18:00'))).rejects.toThrow(
			'This person already has a shift at that time.'
		);
		await office.run(assign, day(ben, '2026-12-01', '12:00', '18:00'));
	});

	it('refuses an unknown role group and equal start and end with messages on the fields', async () => {
		await expect(
			office.run(assign, { ...day(ana, '2026-12-01'), end: '08:00' })
		).rejects.toMatchObject({ fields: { end: 'The end must differ from the start.' } });
		await expect(
			office.run(assign, { ...day(ana, '2026-12-01'), roleGroup: 'chef' as never })
		).rejects.toMatchObject({ fields: { roleGroup: 'Choose the role group.' } });
	});

	it('marks a removed shift, leaves it out of the week and hours, and lets it be assigned again', async () => {
		const { id, month } = await office.run(assign, day(ana, '2026-12-01'));
		await office.run(removeShift, { id, month });
		await office.run(removeShift, { id, month });

		const rota = await week();
		expect(rota.shifts).toEqual([]);
		expect(rota.minutes.get(ana)).toBeUndefined();
		const [table] = (await shiftTables(office.workspace, [month])).values();
		expect(table.get(id)).toMatchObject({ date: '2026-12-01', ...removedNow() });
		expect(await auditOf(`schedule/shifts/${id}`)).toEqual([
			['create', `Shift assigned to directory/staff/${ana}`],
			['remove', 'Shift removed'],
			['remove', 'Shift removed']
		]);

		const again = await office.run(assign, day(ana, '2026-12-01'));
		expect((await week()).shifts.map((s) => s.id)).toEqual([again.id]);
	});

	it('does not copy a removed shift into the next week', async () => {
		const { id, month } = await office.run(assign, day(ana, '2026-11-24'));
		await office.run(removeShift, { id, month });
		expect(await office.run(copy, { from: '2026-11-23', to: MONDAY })).toEqual({
			copied: 0,
			skipped: 0
		});
	});
});

describe('removing a shift on two devices', () => {
	it('keeps an edit made offline to a shift another device removed', async () => {
		const { id, month } = await office.run(assign, day(ana, '2026-12-01'));
		const document = await office.workspace.documents.open(monthDocument(month));
		const before = Y.encodeStateAsUpdate(document.doc);

		// Another device, offline, moves the shift's end.
		const other = new Y.Doc();
		Y.applyUpdate(other, before);
		other.transact(() => writeRecord(other, shiftsCollection.collection, id, { end: '15:00' }));

		// This device removes it meanwhile.
		await office.run(removeShift, { id, month });

		// Both updates reach a third device, in either order.
		for (const updates of [
			[Y.encodeStateAsUpdate(document.doc), Y.encodeStateAsUpdate(other)],
			[Y.encodeStateAsUpdate(other), Y.encodeStateAsUpdate(document.doc)]
		]) {
			const merged = new Y.Doc();
			for (const update of updates) Y.applyUpdate(merged, update);
			const record = readRecord(merged.getMap(shiftsCollection.collection).get(id));
			expect(record).toMatchObject({ id, staffId: ana, end: '15:00', ...removedNow() });
		}
	});
});

describe('copying last week', () => {
	it('copies each shift a week on and skips those over time off or already there', async () => {
		await office.run(assign, day(ana, '2026-11-23'));
		await office.run(assign, day(ana, '2026-11-24'));
		await office.run(assign, day(ben, '2026-11-29', '22:00', '06:00'));
		await office.run(assign, day(ben, '2026-12-06', '22:00', '06:00'));
		const id = await office.run(requestTimeOff, {
			staffId: ana,
			from: '2026-12-01',
			to: '2026-12-01'
		});
		await office.run(decideTimeOff, { id, decision: 'approved' });
		const result = await office.run(copy, { from: '2026-11-23', to: MONDAY });
		expect(result).toEqual({ copied: 1, skipped: 2 });
		const rota = await week();
		expect(rota.shifts.map((s) => [s.staffId === ana ? 'ana' : 'ben', s.date])).toEqual([
			['ana', '2026-11-30'],
			['ben', '2026-12-06']
		]);
	});

	it('accepts only Mondays', async () => {
		await expect(office.run(copy, { from: '2026-11-24', to: MONDAY })).rejects.toMatchObject({
			fields: { from: 'Choose a Monday.' }
		});
	});
});

describe('coverage and time off in the week', () => {
	it('lists the gaps of a requirement and forgets it once removed', async () => {
		const id = await office.run(saveCoverage, {
			weekday: 1,
			start: '08:00',
			end: '17:00',
			roleGroup: 'front-desk',
			minimum: 1
		});
		await office.run(assign, day(ana, '2026-12-01', '09:00', '17:00'));
		expect((await week()).gaps.map(gapText)).toEqual(['No front desk Tuesday 08:00–09:00']);
		await office.run(removeCoverage, { id });
		expect((await week()).gaps).toEqual([]);

		const setup = await rotaSetup(office.workspace);
		expect(coverageRequirements(setup)).toEqual([]);
		expect(setup.coverage.get(id)).toMatchObject({ weekday: 1, ...removedNow() });
		expect((await auditOf(`schedule/coverage/${id}`)).map(([action]) => action)).toEqual([
			'create',
			'remove'
		]);
	});

	it('opens a gap again when the shift covering it is removed', async () => {
		await office.run(saveCoverage, {
			weekday: 1,
			start: '09:00',
			end: '17:00',
			roleGroup: 'front-desk',
			minimum: 1
		});
		const { id, month } = await office.run(assign, day(ana, '2026-12-01', '09:00', '17:00'));
		expect((await week()).gaps).toEqual([]);
		await office.run(removeShift, { id, month });
		expect((await week()).gaps.map(gapText)).toEqual(['No front desk Tuesday 09:00–17:00']);
	});

	it('gives the calendar a provider’s approved part-day time off', async () => {
		const id = await office.run(requestTimeOff, {
			staffId: ana,
			from: '2026-12-01',
			to: '2026-12-01',
			start: '13:00',
			end: '17:00'
		});
		const setup = await rotaSetup(office.workspace);
		expect(timeOffOn(setup, ana, '2026-12-01')).toEqual([]);
		await office.run(decideTimeOff, { id, decision: 'approved' });
		expect(timeOffOn(setup, ana, '2026-12-01')).toEqual([{ start: 780, end: 1020 }]);
	});

	it('saves a shift template and refuses one longer than 16 hours', async () => {
		const template = {
			name: 'Front desk early',
			start: '07:30',
			end: '16:00',
			roleGroup: 'front-desk' as const
		};
		const id = await office.run(saveShiftTemplate, template);
		expect((await rotaSetup(office.workspace)).templates.get(id)).toMatchObject({ active: true });
		await expect(
			office.run(saveShiftTemplate, { ...template, start: '06:00', end: '23:00' })
		).rejects.toMatchObject({ fields: { end: 'A shift can be at most 16 hours.' } });
	});
});
