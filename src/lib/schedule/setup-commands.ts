/**
 * Changing the schedule's setup: appointment types, each provider's weekly availability, office
 * holidays and one-off day changes. All of it lives in the `schedule` document.
 *
 * Availability is a chain of templates per provider, each in force from a date. Saving one
 * "from 1 December" ends the template in force before then on 30 November and replaces one that
 * started on the same date; later templates stay (planned changes further ahead).
 *
 * Nothing here deletes a record: removing (or replacing) one writes `removedAt`/`removedBy`, and
 * restoring clears them. A deleted Yjs record would drop an edit another device made to it
 * offline; a marked one keeps that edit, and the setup can show what was removed.
 */
import { ulid } from 'ulid';
import type * as Y from 'yjs';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { recordIdSchema, requireRecord } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import {
	SCHEDULE_DOCUMENT,
	appointmentTypesCollection,
	dayChangesCollection,
	holidaysCollection,
	templatesCollection
} from './collections';
import {
	appointmentTypeInputSchema,
	availabilityTemplateInputSchema,
	availabilityTemplateSchema,
	dayChangeInputSchema,
	holidayInputSchema
} from './schema';
import { addDays } from './zoned-time';

const schedule = (context: CommandContext) => context.documents.open(SCHEDULE_DOCUMENT);

/** The fields that mark a setup record removed, by this person now. */
const removal = (context: CommandContext) => ({
	removedAt: context.now().toISOString(),
	removedBy: context.actor
});

/** Makes a removed setup record count again. */
function clearRemoval(doc: Y.Doc, records: string, id: string): void {
	const record = collection(doc, records).get(id);
	record?.delete('removedAt');
	record?.delete('removedBy');
}

/** Adds an appointment type; returns its id. */
export const createAppointmentType = defineCommand({
	name: 'appointment-types.create',
	input: appointmentTypeInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await schedule(context);
		document.transact((doc) =>
			writeRecord(doc, appointmentTypesCollection.collection, id, { ...input, id, active: true })
		);
		return id;
	},
	audit: (_input, id) => ({
		action: 'create',
		target: `schedule/appointmentTypes/${id}`,
		detail: 'Appointment type added'
	})
});

/** Changes an appointment type (booked visits keep their times). */
export const updateAppointmentType = defineCommand({
	name: 'appointment-types.update',
	input: appointmentTypeInputSchema.extend({ id: recordIdSchema }),
	async run(context, { id, ...fields }) {
		const document = await requireRecord(
			context,
			SCHEDULE_DOCUMENT,
			appointmentTypesCollection.collection,
			id,
			'appointment type'
		);
		document.transact((doc) => writeRecord(doc, appointmentTypesCollection.collection, id, fields));
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/appointmentTypes/${input.id}`,
		detail: 'Appointment type edited'
	})
});

/** Deactivates (no longer offered for booking) or reactivates an appointment type. */
export const setAppointmentTypeActive = defineCommand({
	name: 'appointment-types.set-active',
	input: z.object({ id: recordIdSchema, active: z.boolean() }),
	async run(context, { id, active }) {
		const document = await requireRecord(
			context,
			SCHEDULE_DOCUMENT,
			appointmentTypesCollection.collection,
			id,
			'appointment type'
		);
		document.transact((doc) =>
			writeRecord(doc, appointmentTypesCollection.collection, id, { active })
		);
	},
	audit: (input) => ({
		action: input.active ? 'reactivate' : 'deactivate',
		target: `schedule/appointmentTypes/${input.id}`,
		detail: input.active ? 'Appointment type reactivated' : 'Appointment type deactivated'
	})
});

/** Saves a provider's weekly hours from `effectiveFrom` on; returns the template's id. */
export const saveAvailabilityTemplate = defineCommand({
	name: 'availability.save',
	input: availabilityTemplateInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await schedule(context);
		const removed = removal(context);
		document.transact((doc) => {
			const records = collection(doc, templatesCollection.collection);
			const dayBefore = addDays(input.effectiveFrom, -1);
			for (const [otherId, value] of [...records.entries()]) {
				const parsed = availabilityTemplateSchema.safeParse(readRecord(value));
				if (!parsed.success || parsed.data.providerId !== input.providerId) continue;
				const other = parsed.data;
				if (other.removedAt) continue;
				if (other.effectiveFrom === input.effectiveFrom) {
					writeRecord(doc, templatesCollection.collection, otherId, removed);
				} else if (
					other.effectiveFrom < input.effectiveFrom &&
					(other.effectiveTo === undefined || other.effectiveTo > dayBefore)
				) {
					writeRecord(doc, templatesCollection.collection, otherId, { effectiveTo: dayBefore });
				}
			}
			writeRecord(doc, templatesCollection.collection, id, { ...input, id });
		});
		return id;
	},
	audit: (input, id) => ({
		action: 'update',
		target: `schedule/availability/${id}`,
		detail: `Availability saved for directory/staff/${input.providerId}`
	})
});

type DayChangeFields = { providerId?: string; date?: string; removedAt?: string };

/** The provider's change on that date, preferring one in force over a removed one. */
function dayChangeOn(doc: Y.Doc, providerId: string, date: string, except = '') {
	let found: { id: string; removed: boolean } | undefined;
	for (const [id, value] of collection(doc, dayChangesCollection.collection).entries()) {
		const other = readRecord(value) as DayChangeFields;
		if (id === except || other.providerId !== providerId || other.date !== date) continue;
		if (!found || (found.removed && !other.removedAt)) found = { id, removed: !!other.removedAt };
	}
	return found;
}

/**
 * Sets a provider's hours on one date (none: not working); replaces a change already there, and
 * brings back a removed one of that date rather than keeping two.
 */
export const saveDayChange = defineCommand({
	name: 'day-changes.save',
	input: dayChangeInputSchema,
	async run(context, input) {
		const document = await schedule(context);
		let id = '';
		document.transact((doc) => {
			const existing = dayChangeOn(doc, input.providerId, input.date);
			id = existing?.id ?? ulid();
			writeRecord(doc, dayChangesCollection.collection, id, { ...input, id });
			if (existing?.removed) clearRemoval(doc, dayChangesCollection.collection, id);
		});
		return id;
	},
	audit: (input, id) => ({
		action: 'update',
		target: `schedule/dayChanges/${id}`,
		detail: `Day changed for directory/staff/${input.providerId}`
	})
});

/** A command that marks one record of the `schedule` document removed (`what` names it in errors). */
function removeSetupRecord(name: string, records: string, what: string, detail: string) {
	return defineCommand({
		name,
		input: z.object({ id: recordIdSchema }),
		async run(context, { id }) {
			const document = await requireRecord(context, SCHEDULE_DOCUMENT, records, id, what);
			const removed = removal(context);
			document.transact((doc) => {
				// Removing twice keeps the first removal: who did it, and when.
				if (!collection(doc, records).get(id)?.get('removedAt')) {
					writeRecord(doc, records, id, removed);
				}
			});
		},
		audit: (input) => ({ action: 'remove', target: `schedule/${records}/${input.id}`, detail })
	});
}

/** A command that makes a removed record of the `schedule` document count again. */
function restoreSetupRecord(
	name: string,
	records: string,
	what: string,
	detail: string,
	refuse: (doc: Y.Doc, id: string) => string | undefined = () => undefined
) {
	return defineCommand({
		name,
		input: z.object({ id: recordIdSchema }),
		async run(context, { id }) {
			const document = await requireRecord(context, SCHEDULE_DOCUMENT, records, id, what);
			const problem = refuse(document.doc, id);
			if (problem) throw new Error(problem);
			document.transact((doc) => clearRemoval(doc, records, id));
		},
		audit: (input) => ({ action: 'restore', target: `schedule/${records}/${input.id}`, detail })
	});
}

/** Removes a one-off day change: the weekly hours apply again. */
export const removeDayChange = removeSetupRecord(
	'day-changes.remove',
	dayChangesCollection.collection,
	'day change',
	'Day change removed'
);

/** Brings back a removed day change, unless the provider's day has been changed again since. */
export const restoreDayChange = restoreSetupRecord(
	'day-changes.restore',
	dayChangesCollection.collection,
	'day change',
	'Day change restored',
	(doc, id) => {
		const record = readRecord(collection(doc, dayChangesCollection.collection).get(id));
		const { providerId = '', date = '' } = record as DayChangeFields;
		const other = dayChangeOn(doc, providerId, date, id);
		return other && !other.removed
			? 'That day has another change now. Remove it first to restore this one.'
			: undefined;
	}
);

/** Closes the office on a date; returns the holiday's id. */
export const addHoliday = defineCommand({
	name: 'holidays.add',
	input: holidayInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await schedule(context);
		document.transact((doc) =>
			writeRecord(doc, holidaysCollection.collection, id, { ...input, id })
		);
		return id;
	},
	audit: (_input, id) => ({
		action: 'create',
		target: `schedule/holidays/${id}`,
		detail: 'Holiday added'
	})
});

/** Removes a holiday: the office is open that day again. */
export const removeHoliday = removeSetupRecord(
	'holidays.remove',
	holidaysCollection.collection,
	'holiday',
	'Holiday removed'
);

/** Brings back a removed holiday: the office is closed that day again. */
export const restoreHoliday = restoreSetupRecord(
	'holidays.restore',
	holidaysCollection.collection,
	'holiday',
	'Holiday restored'
);
