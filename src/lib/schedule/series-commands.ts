/**
 * Recurring series: create, change ("this and following" or "all"), cancel, and fill in ahead.
 * "This one" is an ordinary appointment command on the occurrence (appointment-commands.ts),
 * which detaches it so later series changes leave it as the person set it.
 *
 * Occurrences a change drops are voided, not deleted: if another device checked the patient in
 * meanwhile, the visit stays on the schedule (queries.ts isShown) rather than vanishing.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { recordIdSchema } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import {
	SCHEDULE_DOCUMENT,
	appointmentsCollection,
	monthDocument,
	seriesCollection
} from './collections';
import { advanceFlow, scheduledFlow } from './flow-rules';
import { appointmentSchema, seriesSchema, type Appointment, type Series } from './schema';
import {
	continueFrom,
	endBefore,
	fillThrough,
	occurrenceId,
	occurrencesBetween,
	type Occurrence
} from './series-rules';
import { addDays, instantToWallTime, monthsOf } from './zoned-time';
import { localDate } from './fields';

const seriesInput = seriesSchema.pick({
	patientId: true,
	providerId: true,
	typeId: true,
	roomId: true,
	startDate: true,
	time: true,
	minutes: true,
	recurrence: true,
	note: true
});

const today = (context: CommandContext, timeZone: string) =>
	instantToWallTime(context.now().toISOString(), timeZone).date;

async function readSeries(context: CommandContext, id: string): Promise<Series> {
	const document = await context.documents.open(SCHEDULE_DOCUMENT);
	const parsed = seriesSchema.safeParse(
		readRecord(collection(document.doc, seriesCollection.collection).get(id))
	);
	if (!parsed.success) throw new Error('That series no longer exists.');
	return parsed.data;
}

async function writeSeries(context: CommandContext, series: Series): Promise<void> {
	const document = await context.documents.open(SCHEDULE_DOCUMENT);
	document.transact((doc) => writeRecord(doc, seriesCollection.collection, series.id, series));
}

/** Writes the occurrences as appointments, month by month; existing ones get the new times. */
async function writeOccurrences(
	context: CommandContext,
	series: Series,
	occurrences: Occurrence[]
) {
	const now = context.now().toISOString();
	const byMonth = new Map<string, Occurrence[]>();
	for (const o of occurrences) {
		const month = o.date.slice(0, 7);
		byMonth.set(month, [...(byMonth.get(month) ?? []), o]);
	}
	for (const [month, list] of byMonth) {
		const document = await context.documents.open(monthDocument(month));
		document.transact((doc) => {
			const records = collection(doc, appointmentsCollection.collection);
			for (const occurrence of list) {
				const id = occurrenceId(series.id, occurrence.date);
				const existing = appointmentSchema.safeParse(readRecord(records.get(id)));
				if (
					existing.success &&
					(existing.data.detached || existing.data.flow.status !== 'scheduled')
				)
					continue;
				const fields: Partial<Appointment> = {
					patientId: series.patientId,
					providerId: series.providerId,
					typeId: series.typeId,
					roomId: series.roomId,
					start: occurrence.start,
					end: occurrence.end,
					note: series.note,
					voided: false,
					updatedAt: now
				};
				const created = existing.success
					? {}
					: {
							id,
							seriesId: series.id,
							occurrenceDate: occurrence.date,
							detached: false,
							flow: scheduledFlow(now),
							bookedBy: context.actor,
							bookedAt: now
						};
				writeRecord(doc, appointmentsCollection.collection, id, { ...fields, ...created });
			}
		});
	}
}

/**
 * Voids (or cancels, with a reason) the series' own occurrences from `from` on. Returns the dates
 * of those it left alone: moved on their own, or already under way.
 */
async function dropOccurrences(
	context: CommandContext,
	series: Series,
	from: string,
	cancelReason?: string
) {
	const through = series.materializedThrough || from;
	const now = context.now().toISOString();
	const kept: string[] = [];
	for (const month of monthsOf(from, through >= from ? through : from)) {
		const document = await context.documents.open(monthDocument(month));
		document.transact((doc) => {
			for (const value of collection(doc, appointmentsCollection.collection).values()) {
				const parsed = appointmentSchema.safeParse(readRecord(value));
				if (!parsed.success) continue;
				const a = parsed.data;
				if (a.seriesId !== series.id || a.occurrenceDate < from) continue;
				if (a.detached || a.flow.status !== 'scheduled') {
					kept.push(a.occurrenceDate);
					continue;
				}
				if (cancelReason) {
					const result = advanceFlow(a.flow, { to: 'cancelled', reason: cancelReason }, now);
					if (result.ok)
						writeRecord(doc, appointmentsCollection.collection, a.id, {
							flow: result.flow,
							updatedAt: now
						});
				} else {
					writeRecord(doc, appointmentsCollection.collection, a.id, {
						voided: true,
						updatedAt: now
					});
				}
			}
		});
	}
	return kept;
}

/** Fills a series in from `from` through its horizon and records how far it got. */
async function fillIn(context: CommandContext, series: Series, from: string, timeZone: string) {
	const through = fillThrough(series, today(context, timeZone));
	const occurrences = occurrencesBetween(series, from, through);
	await writeOccurrences(context, series, occurrences);
	const filled = { ...series, materializedThrough: through };
	await writeSeries(context, filled);
	return occurrences.length;
}

/** Books a recurring series; returns its id and how many visits were put on the schedule. */
export function createSeries(timeZone: string) {
	return defineCommand({
		name: 'series.create',
		input: seriesInput.superRefine((s, ctx) => {
			const first = occurrencesBetween(
				{ ...s, timeZone },
				s.startDate,
				fillThrough({ ...s, timeZone }, s.startDate)
			)[0];
			if (first?.date !== s.startDate) {
				ctx.addIssue({
					code: 'custom',
					path: ['startDate'],
					message: 'The first date must be one the series repeats on.'
				});
			}
		}),
		async run(context, input) {
			const now = context.now().toISOString();
			const series: Series = {
				...input,
				id: ulid(),
				timeZone,
				skipDates: [],
				materializedThrough: '',
				bookedBy: context.actor,
				bookedAt: now,
				updatedAt: now
			};
			const count = await fillIn(context, series, series.startDate, timeZone);
			return { id: series.id, count };
		},
		audit: (input, { id }) => ({
			action: 'create',
			target: `schedule/series/${id}`,
			detail: `Series booked for patients/patients/${input.patientId}`
		})
	});
}

const seriesChange = seriesInput
	.pick({
		providerId: true,
		typeId: true,
		roomId: true,
		time: true,
		minutes: true,
		recurrence: true,
		note: true
	})
	.partial();

/**
 * Changes a series from the occurrence on `from` on. 'following' ends the series before `from` and
 * starts a new one there; 'all' changes the series itself, from today on (the past stays as it
 * happened). Returns the id of the series that holds the changed occurrences.
 */
export function changeSeries(timeZone: string) {
	return defineCommand({
		name: 'series.change',
		input: z.object({
			id: recordIdSchema,
			scope: z.enum(['following', 'all']),
			from: localDate('date'),
			change: seriesChange
		}),
		async run(context, { id, scope, from, change }) {
			const series = await readSeries(context, id);
			const now = context.now().toISOString();
			const start =
				scope === 'all'
					? today(context, timeZone) > series.startDate
						? today(context, timeZone)
						: series.startDate
					: from;
			const kept = await dropOccurrences(context, series, start);
			const skipDates = [...new Set([...series.skipDates, ...kept])].sort();
			if (scope === 'all') {
				const changed: Series = { ...series, ...change, skipDates, updatedAt: now };
				await fillIn(context, changed, start, timeZone);
				return changed.id;
			}
			await writeSeries(context, {
				...series,
				recurrence: endBefore(series.recurrence, series.startDate, from),
				materializedThrough: series.materializedThrough < from ? series.materializedThrough : from,
				updatedAt: now
			});
			// A new rule stands as given; an unchanged one continues with the visits it had left.
			const recurrence =
				change.recurrence ?? continueFrom(series.recurrence, series.startDate, from);
			const next: Series = {
				...series,
				...change,
				recurrence,
				skipDates,
				id: ulid(),
				startDate: from,
				materializedThrough: '',
				bookedAt: now,
				updatedAt: now
			};
			await fillIn(context, next, from, timeZone);
			return next.id;
		},
		audit: (input, id) => ({
			action: 'update',
			target: `schedule/series/${input.id}`,
			detail:
				input.scope === 'all'
					? 'Series changed'
					: `Series changed from ${input.from}; continues as schedule/series/${id}`
		})
	});
}

/** Cancels a series' visits from `from` on, with a reason, and ends the series there. */
export const cancelSeries = defineCommand({
	name: 'series.cancel',
	input: z.object({
		id: recordIdSchema,
		from: localDate('date'),
		reason: z
			.string()
			.trim()
			.min(1, 'Give a reason.')
			.max(200, 'The reason can be at most 200 characters.')
	}),
	async run(context, { id, from, reason }) {
		const series = await readSeries(context, id);
		await dropOccurrences(context, series, from, reason);
		const recurrence = endBefore(series.recurrence, series.startDate, from);
		await writeSeries(context, { ...series, recurrence, updatedAt: context.now().toISOString() });
	},
	audit: (input) => ({
		action: 'update',
		target: `schedule/series/${input.id}`,
		detail: `Series cancelled from ${input.from}`
	})
});

/** Fills open-ended series in up to a year ahead of `today` (run as the calendar moves on). */
export function topUpSeries(timeZone: string) {
	return defineCommand({
		name: 'series.top-up',
		input: z.object({ series: z.array(recordIdSchema) }),
		async run(context, input) {
			let added = 0;
			for (const id of input.series) {
				const series = await readSeries(context, id);
				const through = fillThrough(series, today(context, timeZone));
				if (series.materializedThrough >= through) continue;
				const from = series.materializedThrough
					? addDays(series.materializedThrough, 1)
					: series.startDate;
				added += await fillIn(context, series, from, timeZone);
			}
			return added;
		},
		audit: (input, added) => ({
			action: 'update',
			target: 'schedule/series',
			detail: `${input.series.length} series filled in ahead (${added} visits)`
		})
	});
}
