/**
 * A provider's schedule as iCalendar events, for their phone or desktop calendar.
 *
 * One VEVENT per appointment, recurring ones included, rather than RRULE + EXDATE per series:
 * occurrences are already stored as appointments, and any of them may have been moved, given
 * another room, cancelled or checked in on its own. Exporting each as it stands shows exactly
 * what the calendar shows, needs no RECURRENCE-ID overrides, and keeps a stable UID per visit so
 * a re-import updates rather than duplicates. The files stay small (a provider's few months).
 *
 * Minimum patient information leaves the office: the summary is the visit type and the patient's
 * initials, nothing else (no name, no note, no reason).
 */
import type { IcsCalendar, IcsEvent } from './ics';
import { toIcs } from './ics';

export interface IcsAppointment {
	id: string;
	start: string;
	end: string;
	typeName: string;
	patientInitials: string;
	roomName: string;
	status: string;
	updatedAt: string;
}

/** 'M.G.' for 'María', 'García' (first letters, accents kept). */
export function initials(givenName: string, familyName: string): string {
	return [givenName, familyName]
		.map((name) => Array.from(name.trim())[0] ?? '')
		.filter(Boolean)
		.map((letter) => `${letter.toUpperCase()}.`)
		.join('');
}

/** The event of one appointment; cancelled visits are sent as cancelled so calendars drop them. */
export function appointmentEvent(appointment: IcsAppointment): IcsEvent {
	return {
		uid: `${appointment.id}@practice-office`,
		start: appointment.start,
		end: appointment.end,
		summary: `${appointment.typeName} – ${appointment.patientInitials}`,
		location: appointment.roomName || undefined,
		cancelled: appointment.status === 'cancelled',
		updatedAt: appointment.updatedAt
	};
}

/** The .ics text of a provider's appointments. */
export function providerIcs(
	providerName: string,
	timeZone: string,
	appointments: readonly IcsAppointment[],
	now: string
): string {
	const calendar: IcsCalendar = {
		name: `${providerName} — schedule`,
		timeZone,
		now,
		events: appointments.map(appointmentEvent)
	};
	return toIcs(calendar);
}
