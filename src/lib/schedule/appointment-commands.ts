/**
 * Booking and changing single appointments. Commands are built for the office's time zone,
 * which decides the month document an appointment's start falls in.
 *
 * Double bookings are not refused here: the booking form shows them first, and a person may keep
 * one on purpose (a quick add-on visit); the pairs they accepted are passed in and remembered.
 * Clashes that arrive later by sync are found by queries and listed, never resolved silently.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { recordIdSchema } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import {
	SCHEDULE_DOCUMENT,
	acceptedConflictsCollection,
	appointmentsCollection,
	monthDocument,
	visitingCollection
} from './collections';
import { pairKey } from './conflict-rules';
import { advanceFlow, scheduledFlow } from './flow-rules';
import {
	appointmentFields,
	appointmentSchema,
	checkAppointmentTimes,
	type Appointment
} from './schema';
import { localMonth } from './zoned-time';

const PAIR = /^[0-9A-Z]{26}\|[0-9A-Z]{26}$/;
/** Ids of bookings the person saw this one clash with and chose to keep it anyway. */
const acceptWith = z
	.array(z.string().regex(/^[0-9A-Z]{26}$/, 'A clashing booking ID is malformed.'))
	.default([]);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'The appointment’s month is malformed.');

/** Remembers the double bookings a person chose to keep. */
async function acceptPairs(
	context: CommandContext,
	pairs: readonly string[],
	note = ''
): Promise<void> {
	if (pairs.length === 0) return;
	const document = await context.documents.open(SCHEDULE_DOCUMENT);
	const acceptedAt = context.now().toISOString();
	document.transact((doc) => {
		for (const id of pairs) {
			writeRecord(doc, acceptedConflictsCollection.collection, id, {
				id,
				acceptedBy: context.actor,
				acceptedAt,
				note
			});
		}
	});
}

/** The stored appointment `id` in the document of month `home`, or an error saying it is gone. */
async function readAppointment(context: CommandContext, home: string, id: string) {
	const document = await context.documents.open(monthDocument(home));
	const parsed = appointmentSchema.safeParse(
		readRecord(collection(document.doc, appointmentsCollection.collection).get(id))
	);
	if (!parsed.success) throw new Error('That appointment no longer exists.');
	return { document, appointment: parsed.data };
}

/** Points the month an appointment now falls in at its home document, when they differ. */
async function markVisiting(
	context: CommandContext,
	id: string,
	home: string,
	now: string
): Promise<void> {
	if (now === home) return;
	const document = await context.documents.open(monthDocument(now));
	document.transact((doc) => writeRecord(doc, visitingCollection.collection, id, { id, home }));
}

/** Books one appointment; returns its id and home month. */
export function bookAppointment(timeZone: string) {
	return defineCommand({
		name: 'appointments.book',
		input: appointmentFields.extend({ acceptWith }).superRefine(checkAppointmentTimes),
		async run(context, { acceptWith: others, ...input }) {
			const id = ulid();
			const home = localMonth(input.start, timeZone);
			const now = context.now().toISOString();
			const document = await context.documents.open(monthDocument(home));
			const appointment: Appointment = {
				...input,
				id,
				seriesId: '',
				occurrenceDate: '',
				detached: false,
				voided: false,
				flow: scheduledFlow(now),
				bookedBy: context.actor,
				bookedAt: now,
				updatedAt: now
			};
			document.transact((doc) =>
				writeRecord(doc, appointmentsCollection.collection, id, appointment)
			);
			await acceptPairs(
				context,
				others.map((other) => pairKey(id, other))
			);
			return { id, home };
		},
		audit: (input, { id }) => ({
			action: 'create',
			target: `schedule/appointments/${id}`,
			detail: `Booked for patients/patients/${input.patientId}`
		})
	});
}

/** Moves or resizes an appointment, or gives it to another provider or room. */
export function moveAppointment(timeZone: string) {
	return defineCommand({
		name: 'appointments.move',
		input: z
			.object({
				id: recordIdSchema,
				home: month,
				start: appointmentFields.shape.start,
				end: appointmentFields.shape.end,
				providerId: appointmentFields.shape.providerId.optional(),
				roomId: appointmentFields.shape.roomId.optional(),
				acceptWith
			})
			.superRefine(checkAppointmentTimes),
		async run(context, { id, home, acceptWith: others, ...change }) {
			const { document, appointment } = await readAppointment(context, home, id);
			if (appointment.flow.status !== 'scheduled') {
				throw new Error('Only a visit that has not started can be moved.');
			}
			const updatedAt = context.now().toISOString();
			// A series occurrence moved on its own keeps its new time when the series changes.
			const detached = appointment.seriesId !== '';
			document.transact((doc) =>
				writeRecord(doc, appointmentsCollection.collection, id, { ...change, detached, updatedAt })
			);
			await markVisiting(context, id, home, localMonth(change.start, timeZone));
			await acceptPairs(
				context,
				others.map((other) => pairKey(id, other))
			);
		},
		audit: (input) => ({
			action: 'update',
			target: `schedule/appointments/${input.id}`,
			detail: 'Appointment moved'
		})
	});
}

const flowChange = z.discriminatedUnion('to', [
	z.object({ to: z.enum(['arrived', 'with-provider', 'checkout', 'done', 'back']) }),
	z.object({
		to: z.literal('roomed'),
		roomId: z.string().min(1, 'Choose the room.'),
		assistantId: z.string().optional()
	}),
	z.object({
		to: z.enum(['cancelled', 'no-show']),
		reason: z
			.string()
			.trim()
			.min(1, 'Give a reason.')
			.max(200, 'The reason can be at most 200 characters.')
	})
]);

/** Moves a visit along the patient flow (arrived, roomed, …), or cancels it or marks a no-show. */
export const changeFlow = defineCommand({
	name: 'appointments.flow',
	input: z.object({ id: recordIdSchema, home: month, change: flowChange }),
	async run(context, { id, home, change }) {
		const { document, appointment } = await readAppointment(context, home, id);
		const at = context.now().toISOString();
		const result = advanceFlow(appointment.flow, change, at);
		if (!result.ok) throw new Error(result.message);
		document.transact((doc) =>
			writeRecord(doc, appointmentsCollection.collection, id, { flow: result.flow, updatedAt: at })
		);
		return result.flow;
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/appointments/${input.id}`,
		detail: `Visit ${input.change.to === 'back' ? 'step taken back' : `marked ${input.change.to}`}`
	})
});

/** Changes an appointment's type, patient or note. */
export const updateAppointmentDetails = defineCommand({
	name: 'appointments.update',
	input: z.object({
		id: recordIdSchema,
		home: month,
		typeId: appointmentFields.shape.typeId.optional(),
		patientId: appointmentFields.shape.patientId.optional(),
		note: appointmentFields.shape.note.optional()
	}),
	async run(context, { id, home, ...fields }) {
		const { document } = await readAppointment(context, home, id);
		const updatedAt = context.now().toISOString();
		document.transact((doc) =>
			writeRecord(doc, appointmentsCollection.collection, id, { ...fields, updatedAt })
		);
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/appointments/${input.id}`,
		detail: 'Appointment details changed'
	})
});

/** Keeps a double booking found after the fact; it leaves the conflict list. */
export const acceptConflict = defineCommand({
	name: 'appointments.accept-conflict',
	input: z.object({
		pair: z.string().regex(PAIR, 'The pair of bookings is malformed.'),
		note: z.string().trim().max(200, 'The note can be at most 200 characters.').default('')
	}),
	async run(context, { pair, note }) {
		await acceptPairs(context, [pair], note);
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/conflicts/${input.pair}`,
		detail: 'Double booking kept'
	})
});
