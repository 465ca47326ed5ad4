/** Reading the patient registry: search, one chart, its insurance, merges, MRN collisions, display. */
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import {
	PATIENTS_DOCUMENT,
	mergesCollection,
	patientsCollection,
	policiesCollection
} from './collections';
import type { InsurancePolicy } from './insurance-schema';
import type { DuplicateMatch } from './duplicates';
import type { MergeRecord } from './merge-schema';
import { PatientFinder, type PatientSearchOptions } from './patient-finder';
import type { Patient, PatientForm } from './schema';
import type { SearchResult } from './search-index';
import { POLICY_ORDERS } from './vocabulary';

export { PatientFinder, type PatientSearchOptions } from './patient-finder';
export { describeDuplicate, type DuplicateMatch } from './duplicates';
export { mergedIdsOf, previewMerge, standingMergeOf, survivorOf } from './merge-queries';

export interface PatientTables {
	patients: ProjectionTable<Patient>;
	policies: ProjectionTable<InsurancePolicy>;
	merges: ProjectionTable<MergeRecord>;
	/** Search and duplicate checks, kept in step with `patients`. */
	finder: PatientFinder;
}

/** Opens the patients document, its projections and the search indexes over them. */
export async function patientTables(workspace: Workspace): Promise<PatientTables> {
	const [patients, policies, merges] = await Promise.all([
		workspace.projection(PATIENTS_DOCUMENT, patientsCollection),
		workspace.projection(PATIENTS_DOCUMENT, policiesCollection),
		workspace.projection(PATIENTS_DOCUMENT, mergesCollection)
	]);
	return { patients, policies, merges, finder: new PatientFinder(patients) };
}

/** Patients matching what was typed: any part of a name, a date of birth, phone digits or MRN. */
export function searchPatients(
	tables: PatientTables,
	query: string,
	options: PatientSearchOptions = {}
): SearchResult<Patient> {
	return tables.finder.search(query, options);
}

/** Patients on file that a registration form probably duplicates, most likely first. */
export function duplicatesOf(
	tables: PatientTables,
	form: Partial<PatientForm>
): DuplicateMatch<Patient>[] {
	return tables.finder.duplicatesOf({
		givenName: form.givenName?.trim() ?? '',
		middleName: form.middleName?.trim() ?? '',
		preferredName: form.preferredName?.trim() ?? '',
		familyName: form.familyName?.trim() ?? '',
		dateOfBirth: form.dateOfBirth?.trim() ?? '',
		phones: form.phones ?? {}
	});
}

/** Other records on file that a stored patient probably duplicates (candidates to merge). */
export function possibleDuplicatesOf(
	tables: PatientTables,
	patient: Patient
): DuplicateMatch<Patient>[] {
	if (patient.mergedInto) return [];
	return tables.finder.duplicatesOf(patient);
}

/** One patient, or undefined when there is none with that id (or it is set aside). A merged
 *  record still resolves: it names its survivor in `mergedInto` (see `survivorOf`). */
export function patientById(tables: PatientTables, id: string): Patient | undefined {
	return tables.patients.get(id);
}

/** A patient's active policies, primary first; `includeRemoved` adds removed ones at the end. */
export function policiesOf(
	tables: PatientTables,
	patientId: string,
	{ includeRemoved = false } = {}
): InsurancePolicy[] {
	const rank = (policy: InsurancePolicy) =>
		(policy.active ? 0 : 10) + POLICY_ORDERS.indexOf(policy.order);
	return tables.policies
		.where('patientId', patientId)
		.filter((policy) => includeRemoved || policy.active)
		.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export interface MrnConflict {
	mrn: string;
	/** Every patient holding the number, oldest record (first registered) first. */
	patients: Patient[];
}

/** MRNs held by more than one patient, as happens when two devices register offline at once. */
export function mrnConflicts(tables: PatientTables): MrnConflict[] {
	const conflicts: MrnConflict[] = [];
	const byMrn = new Map<string, Patient[]>();
	for (const patient of tables.patients.all()) {
		const held = byMrn.get(patient.mrn);
		if (held) held.push(patient);
		else byMrn.set(patient.mrn, [patient]);
	}
	for (const [mrn, patients] of byMrn) {
		if (patients.length < 2) continue;
		conflicts.push({ mrn, patients: patients.sort((a, b) => a.id.localeCompare(b.id)) });
	}
	return conflicts.sort((a, b) => a.mrn.localeCompare(b.mrn));
}

/** How a patient is named on screen: 'García, María (Mari)'. */
export function patientDisplayName(patient: Patient): string {
	const given = [patient.givenName, patient.middleName].filter(Boolean).join(' ');
	const suffix = patient.suffix ? ` ${patient.suffix}` : '';
	return `${patient.familyName}${suffix}, ${given}`;
}

/** Whole years of age on `today` (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, today: string): number {
	const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
	return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** '1984-03-07 (42 y)', or months for babies: '2025-11-02 (5 mo)'. */
export function birthWithAge(dateOfBirth: string, today: string): string {
	const years = ageOn(dateOfBirth, today);
	if (years >= 2) return `${dateOfBirth} (${years} y)`;
	const months =
		(Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))) * 12 +
		Number(today.slice(5, 7)) -
		Number(dateOfBirth.slice(5, 7)) -
		(today.slice(8) < dateOfBirth.slice(8) ? 1 : 0);
	return `${dateOfBirth} (${months} mo)`;
}
