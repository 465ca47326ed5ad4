/**
 * Merging a duplicate patient record into the one that stays, and undoing that. Both read the
 * records from the document (not the projection) inside the transaction, so what is planned is
 * what is written. Neither rewrites a clinical record or an audit entry: the merged record keeps
 * its id and everything filed under it; the survivor's chart reads it through `mergedIdsOf`.
 * Audit entries name the two record ids only.
 */
import { ulid } from 'ulid';
import type * as Y from 'yjs';
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { recordIdSchema } from '$lib/core/commands/existing-record';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import {
	PATIENTS_DOCUMENT,
	mergesCollection,
	patientsCollection,
	policiesCollection
} from './collections';
import { insurancePolicySchema, type InsurancePolicy } from './insurance-schema';
import { planMerge } from './merge';
import { mergeRecordSchema, type MergeRecord } from './merge-schema';
import { planUndo } from './merge-undo';
import { patientSchema, type Patient } from './schema';

export const mergePatients = defineCommand({
	name: 'patients.merge',
	input: z.object({
		survivorId: recordIdSchema,
		duplicateId: recordIdSchema,
		/** Conflicting fields where the person chose the duplicate's value. */
		takeFromDuplicate: z.array(z.string().max(60)).max(100).default([])
	}),
	async run(context, { survivorId, duplicateId, takeFromDuplicate }) {
		const document = await context.documents.open(PATIENTS_DOCUMENT);
		return document.transact((doc) => {
			const [survivor, duplicate] = [
				storedPatient(doc, survivorId),
				storedPatient(doc, duplicateId)
			];
			const policies = storedPolicies(doc, [survivorId, duplicateId]);
			const result = planMerge(survivor, duplicate, { policies, takeFromDuplicate });
			if (!result.ok) throw new Error(result.problem);
			const { plan } = result;
			writeRecord(doc, patientsCollection.collection, survivorId, plan.merged);
			writeRecord(doc, patientsCollection.collection, duplicateId, plan.retired);
			for (const id of plan.movedPolicies) {
				writePolicy(doc, id, { patientId: survivorId, mergedFrom: duplicateId });
			}
			for (const id of plan.removedPolicies) writePolicy(doc, id, { active: false });
			const mergeId = ulid();
			const record: MergeRecord = {
				id: mergeId,
				survivorId,
				duplicateId,
				mergedAt: context.now().toISOString(),
				duplicateWasActive: duplicate.active,
				changes: plan.changes,
				movedPolicies: plan.movedPolicies,
				removedPolicies: plan.removedPolicies,
				undoneAt: ''
			};
			writeRecord(doc, mergesCollection.collection, mergeId, record);
			return { mergeId, auditDetail: plan.auditDetail };
		});
	},
	audit: (input, { auditDetail }) => ({
		action: 'merge',
		target: `patients/patients/${input.duplicateId}`,
		detail: auditDetail
	})
});

/** Separates a merged record from its survivor again (see merge-undo.ts for what it restores). */
export const undoMerge = defineCommand({
	name: 'patients.undo-merge',
	input: z.object({ duplicateId: recordIdSchema }),
	async run(context, { duplicateId }) {
		const document = await context.documents.open(PATIENTS_DOCUMENT);
		return document.transact((doc) => {
			const merge = latestMerge(doc, duplicateId);
			if (!merge) throw new Error('This record was not merged, or its merge was already undone.');
			const survivor = storedPatient(doc, merge.survivorId);
			const separated = storedPatient(doc, duplicateId);
			const policies = storedPolicies(doc, [merge.survivorId]);
			const result = planUndo(merge, survivor, separated, policies);
			if (!result.ok) throw new Error(result.problem);
			const { plan } = result;
			writeRecord(doc, patientsCollection.collection, survivor.id, plan.survivor);
			writeRecord(doc, patientsCollection.collection, duplicateId, plan.separated);
			for (const { id, fields } of plan.policyWrites) writePolicy(doc, id, fields);
			writeRecord(doc, mergesCollection.collection, merge.id, {
				undoneAt: context.now().toISOString()
			});
			return { kept: plan.kept, auditDetail: plan.auditDetail };
		});
	},
	audit: (input, { auditDetail }) => ({
		action: 'unmerge',
		target: `patients/patients/${input.duplicateId}`,
		detail: auditDetail
	})
});

function storedPatient(doc: Y.Doc, id: string): Patient {
	const raw = collection(doc, patientsCollection.collection).get(id);
	if (raw === undefined) throw new Error('That patient no longer exists.');
	const parsed = patientSchema.safeParse(readRecord(raw));
	if (!parsed.success) {
		throw new Error('One of the records was set aside as unreadable on this device; fix it first.');
	}
	return parsed.data;
}

/** The readable policies of these patients (a set-aside policy is neither moved nor counted). */
function storedPolicies(doc: Y.Doc, patientIds: string[]): InsurancePolicy[] {
	const policies: InsurancePolicy[] = [];
	for (const raw of collection(doc, policiesCollection.collection).values()) {
		const parsed = insurancePolicySchema.safeParse(readRecord(raw));
		if (parsed.success && patientIds.includes(parsed.data.patientId)) policies.push(parsed.data);
	}
	return policies;
}

function writePolicy(doc: Y.Doc, id: string, fields: Partial<InsurancePolicy>): void {
	writeRecord(doc, policiesCollection.collection, id, fields);
}

/** The newest merge of `duplicateId` not yet undone. */
function latestMerge(doc: Y.Doc, duplicateId: string): MergeRecord | undefined {
	let latest: MergeRecord | undefined;
	for (const raw of collection(doc, mergesCollection.collection).values()) {
		const parsed = mergeRecordSchema.safeParse(readRecord(raw));
		if (!parsed.success) continue;
		const merge = parsed.data;
		if (merge.duplicateId !== duplicateId || merge.undoneAt !== '') continue;
		if (!latest || merge.mergedAt > latest.mergedAt) latest = merge;
	}
	return latest;
}
