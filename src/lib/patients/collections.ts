/**
 * Where patient records live and how they project: one `patients` document for the office, with
 * demographics, insurance policies and the record of merges as three collections. Each top-level
 * field of a record (name parts, phones, address, consents, guarantor…) is one plain value, so the
 * document holds a few field groups per patient (see docs/architecture.md, "Large collections").
 */
import type { DocumentRef } from '$lib/core/documents/document-id';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import {
	POLICIES_COLLECTION,
	insurancePolicySchema,
	type InsurancePolicy
} from './insurance-schema';
import { MERGES_COLLECTION, mergeRecordSchema, type MergeRecord } from './merge-schema';
import { patientSchema, type Patient } from './schema';

export const PATIENTS_AREA = 'patients';
export const PATIENTS_DOCUMENT: DocumentRef = { area: PATIENTS_AREA };

export const patientsCollection: CollectionSpec<Patient> = {
	collection: 'patients',
	validate: zodValidator(patientSchema),
	indexes: ['active', 'mrn', 'mergedInto']
};

export const policiesCollection: CollectionSpec<InsurancePolicy> = {
	collection: POLICIES_COLLECTION,
	validate: zodValidator(insurancePolicySchema),
	indexes: ['patientId']
};

/** Merges made, for the chart's "merged into" notice and for undoing one. */
export const mergesCollection: CollectionSpec<MergeRecord> = {
	collection: MERGES_COLLECTION,
	validate: zodValidator(mergeRecordSchema),
	indexes: ['survivorId', 'duplicateId']
};
