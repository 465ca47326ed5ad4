/**
 * Recording vitals. The form's schema depends on the patient (date of birth, for age-specific
 * limits) and the office's time zone, so the command is built per patient. Audit entries name the
 * set and the patient by id only and never carry readings: the audit log is not the chart.
 *
 * Correcting or striking out a set ("entered in error") is not offered yet: the stored schema
 * (vitalsSetSchema) has no field to mark it, and adding one needs a schema change first.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type Command } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import { vitalsCollection, vitalsDocument } from './collections';
import { makeVitalsInputSchema, type MeasurementContext, type VitalsInput } from './vitals-schema';

/** Whose vitals are being recorded, and where the office is (for the patient's age that day). */
export interface VitalsSubject extends MeasurementContext {
	patientId: string;
}

/** The form as typed; `takenAt` may be left out (or blank) to mean "now". */
export type RecordVitalsInput = Omit<
	z.input<ReturnType<typeof makeVitalsInputSchema>>,
	'takenAt'
> & {
	takenAt?: string;
};

/** The record-vitals command for one patient; `now` fills in a missing `takenAt`. */
export function recordVitals(
	subject: VitalsSubject,
	now: () => Date = () => new Date()
): Command<z.ZodType<VitalsInput, RecordVitalsInput>, string> {
	const form = makeVitalsInputSchema(subject);
	const input = z.preprocess((raw) => {
		if (typeof raw !== 'object' || raw === null) return raw;
		const takenAt = (raw as { takenAt?: unknown }).takenAt;
		return takenAt ? raw : { ...raw, takenAt: now().toISOString() };
	}, form) as unknown as z.ZodType<VitalsInput, RecordVitalsInput>;
	return defineCommand({
		name: 'clinical.record-vitals',
		input,
		async run(context, vitals) {
			const id = ulid();
			const document = await context.documents.open(vitalsDocument(vitals.takenAt));
			document.transact((doc) =>
				writeRecord(doc, vitalsCollection.collection, id, {
					...vitals,
					id,
					patientId: subject.patientId,
					takenBy: context.actor
				})
			);
			return id;
		},
		audit: (_vitals, id) => ({
			action: 'create',
			target: `clinical/vitals/${id}`,
			detail: `Vitals recorded for patients/patients/${subject.patientId}`
		})
	});
}
