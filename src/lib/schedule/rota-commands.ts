/**
 * Assigning shifts: one at a time from the rota grid, or a whole week copied from the one before.
 * A shift lives in the month document of its date. Approved time off blocks an assignment with a
 * message (the rota must not put someone on who is away); so does a shift of the same person that
 * overlaps, so a double tap does not book them twice. Both checks read this device's copy: a
 * clash arriving later by sync shows as hours and gaps, never silently removed. Removing a shift
 * marks it (rota-removal.ts); removed shifts neither block nor get copied.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { recordIdSchema, requireRecord } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import {
	SCHEDULE_DOCUMENT,
	monthDocument,
	shiftsCollection,
	timeOffCollection
} from './collections';
import { markRemoved, removal } from './rota-removal';
import { shiftSpan, timeOffClash, timeOffMessage } from './rota-rules';
import {
	shiftInputSchema,
	shiftSchema,
	timeOffSchema,
	type Shift,
	type TimeOff
} from './rota-schema';
import { localDate } from './fields';
import { addDays, daysBetween, monthsOf } from './zoned-time';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'The shift’s month is malformed.');

/** Every valid record of a collection in an open document. */
function readAll<T>(
	doc: Parameters<typeof collection>[0],
	name: string,
	schema: z.ZodType<T>
): T[] {
	const found: T[] = [];
	for (const value of collection(doc, name).values()) {
		const parsed = schema.safeParse(readRecord(value));
		if (parsed.success) found.push(parsed.data);
	}
	return found;
}

async function approvedTimeOff(context: CommandContext): Promise<TimeOff[]> {
	const document = await context.documents.open(SCHEDULE_DOCUMENT);
	return readAll(document.doc, timeOffCollection.collection, timeOffSchema);
}

/** Shifts on the rota for the dates `from`–`to` (every month they touch; none removed). */
async function shiftsBetween(context: CommandContext, from: string, to: string): Promise<Shift[]> {
	const found: Shift[] = [];
	for (const m of monthsOf(from, to)) {
		const document = await context.documents.open(monthDocument(m));
		found.push(...readAll(document.doc, shiftsCollection.collection, shiftSchema));
	}
	return found.filter((s) => !s.removedAt && s.date >= from && s.date <= to);
}

type ShiftInput = z.output<typeof shiftInputSchema>;

/** Why `shift` cannot be assigned, or '' when it can. */
function refusal(
	shift: ShiftInput,
	timeOff: TimeOff[],
	existing: Shift[],
	timeZone: string
): string {
	const away = timeOffClash(timeOff, shift, timeZone);
	if (away) return timeOffMessage(away);
	const span = shiftSpan(shift, timeZone);
	const overlapping = existing.some((other) => {
		if (other.staffId !== shift.staffId) return false;
		const o = shiftSpan(other, timeZone);
		return o.start < span.end && span.start < o.end;
	});
	return overlapping ? 'This person already has a shift at that time.' : '';
}

async function store(
	context: CommandContext,
	shift: ShiftInput
): Promise<{ id: string; month: string }> {
	const id = ulid();
	const home = shift.date.slice(0, 7);
	const document = await context.documents.open(monthDocument(home));
	const record: Shift = {
		...shift,
		id,
		assignedBy: context.actor,
		assignedAt: context.now().toISOString()
	};
	document.transact((doc) => writeRecord(doc, shiftsCollection.collection, id, record));
	return { id, month: home };
}

/** Puts a person on a shift on a date; refused over approved time off or their own shift. */
export function assignShift(timeZone: string) {
	return defineCommand({
		name: 'rota.assign',
		input: shiftInputSchema,
		async run(context, shift) {
			const existing = await shiftsBetween(
				context,
				addDays(shift.date, -1),
				addDays(shift.date, 1)
			);
			const why = refusal(shift, await approvedTimeOff(context), existing, timeZone);
			if (why) throw new Error(why);
			return store(context, shift);
		},
		audit: (input, { id }) => ({
			action: 'create',
			target: `schedule/shifts/${id}`,
			detail: `Shift assigned to directory/staff/${input.staffId}`
		})
	});
}

/** Takes a shift off the rota: it is marked removed, not deleted. */
export const removeShift = defineCommand({
	name: 'rota.remove',
	input: z.object({ id: recordIdSchema, month }),
	async run(context, { id, month: home }) {
		const name = shiftsCollection.collection;
		const document = await requireRecord(context, monthDocument(home), name, id, 'shift');
		const removed = removal(context);
		document.transact((doc) => markRemoved(doc, name, id, removed));
	},
	audit: (input) => ({
		action: 'remove',
		target: `schedule/shifts/${input.id}`,
		detail: 'Shift removed'
	})
});

const monday = (label: string) =>
	localDate(label).refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, 'Choose a Monday.');

/**
 * Copies the shifts of the week starting `from` into the week starting `to`, day for day. Shifts
 * that would land on approved time off or on a shift already there are skipped and counted.
 */
export function copyWeek(timeZone: string) {
	return defineCommand({
		name: 'rota.copy-week',
		input: z.object({ from: monday('week to copy'), to: monday('week to fill') }),
		async run(context, { from, to }) {
			const shift = daysBetween(from, to);
			const source = await shiftsBetween(context, from, addDays(from, 6));
			const existing = await shiftsBetween(context, addDays(to, -1), addDays(to, 7));
			const timeOff = await approvedTimeOff(context);
			let [copied, skipped] = [0, 0];
			for (const original of source.sort((a, b) => a.date.localeCompare(b.date))) {
				const { id: _id, assignedBy: _by, assignedAt: _at, ...fields } = original;
				const copy = { ...fields, date: addDays(original.date, shift) };
				if (refusal(copy, timeOff, existing, timeZone)) {
					skipped++;
					continue;
				}
				const { id } = await store(context, copy);
				existing.push({ ...copy, id, assignedBy: context.actor, assignedAt: '' });
				copied++;
			}
			return { copied, skipped };
		},
		audit: (input, { copied }) => ({
			action: 'create',
			target: `schedule/shifts/${input.to}`,
			detail: `${copied} shifts copied from the week of ${input.from}`
		})
	});
}
