import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { scheduleSetup } from './queries';
import { createScheduleOffice, scheduleIds } from './test-support/schedule-office';
import { addToWaitlist, markWaitlistBooked, removeFromWaitlist } from './waitlist-commands';

let office: AreaOffice;
let ids: ReturnType<typeof scheduleIds>;
beforeEach(async () => {
	office = await createScheduleOffice();
	ids = scheduleIds();
});
afterEach(() => office.dispose());

const entry = () => ({ patientId: ids.patient1, typeId: ids.type });
const waitlist = async () => (await scheduleSetup(office.workspace)).waitlist;

describe('waitlist', () => {
	it('adds a patient waiting for any provider, then marks the entry booked', async () => {
		const id = await office.run(addToWaitlist, {
			...entry(),
			earliest: '2026-12-01',
			preferences: 'Mornings'
		});
		expect((await waitlist()).get(id)).toMatchObject({
			status: 'waiting',
			providerId: '',
			earliest: '2026-12-01',
			preferences: 'Mornings'
		});
		await office.run(markWaitlistBooked, { id, appointmentId: ids.room });
		expect((await waitlist()).get(id)).toMatchObject({
			status: 'booked',
			appointmentId: ids.room
		});
	});

	it('keeps a removed entry, marked removed, and will not book it', async () => {
		const id = await office.run(addToWaitlist, entry());
		await office.run(removeFromWaitlist, { id });
		expect((await waitlist()).where('status', 'removed').map((e) => e.id)).toEqual([id]);
		await expect(office.run(markWaitlistBooked, { id, appointmentId: ids.room })).rejects.toThrow(
			'That patient was taken off the waitlist.'
		);
	});

	it.each([
		[{ patientId: '' }, 'patientId', 'Choose the patient.'],
		[{ typeId: '' }, 'typeId', 'Choose the appointment type.'],
		[{ earliest: '2026-13-01' }, 'earliest', 'That earliest date is not on the calendar.']
	])('refuses %o with a message on the field', async (change, field, message) => {
		await expect(office.run(addToWaitlist, { ...entry(), ...change })).rejects.toMatchObject({
			fields: { [field]: message }
		});
	});

	it('says so when the entry is gone', async () => {
		await expect(office.run(removeFromWaitlist, { id: ids.type })).rejects.toThrow(
			'That waitlist entry no longer exists.'
		);
	});
});
