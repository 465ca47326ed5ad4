import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeRecord } from '$lib/core/documents/records';
import type { AreaOffice } from '$lib/core/test-support/area-office';
import { SCHEDULE_DOCUMENT, waitlistCollection } from './collections';
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

	it('stores preferred days and times in order, once each, beside other preferences', async () => {
		const id = await office.run(addToWaitlist, {
			...entry(),
			preferredDays: [3, 1, 3],
			preferredTimes: ['evening', 'morning'],
			preferences: 'Not the week of 14 December'
		});
		expect((await waitlist()).get(id)).toMatchObject({
			preferredDays: [1, 3],
			preferredTimes: ['morning', 'evening'],
			preferences: 'Not the week of 14 December'
		});
	});

	it('reads an entry from before structured preferences as having none', async () => {
		// As an older version of the app stored it: free-text preferences only.
		const id = ulid();
		const document = await office.workspace.documents.open(SCHEDULE_DOCUMENT);
		document.transact((doc) =>
			writeRecord(doc, waitlistCollection.collection, id, {
				...entry(),
				id,
				providerId: '',
				earliest: '',
				preferences: 'Mornings',
				note: '',
				status: 'waiting',
				appointmentId: '',
				addedBy: ids.patient1,
				addedAt: '2026-11-20T15:00:00.000Z'
			})
		);
		expect((await waitlist()).get(id)).toMatchObject({
			preferredDays: [],
			preferredTimes: [],
			preferences: 'Mornings'
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
		[{ earliest: '2026-13-01' }, 'earliest', 'That earliest date is not on the calendar.'],
		[{ preferredDays: [1, 7] }, 'preferredDays.1', 'Choose a weekday.'],
		[{ preferredDays: 'Tuesday' as never }, 'preferredDays', 'Choose the preferred days.'],
		[
			{ preferredTimes: ['night' as never] },
			'preferredTimes.0',
			'Choose morning, afternoon or evening.'
		],
		[
			{ preferences: 'x'.repeat(201) },
			'preferences',
			'Other preferences can be at most 200 characters.'
		]
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
