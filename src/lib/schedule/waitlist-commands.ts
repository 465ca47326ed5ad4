/**
 * The waitlist: patients who want an earlier or any visit of a type. An entry is never deleted:
 * it is marked booked (with the appointment it became) or removed, so the list of who asked and
 * what happened stays readable.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { recordIdSchema } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import { SCHEDULE_DOCUMENT, waitlistCollection } from './collections';
import { waitlistEntrySchema, waitlistInputSchema, type WaitlistEntry } from './schema';

async function readEntry(context: CommandContext, id: string) {
	const document = await context.documents.open(SCHEDULE_DOCUMENT);
	const parsed = waitlistEntrySchema.safeParse(
		readRecord(collection(document.doc, waitlistCollection.collection).get(id))
	);
	if (!parsed.success) throw new Error('That waitlist entry no longer exists.');
	return { document, entry: parsed.data };
}

/** Puts a patient on the waitlist; returns the entry's id. */
export const addToWaitlist = defineCommand({
	name: 'waitlist.add',
	input: waitlistInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await context.documents.open(SCHEDULE_DOCUMENT);
		const entry: WaitlistEntry = {
			...input,
			id,
			status: 'waiting',
			appointmentId: '',
			addedBy: context.actor,
			addedAt: context.now().toISOString()
		};
		document.transact((doc) => writeRecord(doc, waitlistCollection.collection, id, entry));
		return id;
	},
	audit: (input, id) => ({
		action: 'create',
		target: `schedule/waitlist/${id}`,
		detail: `Waitlisted patients/patients/${input.patientId}`
	})
});

/** Marks an entry booked with the appointment it became. */
export const markWaitlistBooked = defineCommand({
	name: 'waitlist.booked',
	input: z.object({
		id: recordIdSchema,
		appointmentId: z.string().regex(/^[0-9A-Z]{26}$/, 'The appointment ID is malformed.')
	}),
	async run(context, { id, appointmentId }) {
		const { document, entry } = await readEntry(context, id);
		if (entry.status === 'removed') throw new Error('That patient was taken off the waitlist.');
		document.transact((doc) =>
			writeRecord(doc, waitlistCollection.collection, id, { status: 'booked', appointmentId })
		);
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/waitlist/${input.id}`,
		detail: `Booked as schedule/appointments/${input.appointmentId}`
	})
});

/** Takes a patient off the waitlist without a booking. */
export const removeFromWaitlist = defineCommand({
	name: 'waitlist.remove',
	input: z.object({ id: recordIdSchema }),
	async run(context, { id }) {
		const { document } = await readEntry(context, id);
		document.transact((doc) =>
			writeRecord(doc, waitlistCollection.collection, id, { status: 'removed' })
		);
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/waitlist/${input.id}`,
		detail: 'Taken off the waitlist'
	})
});
