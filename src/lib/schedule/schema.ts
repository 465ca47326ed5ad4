// Zod schemas for the schedule: appointment types, provider availability, appointments and
// recurring series, the waitlist, and accepted double bookings. Input schemas are what forms
// send; stored schemas add ids and attribution. Staff rotas live in rota-schema.ts.
import { z } from 'zod';
import {
	instant,
	localDate,
	localTime,
	optionalRecordId,
	optionalText,
	recordId,
	storedInstant,
	requiredText,
	weekday
} from './fields';
import { FLOW_ENDINGS, FLOW_STEPS } from './flow-rules';
import { FREQUENCIES } from './recurrence-rules';
import { PARTS_OF_DAY } from './slot-preference-rules';

/** Room kinds an appointment type can need; the same keys as the directory's rooms. */
export const ROOM_NEEDS = ['exam', 'procedure', 'lab', 'office'] as const;
export const PATIENT_KINDS = ['any', 'new', 'established'] as const;
export const PATIENT_KIND_LABELS: Record<(typeof PATIENT_KINDS)[number], string> = {
	any: 'New or established',
	new: 'New patients',
	established: 'Established patients'
};

/** Calendar colours chosen for contrast with dark text, named so a colour-blind reader can tell. */
export const TYPE_COLOURS = {
	blue: '#bfdbfe',
	green: '#bbf7d0',
	yellow: '#fef08a',
	orange: '#fed7aa',
	red: '#fecaca',
	purple: '#e9d5ff',
	teal: '#99f6e4',
	grey: '#e5e7eb'
} as const;
export type TypeColour = keyof typeof TYPE_COLOURS;
const COLOUR_KEYS = Object.keys(TYPE_COLOURS) as [TypeColour, ...TypeColour[]];

const minutes = (label: string) =>
	z
		.number({ error: `Enter the ${label} in minutes.` })
		.int(`Enter the ${label} in whole minutes.`)
		.min(5, `The ${label} must be at least 5 minutes.`)
		.max(480, `The ${label} can be at most 8 hours.`)
		.refine((n) => n % 5 === 0, `The ${label} must be a multiple of 5 minutes.`);

export const appointmentTypeInputSchema = z.object({
	name: requiredText('The name', 60, 'Enter a name, e.g. “Annual physical”.'),
	minutes: minutes('length'),
	colour: z.enum(COLOUR_KEYS, { error: 'Choose a colour.' }).default('blue'),
	roomNeed: z.enum(ROOM_NEEDS, { error: 'Choose the kind of room.' }).nullable().default('exam'),
	patientKind: z.enum(PATIENT_KINDS, { error: 'Choose who it is for.' }).default('any'),
	prep: z
		.array(z.string().trim().min(1).max(80, 'A checklist line can be at most 80 characters.'))
		.max(12, 'A checklist can have at most 12 lines.')
		.default([])
});
export const appointmentTypeSchema = appointmentTypeInputSchema.extend({
	id: recordId(),
	active: z.boolean()
});
export type AppointmentType = z.output<typeof appointmentTypeSchema>;

const span = z
	.object({ weekday, start: localTime('start time'), end: localTime('end time') })
	.refine((s) => s.end > s.start, { message: 'The end must be after the start.', path: ['end'] });

export const availabilityTemplateInputSchema = z
	.object({
		providerId: recordId('Choose the provider.'),
		effectiveFrom: localDate('first day'),
		effectiveTo: localDate('last day').optional(),
		hours: z.array(span).max(28),
		breaks: z.array(span).max(28).default([]),
		blocks: z
			.array(
				span.and(z.object({ label: requiredText('The label', 40, 'Say what the time is for.') }))
			)
			.max(28)
			.default([])
	})
	.refine((t) => t.effectiveTo === undefined || t.effectiveTo >= t.effectiveFrom, {
		message: 'The last day cannot be before the first.',
		path: ['effectiveTo']
	});
/**
 * Setup and rota records (hours, day changes, holidays, shifts, coverage) are never deleted:
 * removing one marks it, so an edit made on another device meanwhile still merges and the record
 * stays readable. Records stored before these fields existed have neither and count as in force.
 */
export const removal = {
	removedAt: storedInstant('The time removed is malformed.').optional(),
	removedBy: recordId('The ID of the person who removed this is malformed.').optional()
};

export const availabilityTemplateSchema = z.intersection(
	availabilityTemplateInputSchema,
	z.object({ id: recordId(), ...removal })
);
export type StoredAvailabilityTemplate = z.output<typeof availabilityTemplateSchema>;

export const dayChangeInputSchema = z.object({
	providerId: recordId('Choose the provider.'),
	date: localDate('date'),
	hours: z
		.array(
			z
				.object({ start: localTime('start time'), end: localTime('end time') })
				.refine((s) => s.end > s.start, 'The end must be after the start.')
		)
		.max(4),
	reason: optionalText('The reason', 120)
});
export const dayChangeSchema = dayChangeInputSchema.extend({ id: recordId(), ...removal });

export const holidayInputSchema = z.object({
	date: localDate('date'),
	label: requiredText('The name', 60, 'Name the holiday.')
});
export const holidaySchema = holidayInputSchema.extend({ id: recordId(), ...removal });

const FLOW_STATUSES = [...FLOW_STEPS, ...FLOW_ENDINGS] as const;

/** The flow as stored on an appointment (instants already canonical). */
export const storedFlowSchema = z.object({
	status: z.enum(FLOW_STATUSES),
	stamps: z.partialRecord(z.enum(FLOW_STATUSES), storedInstant('A flow time is malformed.')),
	roomId: z.string().optional(),
	assistantId: z.string().optional(),
	reason: z.string().max(200).optional()
});

export const flowSchema = z.object({
	status: z.enum([...FLOW_STEPS, ...FLOW_ENDINGS]),
	stamps: z.partialRecord(
		z.enum([...FLOW_STEPS, ...FLOW_ENDINGS]),
		instant('A flow time is malformed.')
	),
	roomId: z.string().optional(),
	assistantId: z.string().optional(),
	reason: z.string().max(200).optional()
});

const TWELVE_HOURS_MS = 12 * 3600_000;

/** The fields of a booking as the form sends them (times already turned into instants). */
export const appointmentFields = z.object({
	patientId: recordId('Choose the patient.'),
	providerId: recordId('Choose the provider.'),
	typeId: recordId('Choose the appointment type.'),
	roomId: optionalRecordId('The room ID is malformed.'),
	start: instant('Choose the start time.'),
	end: instant('Choose the end time.'),
	note: optionalText('The note', 500)
});

/** Refinement for anything with start and end: in order, at most 12 hours apart. */
export function checkAppointmentTimes(
	a: { start: string; end: string },
	ctx: z.RefinementCtx
): void {
	const length = Date.parse(a.end) - Date.parse(a.start);
	if (length <= 0)
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start.' });
	else if (length > TWELVE_HOURS_MS) {
		ctx.addIssue({
			code: 'custom',
			path: ['end'],
			message: 'An appointment can be at most 12 hours.'
		});
	}
}

export const appointmentInputSchema = appointmentFields.superRefine(checkAppointmentTimes);

/**
 * A stored appointment, as projections read it. A flat object of plain checks (no transforms,
 * no intersection): a month's document holds thousands and is validated whenever it opens.
 */
export const appointmentSchema = z
	.object({
		id: recordId(),
		patientId: recordId('The patient ID is malformed.'),
		providerId: recordId('The provider ID is malformed.'),
		typeId: recordId('The appointment type ID is malformed.'),
		roomId: optionalRecordId('The room ID is malformed.'),
		start: storedInstant('The start time is malformed.'),
		end: storedInstant('The end time is malformed.'),
		note: z.string().max(500, 'The note can be at most 500 characters.').default(''),
		seriesId: optionalRecordId('The series ID is malformed.'),
		/** The series' local date this occurrence stands for (kept when it is moved). */
		occurrenceDate: z.string().default(''),
		/** Changed on its own ("this one"), so edits of the whole series leave it be. */
		detached: z.boolean().default(false),
		/** Dropped by a change of its series; shown again if someone had already acted on it. */
		voided: z.boolean().default(false),
		flow: storedFlowSchema,
		bookedBy: recordId('The ID of the person who booked this is malformed.'),
		bookedAt: storedInstant('The booking time is malformed.'),
		updatedAt: storedInstant('The change time is malformed.')
	})
	.refine((a) => a.end > a.start, { path: ['end'], message: 'The end must be after the start.' });
export type Appointment = z.output<typeof appointmentSchema>;

export const recurrenceSchema = z.object({
	frequency: z.enum(FREQUENCIES, { error: 'Choose how often it repeats.' }),
	interval: z.number().int().min(1, 'Repeat at least every 1.').max(99, 'Repeat at most every 99.'),
	weekdays: z.array(weekday).max(7).default([]),
	nthWeekday: z
		.object({
			ordinal: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
			weekday
		})
		.optional(),
	count: z
		.number()
		.int()
		.min(1, 'At least one visit.')
		.max(1000, 'At most 1000 visits.')
		.optional(),
	until: localDate('last date').optional()
});

export const seriesSchema = z.object({
	id: recordId(),
	patientId: recordId('Choose the patient.'),
	providerId: recordId('Choose the provider.'),
	typeId: recordId('Choose the appointment type.'),
	roomId: optionalRecordId('The room ID is malformed.'),
	startDate: localDate('first date'),
	time: localTime('time'),
	minutes: minutes('length'),
	/** The zone the local date and time are read in, stored with them. */
	timeZone: z.string().min(1),
	recurrence: recurrenceSchema,
	note: optionalText('The note', 500),
	/** Dates the series skips: a visit moved on its own already stands for them. */
	skipDates: z.array(z.string()).default([]),
	/** Occurrences exist as appointments up to this local date (open-ended series grow). */
	materializedThrough: z.string().default(''),
	bookedBy: recordId(),
	bookedAt: instant('The booking time is malformed.'),
	updatedAt: instant('The change time is malformed.')
});
export type Series = z.output<typeof seriesSchema>;

export const WAITLIST_STATUSES = ['waiting', 'booked', 'removed'] as const;
export const waitlistInputSchema = z.object({
	patientId: recordId('Choose the patient.'),
	typeId: recordId('Choose the appointment type.'),
	providerId: optionalRecordId('The provider ID is malformed.'),
	earliest: z.union([z.literal(''), localDate('earliest date')]).default(''),
	/** Weekdays the patient can come (0 Monday … 6 Sunday); empty = any day. */
	preferredDays: z
		.array(weekday, { error: 'Choose the preferred days.' })
		.default([])
		.transform((days) => [...new Set(days)].sort((a, b) => a - b)),
	/** Parts of the day the patient can come (slot-preference-rules.ts); empty = any time. */
	preferredTimes: z
		.array(z.enum(PARTS_OF_DAY, { error: 'Choose morning, afternoon or evening.' }), {
			error: 'Choose the preferred times of day.'
		})
		.default([])
		.transform((times) => PARTS_OF_DAY.filter((part) => times.includes(part))),
	/** Anything else the patient asked for, in words ("Other preferences"). */
	preferences: optionalText('Other preferences', 200),
	note: optionalText('The note', 500)
});
export const waitlistEntrySchema = waitlistInputSchema.extend({
	id: recordId(),
	status: z.enum(WAITLIST_STATUSES),
	appointmentId: z.string().default(''),
	addedBy: recordId(),
	addedAt: instant('The time added is malformed.')
});
export type WaitlistEntry = z.output<typeof waitlistEntrySchema>;

/** A double booking someone looked at and kept (conflict-rules.ts pairKey). */
export const acceptedConflictSchema = z.object({
	id: z.string().regex(/^[0-9A-Z]{26}\|[0-9A-Z]{26}$/, 'The pair of bookings is malformed.'),
	acceptedBy: recordId(),
	acceptedAt: instant('The time accepted is malformed.'),
	note: optionalText('The note', 200)
});
export type AcceptedConflict = z.output<typeof acceptedConflictSchema>;
