import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import { collection } from '$lib/core/documents/records';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { SCHEDULE_DOCUMENT, coverageCollection } from './collections';
import { activeTemplates, coverageRequirements, rotaSetup } from './rota-queries';
import { removeCoverageDays, saveCoverageDays, saveShiftTemplate } from './rota-setup-commands';
import { TEST_NOW, TEST_PERIOD, createScheduleOffice } from './test-support/schedule-office';

let office: AreaOffice;
beforeEach(async () => {
	office = await createScheduleOffice();
});
afterEach(() => office.dispose());

const desk = { start: '08:00', end: '12:00', roleGroup: 'front-desk' as const, minimum: 2 };
const removedNow = () => ({
	removedAt: TEST_NOW.toISOString(),
	removedBy: office.workspace.commandContext().actor
});
const inForce = async () => coverageRequirements(await rotaSetup(office.workspace));

async function fieldsOf(work: Promise<unknown>): Promise<Record<string, string>> {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(InvalidInputError);
	return (error as InvalidInputError).fields;
}

describe('coverage for several weekdays', () => {
	it('stores one requirement per chosen day, each day once', async () => {
		const ids = await office.run(saveCoverageDays, { ...desk, weekdays: [2, 0, 2] });
		expect(ids).toHaveLength(2);
		expect((await inForce()).map((c) => [c.weekday, c.minimum]).sort()).toEqual([
			[0, 2],
			[2, 2]
		]);
	});

	it('reuses the edited requirement’s records for its new days and marks the rest removed', async () => {
		const old = await office.run(saveCoverageDays, { ...desk, weekdays: [0, 1, 2] });
		const ids = await office.run(saveCoverageDays, {
			...desk,
			ids: old,
			minimum: 3,
			weekdays: [3, 4]
		});
		expect(ids).toEqual(old.slice(0, 2));
		expect((await inForce()).map((c) => [c.weekday, c.minimum]).sort()).toEqual([
			[3, 3],
			[4, 3]
		]);
		const { coverage } = await rotaSetup(office.workspace);
		expect(coverage.get(old[2])).toMatchObject({ weekday: 2, minimum: 2, ...removedNow() });

		const more = await office.run(saveCoverageDays, { ...desk, ids, weekdays: [3, 4, 5] });
		expect(more.slice(0, 2)).toEqual(ids);
		expect(more[2]).not.toBe(old[2]);
		expect(await inForce()).toHaveLength(3);
		expect(coverage.all()).toHaveLength(4);
	});

	it('removes every day of a requirement at once, keeping the records marked', async () => {
		const ids = await office.run(saveCoverageDays, { ...desk, weekdays: [0, 1] });
		const other = await office.run(saveCoverageDays, { ...desk, weekdays: [5] });
		await office.run(removeCoverageDays, { ids });
		expect((await inForce()).map((c) => c.id)).toEqual(other);
		const { coverage } = await rotaSetup(office.workspace);
		for (const id of ids) expect(coverage.get(id)).toMatchObject(removedNow());
		const audit = (await office.workspace.audit.entries(TEST_PERIOD)).filter(
			(entry) => entry.target === `schedule/coverage/${ids[0]}`
		);
		expect(audit.map((entry) => [entry.action, entry.detail])).toEqual([
			['create', 'Coverage requirement saved for 2 days'],
			['remove', 'Coverage requirement removed (2 days)']
		]);
	});

	it('writes nothing for a requirement id that is not stored', async () => {
		const ids = await office.run(saveCoverageDays, { ...desk, weekdays: [0] });
		const unknown = ulid();
		await office.run(removeCoverageDays, { ids: [...ids, unknown] });
		const document = await office.workspace.documents.open(SCHEDULE_DOCUMENT);
		expect(collection(document.doc, coverageCollection.collection).has(unknown)).toBe(false);
	});

	it('names each wrong field: no day, an end before the start, no people', async () => {
		const fields = await fieldsOf(
			office.run(saveCoverageDays, { ...desk, weekdays: [], end: '07:00', minimum: 0 })
		);
		expect(fields).toMatchObject({
			weekdays: 'Choose at least one day.',
			minimum: 'At least one person.'
		});
		const timing = await fieldsOf(
			office.run(saveCoverageDays, { ...desk, weekdays: [0], end: '07:00' })
		);
		expect(timing).toEqual({ end: 'The end must be after the start.' });
	});
});

describe('shift templates', () => {
	it('changes a template in place and retires it from the choices', async () => {
		const template = {
			name: 'Front desk early',
			start: '07:30',
			end: '16:00',
			roleGroup: 'front-desk' as const,
			colour: 'teal' as const,
			breakMinutes: 30
		};
		const id = await office.run(saveShiftTemplate, template);
		await office.run(saveShiftTemplate, { ...template, id, end: '15:30' });
		const setup = await rotaSetup(office.workspace);
		expect(activeTemplates(setup).map((t) => [t.id, t.end])).toEqual([[id, '15:30']]);

		await office.run(saveShiftTemplate, { ...template, id, active: false });
		expect(activeTemplates(await rotaSetup(office.workspace))).toEqual([]);
		expect(setup.templates.get(id)?.active).toBe(false);
	});

	it('asks for a name and a role group in words', async () => {
		const fields = await fieldsOf(
			office.run(saveShiftTemplate, {
				name: ' ',
				start: '07:30',
				end: '16:00',
				roleGroup: 'nobody' as never
			})
		);
		expect(fields).toMatchObject({
			name: 'Name the shift, e.g. “Front desk early”.',
			roleGroup: 'Choose the role group.'
		});
	});
});
