/**
 * The booking dialog's form as it binds (strings, a number for the length), and what it turns
 * into: one appointment for bookAppointment, or a series for createSeries. Checked here first so
 * every field gets its own message before the conflict check runs on a complete booking.
 */
import type { FieldErrors } from '$lib/core/validation/field-errors';
import type { Recurrence } from '$lib/schedule/recurrence-rules';
import { occurrencesBetween, type Occurrence } from '$lib/schedule/series-rules';
import { addDays, wallTimeToInstant, weekdayOf } from '$lib/schedule/zoned-time';

export const REPEATS = ['none', 'weekly', 'monthly'] as const;
export type Repeat = (typeof REPEATS)[number];

export interface BookingForm {
	patientId: string;
	date: string;
	time: string;
	typeId: string;
	minutes: number;
	providerId: string;
	roomId: string;
	note: string;
	/** A Repeat (kept a string so a select binds it). */
	repeat: string;
	/** Every N weeks or months. */
	interval: number;
	/** Weekly: 0 Monday … 6 Sunday. */
	weekdays: number[];
	/** 'count' or 'until'. */
	ends: string;
	count: number;
	until: string;
}

/** A new booking at a slot, for a provider (and room) if the slot's column says so. */
export function blankBooking(slot: Partial<BookingForm> & { date: string }): BookingForm {
	return {
		patientId: '',
		time: '09:00',
		typeId: '',
		minutes: 30,
		providerId: '',
		roomId: '',
		note: '',
		repeat: 'none',
		interval: 1,
		weekdays: [weekdayOf(slot.date)],
		ends: 'count',
		count: 6,
		until: addDays(slot.date, 8 * 7),
		...slot
	};
}

/** A checked booking: the instants of a single visit, or the series' pattern. */
export interface CheckedBooking {
	start: string;
	end: string;
	recurrence: Recurrence | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The repeat settings as a recurrence rule (null: a single visit). */
export function recurrenceOf(form: BookingForm): Recurrence | null {
	if (form.repeat === 'none') return null;
	const end = form.ends === 'count' ? { count: form.count } : { until: form.until };
	return {
		frequency: form.repeat as Exclude<Repeat, 'none'>,
		interval: form.interval,
		weekdays: form.repeat === 'weekly' ? [...form.weekdays].sort() : [],
		...end
	};
}

/** Field messages for what is missing or wrong, or the booking's times. */
export function checkBooking(
	form: BookingForm,
	timeZone: string
): { ok: true; booking: CheckedBooking } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	if (!form.patientId) errors.patientId = 'Choose the patient, or add a new one.';
	if (!form.typeId) errors.typeId = 'Choose the appointment type.';
	if (!form.providerId) errors.providerId = 'Choose the provider.';
	if (!DATE.test(form.date)) errors.date = 'Enter the date.';
	if (!TIME.test(form.time)) errors.time = 'Enter the start time, e.g. 09:30.';
	else if (Number(form.time.slice(3)) % 5 !== 0)
		errors.time = 'Start on a 5-minute mark, e.g. 09:35.';
	if (!Number.isInteger(form.minutes) || form.minutes < 5 || form.minutes % 5 !== 0)
		errors.minutes = 'Enter the length in minutes, a multiple of 5.';
	else if (form.minutes > 480) errors.minutes = 'An appointment can be at most 8 hours.';
	if (form.repeat !== 'none') {
		if (!Number.isInteger(form.interval) || form.interval < 1 || form.interval > 99)
			errors.interval = 'Repeat every 1 to 99.';
		if (form.repeat === 'weekly' && form.weekdays.length === 0)
			errors.weekdays = 'Choose at least one weekday.';
		else if (
			form.repeat === 'weekly' &&
			DATE.test(form.date) &&
			!form.weekdays.includes(weekdayOf(form.date))
		)
			errors.weekdays = 'Include the weekday of the first visit.';
		if (
			form.ends === 'count' &&
			(!Number.isInteger(form.count) || form.count < 2 || form.count > 1000)
		)
			errors.count = 'Enter how many visits, 2 to 1000.';
		if (form.ends === 'until' && (!DATE.test(form.until) || form.until <= form.date))
			errors.until = 'Enter a last date after the first visit.';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const start = wallTimeToInstant({ date: form.date, time: form.time }, timeZone);
	const end = new Date(Date.parse(start) + form.minutes * 60_000).toISOString();
	return { ok: true, booking: { start, end, recurrence: recurrenceOf(form) } };
}

/** How far ahead a series is checked for clashes before it is booked. */
export const SERIES_CHECK_DAYS = 12 * 7;

/** The first visits of a series (those within the checked stretch), for the conflict check. */
export function firstOccurrences(
	form: BookingForm,
	recurrence: Recurrence,
	timeZone: string
): Occurrence[] {
	return occurrencesBetween(
		{ startDate: form.date, time: form.time, minutes: form.minutes, timeZone, recurrence },
		form.date,
		addDays(form.date, SERIES_CHECK_DAYS)
	);
}
