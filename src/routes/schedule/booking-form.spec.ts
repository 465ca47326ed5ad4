import { describe, expect, it } from 'vitest';
import { blankBooking, checkBooking, firstOccurrences, recurrenceOf } from './booking-form';

const ID = '01JANN00000000000000000000';
const filled = () =>
	blankBooking({
		date: '2026-03-03',
		time: '09:30',
		patientId: ID,
		providerId: ID,
		typeId: ID,
		minutes: 20
	});

describe('the booking form', () => {
	it('turns a filled form into the instants of the visit', () => {
		const checked = checkBooking(filled(), 'America/New_York');
		expect(checked).toEqual({
			ok: true,
			booking: {
				start: '2026-03-03T14:30:00.000Z',
				end: '2026-03-03T14:50:00.000Z',
				recurrence: null
			}
		});
	});

	it('names what is missing or off the 5-minute grid', () => {
		const checked = checkBooking(
			{ ...filled(), patientId: '', time: '09:32', minutes: 0 },
			'America/New_York'
		);
		expect(checked).toEqual({
			ok: false,
			errors: {
				patientId: 'Choose the patient, or add a new one.',
				time: 'Start on a 5-minute mark, e.g. 09:35.',
				minutes: 'Enter the length in minutes, a multiple of 5.'
			}
		});
	});

	it('repeats weekly on chosen days, ending after a count', () => {
		const form = { ...filled(), repeat: 'weekly', weekdays: [3, 1], count: 4 };
		const recurrence = recurrenceOf(form);
		expect(recurrence).toEqual({ frequency: 'weekly', interval: 1, weekdays: [1, 3], count: 4 });
		const dates = firstOccurrences(form, recurrence!, 'America/New_York').map((o) => o.date);
		expect(dates).toEqual(['2026-03-03', '2026-03-05', '2026-03-10', '2026-03-12']);
	});

	it('asks for a last date after the first visit', () => {
		const checked = checkBooking(
			{ ...filled(), repeat: 'monthly', ends: 'until', until: '2026-03-01' },
			'UTC'
		);
		expect(checked).toMatchObject({
			ok: false,
			errors: { until: 'Enter a last date after the first visit.' }
		});
	});
});
