/**
 * The rota's setup and requests, kept in the `schedule` document: shift templates, coverage
 * requirements, and time-off requests with their approval. Anyone signed in may approve or
 * decline for now; who may decide comes with roles (issue 6). Coverage requirements are marked
 * removed, never deleted (rota-removal.ts).
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { recordIdSchema, requireRecord } from '$lib/core/commands/existing-record';
import { writeRecord } from '$lib/core/documents/records';
import { recordId } from './fields';
import {
	SCHEDULE_DOCUMENT,
	coverageCollection,
	shiftTemplatesCollection,
	timeOffCollection
} from './collections';
import {
	coverageDaysInputSchema,
	coverageInputSchema,
	shiftTemplateInputSchema,
	timeOffInputSchema
} from './rota-schema';
import { markRemoved, removal } from './rota-removal';

/** '' for a new record, or the id of the one to change. */
const optionalId = z
	.string()
	.regex(/^$|^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'The record ID is malformed.')
	.default('');

/** Creates a shift template, or changes one (`id`); `active: false` retires it. */
export const saveShiftTemplate = defineCommand({
	name: 'rota.save-template',
	input: z.intersection(
		shiftTemplateInputSchema,
		z.object({ id: optionalId, active: z.boolean().default(true) })
	),
	async run(context, { id: given, ...fields }) {
		const id = given || ulid();
		const document = await context.documents.open(SCHEDULE_DOCUMENT);
		document.transact((doc) =>
			writeRecord(doc, shiftTemplatesCollection.collection, id, { ...fields, id })
		);
		return id;
	},
	audit: (input, id) => ({
		action: input.id ? 'update' : 'create',
		target: `schedule/shiftTemplates/${id}`,
		detail: input.active ? 'Shift template saved' : 'Shift template retired'
	})
});

/** Creates or changes a coverage requirement. */
export const saveCoverage = defineCommand({
	name: 'rota.save-coverage',
	input: z.intersection(coverageInputSchema, z.object({ id: optionalId })),
	async run(context, { id: given, ...fields }) {
		const id = given || ulid();
		const document = await context.documents.open(SCHEDULE_DOCUMENT);
		document.transact((doc) =>
			writeRecord(doc, coverageCollection.collection, id, { ...fields, id })
		);
		return id;
	},
	audit: (input, id) => ({
		action: input.id ? 'update' : 'create',
		target: `schedule/coverage/${id}`,
		detail: 'Coverage requirement saved'
	})
});

/**
 * Saves one requirement for several weekdays, one record per day. `ids` are the records of the
 * requirement being edited (one per day it had): they are reused for the chosen days in order,
 * any left over are marked removed, and days beyond them get new records — all in one change.
 */
export const saveCoverageDays = defineCommand({
	name: 'rota.save-coverage-days',
	input: z.intersection(
		coverageDaysInputSchema,
		z.object({ ids: z.array(recordId()).max(7, 'A requirement has at most 7 days.').default([]) })
	),
	async run(context, { ids: given, weekdays, ...fields }) {
		const ids = weekdays.map((_, n) => given[n] ?? ulid());
		const name = coverageCollection.collection;
		const document = await context.documents.open(SCHEDULE_DOCUMENT);
		const removed = removal(context);
		document.transact((doc) => {
			for (const id of given.slice(ids.length)) markRemoved(doc, name, id, removed);
			weekdays.forEach((weekday, n) =>
				writeRecord(doc, name, ids[n], { ...fields, weekday, id: ids[n] })
			);
		});
		return ids;
	},
	audit: (input, ids) => ({
		action: input.ids.length > 0 ? 'update' : 'create',
		target: `schedule/coverage/${ids[0]}`,
		detail: `Coverage requirement saved for ${ids.length} ${ids.length === 1 ? 'day' : 'days'}`
	})
});

/** Marks the records of a requirement removed (one per weekday it covers). */
export const removeCoverageDays = defineCommand({
	name: 'rota.remove-coverage-days',
	input: z.object({
		ids: z.array(recordIdSchema).min(1, 'Choose the requirement to remove.').max(7)
	}),
	async run(context, { ids }) {
		const name = coverageCollection.collection;
		const document = await context.documents.open(SCHEDULE_DOCUMENT);
		const removed = removal(context);
		document.transact((doc) => {
			for (const id of ids) markRemoved(doc, name, id, removed);
		});
	},
	audit: (input) => ({
		action: 'remove',
		target: `schedule/coverage/${input.ids[0]}`,
		detail: `Coverage requirement removed (${input.ids.length} ${input.ids.length === 1 ? 'day' : 'days'})`
	})
});

/** Marks a coverage requirement removed. */
export const removeCoverage = defineCommand({
	name: 'rota.remove-coverage',
	input: z.object({ id: recordIdSchema }),
	async run(context, { id }) {
		const name = coverageCollection.collection;
		const document = await requireRecord(context, SCHEDULE_DOCUMENT, name, id, 'requirement');
		const removed = removal(context);
		document.transact((doc) => markRemoved(doc, name, id, removed));
	},
	audit: (input) => ({
		action: 'remove',
		target: `schedule/coverage/${input.id}`,
		detail: 'Coverage requirement removed'
	})
});

/** Asks for time off; it waits for a decision. */
export const requestTimeOff = defineCommand({
	name: 'rota.request-time-off',
	input: timeOffInputSchema,
	async run(context, request) {
		const id = ulid();
		const document = await context.documents.open(SCHEDULE_DOCUMENT);
		document.transact((doc) =>
			writeRecord(doc, timeOffCollection.collection, id, {
				...request,
				id,
				status: 'requested',
				requestedBy: context.actor,
				requestedAt: context.now().toISOString(),
				decidedBy: '',
				decidedAt: '',
				decisionNote: ''
			})
		);
		return id;
	},
	audit: (input, id) => ({
		action: 'create',
		target: `schedule/timeOff/${id}`,
		detail: `Time off requested for directory/staff/${input.staffId}`
	})
});

/** Approves or declines a time-off request, recording who decided and when. */
export const decideTimeOff = defineCommand({
	name: 'rota.decide-time-off',
	input: z.object({
		id: recordIdSchema,
		decision: z.enum(['approved', 'declined'], { error: 'Approve or decline.' }),
		note: z.string().trim().max(200, 'The note can be at most 200 characters.').default('')
	}),
	async run(context, { id, decision, note }) {
		const name = timeOffCollection.collection;
		const document = await requireRecord(context, SCHEDULE_DOCUMENT, name, id, 'request');
		document.transact((doc) =>
			writeRecord(doc, name, id, {
				status: decision,
				decidedBy: context.actor,
				decidedAt: context.now().toISOString(),
				decisionNote: note
			})
		);
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/timeOff/${input.id}`,
		detail: `Time off ${input.decision}`
	})
});
