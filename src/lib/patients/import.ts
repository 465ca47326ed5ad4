/**
 * Importing many patients at once (the demo office, later a migration from another system). One
 * command, one audit entry; patients are written in batches, each batch one document transaction,
 * because a transaction per patient would make the projection and the update log work thousands
 * of times over.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import { PATIENTS_DOCUMENT, patientsCollection, policiesCollection } from './collections';
import { mrnsInDocument } from './commands';
import { insurancePolicyInputSchema } from './insurance-schema';
import { mrnForSequence, mrnSequence, nextMrn } from './mrn';
import { patientInputSchema } from './schema';

/** Patients per document transaction: small enough that the page stays responsive between them. */
export const IMPORT_BATCH_SIZE = 250;

export const importedPatientSchema = z.object({
	patient: patientInputSchema,
	active: z.boolean().default(true),
	policies: z.array(insurancePolicyInputSchema).max(3).default([])
});

export type ImportedPatient = z.input<typeof importedPatientSchema>;

export const importPatients = defineCommand({
	name: 'patients.import',
	input: z.object({ patients: z.array(importedPatientSchema).max(50_000) }),
	async run(context, { patients }) {
		const document = await context.documents.open(PATIENTS_DOCUMENT);
		let sequence = mrnSequence(nextMrn(mrnsInDocument(document.doc))) ?? 1;
		for (let start = 0; start < patients.length; start += IMPORT_BATCH_SIZE) {
			const batch = patients.slice(start, start + IMPORT_BATCH_SIZE);
			document.transact((doc) => {
				for (const { patient, active, policies } of batch) {
					const id = ulid();
					const mrn = mrnForSequence(sequence++);
					writeRecord(doc, patientsCollection.collection, id, {
						...patient,
						id,
						mrn,
						active,
						mergedInto: ''
					});
					for (const policy of policies) {
						const policyId = ulid();
						writeRecord(doc, policiesCollection.collection, policyId, {
							...policy,
							id: policyId,
							patientId: id,
							active: true
						});
					}
				}
			});
		}
		return patients.length;
	},
	audit: (_input, count) => ({
		action: 'import',
		target: 'patients/patients',
		detail: `${count} patients imported`
	})
});
