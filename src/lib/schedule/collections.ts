/**
 * Where the schedule lives. The `schedule` document holds the setup (appointment types,
 * availability, holidays), recurring series and the waitlist — small and long-lived. Each month
 * has its own document (`schedule/2026-11`) with the appointments that month, so ten years of
 * bookings cost nothing until someone looks at them.
 *
 * An appointment stays in the document of the month it was first booked in (its home), even if
 * it is moved to another month: then every edit of it lands in one Yjs map and concurrent edits
 * from two devices merge field by field, which moving the record between documents would break.
 * The month it moved to gets a small pointer ("visiting") so its view knows to look in the home.
 */
import { z } from 'zod';
import type { DocumentRef } from '$lib/core/documents/document-id';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import {
	acceptedConflictSchema,
	appointmentSchema,
	appointmentTypeSchema,
	availabilityTemplateSchema,
	dayChangeSchema,
	holidaySchema,
	seriesSchema,
	waitlistEntrySchema,
	type AcceptedConflict,
	type Appointment,
	type AppointmentType,
	type Series,
	type StoredAvailabilityTemplate,
	type WaitlistEntry
} from './schema';
import {
	coverageSchema,
	shiftSchema,
	shiftTemplateSchema,
	timeOffSchema,
	type CoverageRequirement,
	type Shift,
	type ShiftTemplate,
	type TimeOff
} from './rota-schema';

export const SCHEDULE_AREA = 'schedule';
export const SCHEDULE_DOCUMENT: DocumentRef = { area: SCHEDULE_AREA };

/** The document of one month ('YYYY-MM'). */
export function monthDocument(month: string): DocumentRef {
	return { area: SCHEDULE_AREA, period: month };
}

export const appointmentTypesCollection: CollectionSpec<AppointmentType> = {
	collection: 'appointmentTypes',
	validate: zodValidator(appointmentTypeSchema),
	indexes: ['active']
};

export const templatesCollection: CollectionSpec<StoredAvailabilityTemplate> = {
	collection: 'availability',
	validate: zodValidator(availabilityTemplateSchema),
	indexes: ['providerId']
};

export type DayChangeRecord = z.output<typeof dayChangeSchema>;
export const dayChangesCollection: CollectionSpec<DayChangeRecord> = {
	collection: 'dayChanges',
	validate: zodValidator(dayChangeSchema),
	indexes: ['providerId', 'date']
};

export type HolidayRecord = z.output<typeof holidaySchema>;
export const holidaysCollection: CollectionSpec<HolidayRecord> = {
	collection: 'holidays',
	validate: zodValidator(holidaySchema),
	indexes: ['date']
};

export const seriesCollection: CollectionSpec<Series> = {
	collection: 'series',
	validate: zodValidator(seriesSchema),
	indexes: ['providerId', 'patientId']
};

export const waitlistCollection: CollectionSpec<WaitlistEntry> = {
	collection: 'waitlist',
	validate: zodValidator(waitlistEntrySchema),
	indexes: ['status']
};

export const appointmentsCollection: CollectionSpec<Appointment> = {
	collection: 'appointments',
	validate: zodValidator(appointmentSchema),
	indexes: ['providerId', 'patientId', 'seriesId']
};

/** In a month's document: appointments from other months' documents now in this month. */
export const visitingSchema = z.object({
	id: z.string().min(1),
	home: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'The home month is malformed.')
});
export type Visiting = z.output<typeof visitingSchema>;
export const visitingCollection: CollectionSpec<Visiting> = {
	collection: 'visiting',
	validate: zodValidator(visitingSchema)
};

/** In the `schedule` document: double bookings someone chose to keep. */
export const acceptedConflictsCollection: CollectionSpec<AcceptedConflict> = {
	collection: 'acceptedConflicts',
	validate: zodValidator(acceptedConflictSchema)
};

/** The staff rota (rota-schema.ts): templates, time off and coverage in the `schedule` document. */
export const shiftTemplatesCollection: CollectionSpec<ShiftTemplate> = {
	collection: 'shiftTemplates',
	validate: zodValidator(shiftTemplateSchema),
	indexes: ['active']
};

export const timeOffCollection: CollectionSpec<TimeOff> = {
	collection: 'timeOff',
	validate: zodValidator(timeOffSchema),
	indexes: ['staffId', 'status']
};

export const coverageCollection: CollectionSpec<CoverageRequirement> = {
	collection: 'coverage',
	validate: zodValidator(coverageSchema)
};

/** In a month's document: the shifts of that month's dates. */
export const shiftsCollection: CollectionSpec<Shift> = {
	collection: 'shifts',
	validate: zodValidator(shiftSchema),
	indexes: ['staffId', 'date']
};
