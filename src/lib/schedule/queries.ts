/**
 * Reading the schedule: the setup tables, and the appointments of a span of local dates. A span
 * opens only the month documents it touches, plus the homes of appointments moved into it (see
 * collections.ts), so a week costs one or two months whatever the office has stored.
 */
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { CollectionSpec } from '$lib/core/projection/projector';
import type { Workspace } from '$lib/core/session/workspace';
import type { AvailabilityRules } from './availability-rules';
import {
	SCHEDULE_DOCUMENT,
	acceptedConflictsCollection,
	appointmentTypesCollection,
	appointmentsCollection,
	dayChangesCollection,
	holidaysCollection,
	monthDocument,
	seriesCollection,
	templatesCollection,
	timeOffCollection,
	visitingCollection,
	waitlistCollection,
	type DayChangeRecord,
	type HolidayRecord
} from './collections';
import { conflictsAmong, openConflicts, type Booking, type Conflict } from './conflict-rules';
import { holdsTime } from './flow-rules';
import type {
	AcceptedConflict,
	Appointment,
	AppointmentType,
	Series,
	StoredAvailabilityTemplate,
	WaitlistEntry
} from './schema';
import type { TimeOff } from './rota-schema';
import { addDays, monthsOf, wallTimeToInstant } from './zoned-time';

export { monthsOf } from './zoned-time';

export type { Appointment, AppointmentType, Series, WaitlistEntry } from './schema';

export interface ScheduleSetup {
	types: ProjectionTable<AppointmentType>;
	templates: ProjectionTable<StoredAvailabilityTemplate>;
	dayChanges: ProjectionTable<DayChangeRecord>;
	holidays: ProjectionTable<HolidayRecord>;
	series: ProjectionTable<Series>;
	waitlist: ProjectionTable<WaitlistEntry>;
	accepted: ProjectionTable<AcceptedConflict>;
	/** Time-off requests (the rota's): approved ones take a provider's time off the calendar. */
	timeOff: ProjectionTable<TimeOff>;
}

/** Opens the `schedule` document's tables. */
export async function scheduleSetup(workspace: Workspace): Promise<ScheduleSetup> {
	const at = <T extends { id: string }>(spec: CollectionSpec<T>) =>
		workspace.projection(SCHEDULE_DOCUMENT, spec);
	const [types, templates, dayChanges, holidays, series, waitlist, accepted, timeOff] =
		await Promise.all([
			at(appointmentTypesCollection),
			at(templatesCollection),
			at(dayChangesCollection),
			at(holidaysCollection),
			at(seriesCollection),
			at(waitlistCollection),
			at(acceptedConflictsCollection),
			at(timeOffCollection)
		]);
	return { types, templates, dayChanges, holidays, series, waitlist, accepted, timeOff };
}

/** A setup record that can be marked removed (hours, day changes, holidays). */
interface Removable {
	id: string;
	removedAt?: string;
}

/** The records of a setup table that count: removed ones stay stored but are never used. */
export function inForce<T extends Removable>(table: ProjectionTable<T>): T[] {
	return table.all().filter((record) => !record.removedAt);
}

/** The removed records of a setup table, most recently removed first. */
export function removedFrom<T extends Removable>(table: ProjectionTable<T>): T[] {
	return table
		.all()
		.filter((record) => !!record.removedAt)
		.sort((a, b) => (b.removedAt ?? '').localeCompare(a.removedAt ?? ''));
}

/** The availability rules for the calendar and "next available" (nothing removed). */
export function availabilityRules(setup: ScheduleSetup): AvailabilityRules {
	return {
		templates: inForce(setup.templates),
		changes: inForce(setup.dayChanges),
		holidays: inForce(setup.holidays)
	};
}

/** Approved time off, for the calendar and next available. */
export function approvedTimeOff(setup: ScheduleSetup): TimeOff[] {
	return setup.timeOff.where('status', 'approved');
}

/** Active appointment types by name. */
export function activeTypes(setup: ScheduleSetup): AppointmentType[] {
	return setup.types
		.where('active', true)
		.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** An appointment as read, with the month document it lives in (commands need it). */
export interface ScheduledAppointment extends Appointment {
	home: string;
}

/** The tables of every document holding appointments of these months. */
export async function monthTables(
	workspace: Workspace,
	months: readonly string[]
): Promise<Map<string, ProjectionTable<Appointment>>> {
	const homes = new Set(months);
	const pointers = await Promise.all(
		months.map((month) => workspace.projection(monthDocument(month), visitingCollection))
	);
	for (const table of pointers) for (const pointer of table.all()) homes.add(pointer.home);
	const entries = await Promise.all(
		[...homes].map(
			async (home) =>
				[home, await workspace.projection(monthDocument(home), appointmentsCollection)] as const
		)
	);
	return new Map(entries);
}

/**
 * Appointments starting on local dates `from` to `to` (inclusive) in `timeZone`, by start time.
 * Reads already-open `tables` (from monthTables) so a live view can re-run it cheaply.
 */
export function appointmentsIn(
	tables: ReadonlyMap<string, ProjectionTable<Appointment>>,
	from: string,
	to: string,
	timeZone: string
): ScheduledAppointment[] {
	const start = wallTimeToInstant({ date: from, time: '00:00' }, timeZone);
	const end = wallTimeToInstant({ date: addDays(to, 1), time: '00:00' }, timeZone);
	const found: ScheduledAppointment[] = [];
	for (const [home, table] of tables) {
		for (const appointment of table.all()) {
			if (appointment.start < start || appointment.start >= end || !isShown(appointment)) continue;
			found.push({ ...appointment, home });
		}
	}
	return found.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

/** Opens the months of a span and returns its appointments. */
export async function appointmentsBetween(
	workspace: Workspace,
	from: string,
	to: string,
	timeZone: string
): Promise<ScheduledAppointment[]> {
	return appointmentsIn(await monthTables(workspace, monthsOf(from, to)), from, to, timeZone);
}

/** Occurrences dropped by a series change stay hidden unless someone already acted on them. */
export function isShown(appointment: Appointment): boolean {
	return !appointment.voided || appointment.flow.status !== 'scheduled';
}

/** What the conflict rules need of an appointment. */
export function asBooking(appointment: Appointment): Booking {
	return {
		id: appointment.id,
		start: appointment.start,
		end: appointment.end,
		providerId: appointment.providerId,
		roomId: appointment.roomId || undefined,
		patientId: appointment.patientId,
		holdsTime: isShown(appointment) && holdsTime(appointment.flow.status)
	};
}

/** Double bookings among these appointments that nobody has accepted. */
export function unresolvedConflicts(
	appointments: readonly Appointment[],
	setup: ScheduleSetup
): Conflict[] {
	const accepted = new Set(setup.accepted.all().map((a) => a.id));
	return openConflicts(conflictsAmong(appointments.map(asBooking)), accepted);
}
