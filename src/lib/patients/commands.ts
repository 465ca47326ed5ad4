/**
 * Every change to the patient registry. Audit entries name records by id only: no names, dates
 * of birth or MRNs, because the audit log is read by people who may not see the chart.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { recordIdSchema, requireRecord } from '$lib/core/commands/existing-record';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { collection, writeRecord } from '$lib/core/documents/records';
import { PATIENTS_DOCUMENT, patientsCollection, policiesCollection } from './collections';
import { insurancePolicyInputSchema } from './insurance-schema';
import { nextMrn } from './mrn';
import { genderIdentityDescribed, patientFields, patientInputSchema } from './schema';

async function registry(context: CommandContext) {
	return context.documents.open(PATIENTS_DOCUMENT);
}

/**
 * Every MRN in the document as this device sees it. Read from the document rather than the
 * projection so that a record set aside in quarantine still holds on to its number.
 */
export function mrnsInDocument(doc: Parameters<typeof collection>[0]): string[] {
	const mrns: string[] = [];
	for (const record of collection(doc, patientsCollection.collection).values()) {
		const mrn = record.get('mrn');
		if (typeof mrn === 'string') mrns.push(mrn);
	}
	return mrns;
}

export const registerPatient = defineCommand({
	name: 'patients.register',
	input: patientInputSchema,
	async run(context, input) {
		const id = ulid();
		const document = await registry(context);
		return document.transact((doc) => {
			const mrn = nextMrn(mrnsInDocument(doc));
			writeRecord(doc, patientsCollection.collection, id, {
				...input,
				id,
				mrn,
				active: true,
				mergedInto: ''
			});
			return { id, mrn };
		});
	},
	audit: (_input, { id }) => ({
		action: 'create',
		target: `patients/patients/${id}`,
		detail: 'Patient registered'
	})
});

export const updatePatient = defineCommand({
	name: 'patients.update',
	input: patientFields.extend({ id: recordIdSchema }).superRefine(genderIdentityDescribed),
	async run(context, { id, ...fields }) {
		const name = patientsCollection.collection;
		const document = await requireRecord(context, PATIENTS_DOCUMENT, name, id, 'patient');
		document.transact((doc) => writeRecord(doc, name, id, fields));
	},
	audit: (input) => ({
		action: 'update',
		target: `patients/patients/${input.id}`,
		detail: 'Demographics edited'
	})
});

export const setPatientActive = defineCommand({
	name: 'patients.set-active',
	input: z.object({ id: recordIdSchema, active: z.boolean() }),
	async run(context, { id, active }) {
		const name = patientsCollection.collection;
		const document = await requireRecord(context, PATIENTS_DOCUMENT, name, id, 'patient');
		document.transact((doc) => writeRecord(doc, name, id, { active }));
	},
	audit: (input) => ({
		action: input.active ? 'reactivate' : 'deactivate',
		target: `patients/patients/${input.id}`,
		detail: input.active ? 'Patient reactivated' : 'Patient deactivated'
	})
});

/**
 * Gives a patient the next free MRN. Only ever run because a person chose to, after two devices
 * registered patients offline under the same number: an MRN is never changed silently.
 */
export const assignNewMrn = defineCommand({
	name: 'patients.assign-new-mrn',
	input: z.object({ id: recordIdSchema }),
	async run(context, { id }) {
		const name = patientsCollection.collection;
		const document = await requireRecord(context, PATIENTS_DOCUMENT, name, id, 'patient');
		return document.transact((doc) => {
			const mrn = nextMrn(mrnsInDocument(doc));
			writeRecord(doc, name, id, { mrn });
			return mrn;
		});
	},
	audit: (input) => ({
		action: 'update',
		target: `patients/patients/${input.id}`,
		detail: 'New MRN assigned after a duplicate MRN'
	})
});

const policyWithPatient = insurancePolicyInputSchema.and(z.object({ patientId: recordIdSchema }));

export const addPolicy = defineCommand({
	name: 'policies.add',
	input: policyWithPatient,
	async run(context, input) {
		await requireRecord(
			context,
			PATIENTS_DOCUMENT,
			patientsCollection.collection,
			input.patientId,
			'patient'
		);
		const id = ulid();
		const document = await registry(context);
		document.transact((doc) =>
			writeRecord(doc, policiesCollection.collection, id, { ...input, id, active: true })
		);
		return id;
	},
	audit: (input, id) => ({
		action: 'create',
		target: `patients/policies/${id}`,
		detail: `Insurance policy added to patients/patients/${input.patientId}`
	})
});

export const updatePolicy = defineCommand({
	name: 'policies.update',
	input: insurancePolicyInputSchema.and(z.object({ id: recordIdSchema })),
	async run(context, { id, ...fields }) {
		const name = policiesCollection.collection;
		const document = await requireRecord(context, PATIENTS_DOCUMENT, name, id, 'insurance policy');
		document.transact((doc) => writeRecord(doc, name, id, fields));
	},
	audit: (input) => ({
		action: 'update',
		target: `patients/policies/${input.id}`,
		detail: 'Insurance policy edited'
	})
});

/** Removes (deactivates) or restores a policy; removing keeps it, as claims sent still name it. */
function policyActiveCommand(active: boolean) {
	return defineCommand({
		name: active ? 'policies.restore' : 'policies.remove',
		input: z.object({ id: recordIdSchema }),
		async run(context, { id }) {
			const name = policiesCollection.collection;
			const document = await requireRecord(
				context,
				PATIENTS_DOCUMENT,
				name,
				id,
				'insurance policy'
			);
			document.transact((doc) => writeRecord(doc, name, id, { active }));
		},
		audit: (input) => ({
			action: active ? 'reactivate' : 'deactivate',
			target: `patients/policies/${input.id}`,
			detail: active ? 'Insurance policy restored' : 'Insurance policy removed'
		})
	});
}

/** Removes a policy from the chart by deactivating it: claims already sent still point at it. */
export const removePolicy = policyActiveCommand(false);

/** Puts a removed policy back on the chart, as it was. */
export const restorePolicy = policyActiveCommand(true);
