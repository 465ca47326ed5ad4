/**
 * Changing a patient's medical history: add an item of any kind, edit it, or strike it out as
 * "entered in error". Nothing is ever deleted, so the chart keeps what was once recorded and by
 * whom. Every change names the signed-in person and the command's clock.
 *
 * Allergies and "no known allergies" (NKA) must not contradict each other: NKA is refused while an
 * allergy stands on the chart (merged records included), and a new allergy or a newer NKA marks
 * every standing NKA superseded. Two devices working offline can still record both; the chart
 * shows that as a conflict (see allergyStatus) for a person to resolve.
 *
 * Audit entries name the item and the patient by id only — not the kind, never the content.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand, type Command, type CommandContext } from '$lib/core/commands/command';
import { requireRecord } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import { chartPatientIds, type ClinicalPatient } from './clinical-patient';
import { CLINICAL_AREA } from './collections';
import { optionalText, recordId } from './fields';
import { historyCollection, historyDocument, historyYear } from './history-collections';
import { isStanding } from './history-rules';
import { historyInputSchema, historyItemSchema } from './history-schema';
import type { HistoryFormInput, HistoryInput, HistoryItem, HistoryKind } from './history-schema';

/** Whose history changes, and the year documents that may hold it (see historySubject). */
export interface HistorySubject {
	patient: ClinicalPatient;
	years: readonly string[];
}

const NAME = historyCollection.collection;

/** The standing allergy and NKA entries on the subject's chart, read from the documents. */
async function standingAllergyEntries(
	context: CommandContext,
	subject: HistorySubject,
	alsoYear: string
): Promise<HistoryItem[]> {
	const ids = new Set(chartPatientIds(subject.patient));
	const found: HistoryItem[] = [];
	for (const period of new Set([...subject.years, alsoYear])) {
		const document = await context.documents.open({ area: CLINICAL_AREA, period });
		for (const raw of collection(document.doc, NAME).values()) {
			// An item this version cannot read is in quarantine and listed there, not counted here.
			const parsed = historyItemSchema.safeParse(readRecord(raw));
			if (!parsed.success || !ids.has(parsed.data.patientId) || !isStanding(parsed.data)) continue;
			if (parsed.data.kind === 'allergy' || parsed.data.kind === 'no-known-allergies') {
				found.push(parsed.data);
			}
		}
	}
	return found;
}

/** The command that adds an item of `kind` to the subject's history; it returns the new id. */
export function addHistoryItem<K extends HistoryKind>(
	subject: HistorySubject,
	kind: K
): Command<z.ZodType<HistoryInput<K>, HistoryFormInput<K>>, string> {
	return defineCommand({
		name: `clinical.add-${kind}`,
		input: historyInputSchema(kind),
		async run(context, fields) {
			const now = context.now();
			const id = ulid(now.getTime());
			const allergyKind = kind === 'allergy' || kind === 'no-known-allergies';
			const standing = allergyKind
				? await standingAllergyEntries(context, subject, historyYear(id))
				: [];
			if (kind === 'no-known-allergies' && standing.some((item) => item.kind === 'allergy')) {
				throw new Error(
					'This patient has allergies on file. Mark them entered in error first if they are wrong.'
				);
			}
			const change = { at: now.toISOString(), by: context.actor };
			const document = await context.documents.open(historyDocument(id));
			document.transact((doc) =>
				writeRecord(doc, NAME, id, {
					...(fields as Record<string, unknown>),
					kind,
					id,
					patientId: subject.patient.id,
					recordedAt: change.at,
					recordedBy: change.by,
					updatedAt: null,
					updatedBy: null,
					enteredInError: null,
					...(kind === 'no-known-allergies' ? { superseded: null } : {})
				})
			);
			// One transaction per document: a crash in between leaves both standing, shown as a conflict.
			for (const old of standing.filter((item) => item.kind === 'no-known-allergies')) {
				const oldDocument = await context.documents.open(historyDocument(old.id));
				oldDocument.transact((doc) =>
					writeRecord(doc, NAME, old.id, { superseded: { ...change, itemId: id } })
				);
			}
			return id;
		},
		audit: (_fields, id) => ({
			action: 'create',
			target: `clinical/history/${id}`,
			detail: `Medical history item added for patients/patients/${subject.patient.id}`
		})
	});
}

/** The stored fields of an existing item, after checking it may still be changed. */
async function openStanding(context: CommandContext, id: string) {
	const document = await requireRecord(context, historyDocument(id), NAME, id, 'history item');
	const stored = readRecord(collection(document.doc, NAME).get(id)) as Record<string, unknown>;
	if (stored.enteredInError) {
		throw new Error('That item was marked entered in error; it can no longer be changed.');
	}
	return { document, stored };
}

/** The command that edits an item of `kind`, keeping who first recorded it and when. */
export function updateHistoryItem<K extends HistoryKind>(kind: K) {
	return defineCommand({
		name: `clinical.update-${kind}`,
		input: z.intersection(z.object({ id: recordId() }), historyInputSchema(kind)),
		async run(context, { id, ...fields }) {
			const { document, stored } = await openStanding(context, id);
			if (stored.kind !== kind) throw new Error('That history item is of another kind.');
			const updatedAt = context.now().toISOString();
			document.transact((doc) =>
				writeRecord(doc, NAME, id, { ...fields, updatedAt, updatedBy: context.actor })
			);
		},
		audit: ({ id }) => ({
			action: 'update',
			target: `clinical/history/${id}`,
			detail: 'Medical history item edited'
		})
	});
}

/** Strikes an item out as entered in error: it stays on file, apart, with who did it and why. */
export const markHistoryEnteredInError = defineCommand({
	name: 'clinical.history-entered-in-error',
	input: z.object({ id: recordId(), reason: optionalText('The reason', 200) }),
	async run(context, { id, reason }) {
		const { document } = await openStanding(context, id);
		const enteredInError = { at: context.now().toISOString(), by: context.actor, reason };
		document.transact((doc) => writeRecord(doc, NAME, id, { enteredInError }));
	},
	audit: ({ id }) => ({
		action: 'entered-in-error',
		target: `clinical/history/${id}`,
		detail: 'Medical history item marked entered in error'
	})
});
