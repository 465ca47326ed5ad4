/**
 * The edits the latency benchmarks make, the same on every path: a document of patient-sized
 * records, then one field of one record changed per edit (a note, a phone number, an email, an
 * address), as someone updating a chart would. Edit `n` is always the same change, so two paths
 * fed the same numbers produce Yjs updates of the same number and sizes.
 */
import type * as Y from 'yjs';
import { collection, writeRecord } from '$lib/core/documents/records';
import { PATIENTS_COLLECTION, patients, type Patient } from './patients';

/** Records in the document the edits change. */
export const EDITED_RECORDS = 500;

const RECORDS: Patient[] = [...patients(EDITED_RECORDS, 4_242)];
const NOTES = [
	'Called to reschedule; prefers Tuesday afternoons.',
	'Reports improved sleep since the last visit. Continue current plan and follow up in 3 months.',
	'Needs a new referral for physical therapy (left knee). Insurance pre-authorisation pending.',
	'Allergy list reviewed and unchanged. Flu shot given today, lot number recorded in the chart.'
];

/** Writes the records every edit path starts from. */
export function seedRecords(doc: Y.Doc): void {
	for (const record of RECORDS) writeRecord(doc, PATIENTS_COLLECTION, record.id, record);
}

/** The one field edit `n` writes: which record, which field, and a value it never had before. */
function change(n: number): { id: string; field: keyof Patient; value: string } {
	const { id } = RECORDS[(n * 7) % RECORDS.length];
	const suffix = String(n).padStart(4, '0');
	switch (n % 4) {
		case 0:
			return { id, field: 'notes', value: `${NOTES[(n / 4) % NOTES.length]} (#${suffix})` };
		case 1:
			return { id, field: 'phone', value: `(217) 556-${suffix}` };
		case 2:
			return { id, field: 'email', value: `patient.${suffix}@example.com` };
		default:
			return { id, field: 'addressLine1', value: `${100 + n} Sycamore Court, Apt ${n % 30}` };
	}
}

/** Makes edit `n` (call inside the document's transaction). */
export function applyEdit(doc: Y.Doc, n: number): void {
	const { id, field, value } = change(n);
	writeRecord(doc, PATIENTS_COLLECTION, id, { [field]: value });
}

/** Whether the document holds edit `n`. */
export function hasEdit(doc: Y.Doc, n: number): boolean {
	const { id, field, value } = change(n);
	return collection(doc, PATIENTS_COLLECTION).get(id)?.get(field) === value;
}

/** How many records the document holds. */
export function recordCount(doc: Y.Doc): number {
	return collection(doc, PATIENTS_COLLECTION).size;
}
