/**
 * Recording vitals, and striking out a set entered in error. The form's schema depends on the
 * patient (date of birth, for age-specific limits), the office's time zone and the clock, so the
 * commands are built per patient (and per set). Audit entries name sets and the patient by id
 * only and never carry readings or reasons: the audit log is not the chart.
 *
 * A set is never deleted or rewritten: marking it in error adds one field to it, and a
 * correction is a new set plus that mark on the old one, naming each other.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type Command, type CommandContext } from '$lib/core/commands/command';
import { requireRecord } from '$lib/core/commands/existing-record';
import type { OfficeDocument } from '$lib/core/documents/office-document';
import { collection, readRecord, writeRecord, type PlainRecord } from '$lib/core/documents/records';
import { vitalsCollection, vitalsDocument } from './collections';
import { inErrorReason, markInErrorInputSchema, type EnteredInError } from './vitals-error-schema';
import { makeVitalsInputSchema, type MeasurementContext, type VitalsInput } from './vitals-schema';

/** Whose vitals are being recorded, and where the office is (for the patient's age that day). */
export interface VitalsSubject extends Omit<MeasurementContext, 'now'> {
	patientId: string;
}

/** The stored set a command strikes out: its id, and when it was taken (its year document). */
export interface VitalsSetRef {
	id: string;
	takenAt: string;
	patientId: string;
}

/** The form as typed; `takenAt` may be left out (or blank) to mean "now". */
export type RecordVitalsInput = Omit<
	z.input<ReturnType<typeof makeVitalsInputSchema>>,
	'takenAt'
> & {
	takenAt?: string;
};

/** The form with the reason the set it replaces was wrong. */
export type CorrectVitalsInput = RecordVitalsInput & { reason: string };

/** The form's schema for `subject`, with a missing `takenAt` filled in from `now`. */
function formSchema(subject: VitalsSubject, now: () => Date) {
	const form = makeVitalsInputSchema({ ...subject, now });
	return z.preprocess((raw) => {
		if (typeof raw !== 'object' || raw === null) return raw;
		const takenAt = (raw as { takenAt?: unknown }).takenAt;
		return takenAt ? raw : { ...raw, takenAt: now().toISOString() };
	}, form);
}

/** Writes a new set for `subject` under `id`. */
async function writeSet(
	context: CommandContext,
	subject: VitalsSubject,
	id: string,
	fields: VitalsInput & { corrects?: string }
): Promise<void> {
	const document = await context.documents.open(vitalsDocument(fields.takenAt));
	document.transact((doc) =>
		writeRecord(doc, vitalsCollection.collection, id, {
			...fields,
			id,
			patientId: subject.patientId,
			takenBy: context.actor
		})
	);
}

/** Opens the document of a stored set that is not yet struck out; throws otherwise. */
async function unmarkedSet(context: CommandContext, set: VitalsSetRef): Promise<OfficeDocument> {
	const name = vitalsCollection.collection;
	const ref = vitalsDocument(set.takenAt);
	const document = await requireRecord(context, ref, name, set.id, 'vitals set');
	const stored = readRecord(collection(document.doc, name).get(set.id)) as PlainRecord;
	if (stored.enteredInError) throw new Error('These vitals are already marked in error.');
	return document;
}

/** The in-error mark, attributed to the signed-in person, now. */
function markBy(context: CommandContext, reason: string, replacedBy?: string): EnteredInError {
	const at = context.now().toISOString();
	return { at, by: context.actor, reason, ...(replacedBy ? { replacedBy } : {}) };
}

/** Writes the mark on a set whose document `unmarkedSet` opened. */
function strike(document: OfficeDocument, set: VitalsSetRef, mark: EnteredInError): void {
	const name = vitalsCollection.collection;
	document.transact((doc) => writeRecord(doc, name, set.id, { enteredInError: mark }));
}

/** The record-vitals command for one patient; `now` fills in a missing `takenAt`. */
export function recordVitals(
	subject: VitalsSubject,
	now: () => Date = () => new Date()
): Command<z.ZodType<VitalsInput, RecordVitalsInput>, string> {
	return defineCommand({
		name: 'clinical.record-vitals',
		input: formSchema(subject, now) as unknown as z.ZodType<VitalsInput, RecordVitalsInput>,
		async run(context, vitals) {
			const id = ulid();
			await writeSet(context, subject, id, vitals);
			return id;
		},
		audit: (_vitals, id) => ({
			action: 'create',
			target: `clinical/vitals/${id}`,
			detail: `Vitals recorded for patients/patients/${subject.patientId}`
		})
	});
}

/** Marks one stored set as entered in error, attributed to the signed-in person, now. */
export function markVitalsInError(set: VitalsSetRef) {
	return defineCommand({
		name: 'clinical.mark-vitals-in-error',
		input: markInErrorInputSchema,
		async run(context, { reason }) {
			strike(await unmarkedSet(context, set), set, markBy(context, reason));
		},
		audit: () => ({
			action: 'update',
			target: `clinical/vitals/${set.id}`,
			detail: `Vitals marked entered in error for patients/patients/${set.patientId}`
		})
	});
}

/** Records a corrected set for `subject` and marks `set` in error, each naming the other. */
export function correctVitals(
	set: VitalsSetRef,
	subject: VitalsSubject,
	now: () => Date = () => new Date()
): Command<z.ZodType<VitalsInput & { reason: string }, CorrectVitalsInput>, string> {
	const input = z.intersection(formSchema(subject, now), z.object({ reason: inErrorReason }));
	return defineCommand({
		name: 'clinical.correct-vitals',
		input: input as unknown as z.ZodType<VitalsInput & { reason: string }, CorrectVitalsInput>,
		async run(context, { reason, ...vitals }) {
			// Refuse before writing anything: a set already struck out gets no second correction.
			const original = await unmarkedSet(context, set);
			const id = ulid();
			await writeSet(context, subject, id, { ...vitals, corrects: set.id });
			strike(original, set, markBy(context, reason, id));
			return id;
		},
		audit: (_input, id) => ({
			action: 'update',
			target: `clinical/vitals/${set.id}`,
			detail: `Vitals corrected by clinical/vitals/${id} for patients/patients/${set.patientId}`
		})
	});
}
