import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { workingMinutes } from './availability-rules';
import { nextAvailable } from './next-available';
import { availabilityRules, inForce, removedFrom, scheduleSetup } from './queries';
import {
	addHoliday,
	removeDayChange,
	removeHoliday,
	saveAvailabilityTemplate,
	saveDayChange
} from './setup-commands';
import { NEW_YORK, createScheduleOffice, scheduleIds } from './test-support/schedule-office';
import { instantToWallTime, wallTimeToInstant } from './zoned-time';

let office: AreaOffice;
let providerId: string;
beforeEach(async () => {
	office = await createScheduleOffice();
	providerId = scheduleIds().providerA;
	await office.run(saveAvailabilityTemplate, {
		providerId,
		effectiveFrom: '2026-01-01',
		hours: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }))
	});
});
afterEach(() => office.dispose());

/** The first slot for the provider from Tuesday 1 December, 08:00, as 'date time'. */
async function firstSlot(): Promise<string> {
	const [slot] = nextAvailable({
		from: wallTimeToInstant({ date: '2026-12-01', time: '08:00' }, NEW_YORK),
		minutes: 30,
		roomNeed: null,
		providerIds: [providerId],
		rooms: [],
		rules: availabilityRules(await scheduleSetup(office.workspace)),
		appointments: [],
		timeZone: NEW_YORK,
		count: 1
	});
	const { date, time } = instantToWallTime(slot.start, NEW_YORK);
	return `${date} ${time}`;
}

describe('removed holidays and day changes', () => {
	it('no longer close a day, for working time and next available', async () => {
		const holiday = await office.run(addHoliday, { date: '2026-12-01', label: 'Closed' });
		const change = await office.run(saveDayChange, {
			providerId,
			date: '2026-12-02',
			hours: [],
			reason: 'Course'
		});
		expect(await firstSlot()).toBe('2026-12-03 09:00');

		await office.run(removeDayChange, { id: change });
		expect(await firstSlot()).toBe('2026-12-02 09:00');
		await office.run(removeHoliday, { id: holiday });
		expect(await firstSlot()).toBe('2026-12-01 09:00');

		const rules = availabilityRules(await scheduleSetup(office.workspace));
		expect(rules.holidays).toEqual([]);
		expect(rules.changes).toEqual([]);
		expect(workingMinutes(rules, providerId, '2026-12-01')).toEqual([{ start: 540, end: 720 }]);
	});

	it('are listed apart from those in force', async () => {
		const kept = await office.run(addHoliday, { date: '2026-12-24', label: 'Eve' });
		const removed = await office.run(addHoliday, { date: '2026-12-25', label: 'Day' });
		await office.run(removeHoliday, { id: removed });
		const { holidays } = await scheduleSetup(office.workspace);
		expect(inForce(holidays).map((h) => h.id)).toEqual([kept]);
		expect(removedFrom(holidays).map((h) => h.id)).toEqual([removed]);
	});
});
