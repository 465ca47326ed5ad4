/**
 * How audit entries name a patient. Entries carry ids only: a patient's own record is the
 * target `patients/patients/<id>`; records about a patient (vitals, documents, appointments)
 * name it in their detail when they are made. Later entries about such a record (a document
 * viewed, a history item edited) name only the record, so a record whose creation named the
 * patient counts as the patient's too.
 */
import type { AuditEntry } from '$lib/core/audit/chain';

export const PATIENT_PREFIX = 'patients/patients/';

/** The audit reference of a patient record. */
export const patientRef = (id: string): string => `${PATIENT_PREFIX}${id}`;

// A ULID-like id after the prefix; ids never contain spaces or punctuation used in details.
const PATIENT_MENTION = /patients\/patients\/([0-9A-Za-z]+)/g;

/** The patient ids an entry names, in its target or its detail. */
export function patientIdsIn(entry: Pick<AuditEntry, 'target' | 'detail'>): string[] {
	const ids = new Set<string>();
	for (const text of [entry.target, entry.detail]) {
		for (const match of text.matchAll(PATIENT_MENTION)) ids.add(match[1]);
	}
	return [...ids];
}

/** Whether an entry is about one of `patientIds` (directly or through `related` targets). */
export function concernsPatient(
	entry: Pick<AuditEntry, 'target' | 'detail'>,
	patientIds: ReadonlySet<string>,
	related: ReadonlySet<string> = new Set()
): boolean {
	return related.has(entry.target) || patientIdsIn(entry).some((id) => patientIds.has(id));
}

/**
 * The targets of records that belong to the patients: those whose entries name one of them,
 * plus `known` ones (e.g. the patient's documents, found through the clinical area for records
 * made before the loaded months).
 */
export function relatedTargets(
	entries: readonly AuditEntry[],
	patientIds: ReadonlySet<string>,
	known: Iterable<string> = []
): Set<string> {
	const related = new Set(known);
	for (const entry of entries) {
		if (entry.target.startsWith(PATIENT_PREFIX)) continue;
		if (patientIdsIn(entry).some((id) => patientIds.has(id))) related.add(entry.target);
	}
	return related;
}
