/**
 * Who a chart's clinical records belong to. A patient record merged into another keeps its id on
 * everything recorded under it (nothing is rewritten, so audit entries still point at real
 * records); the survivor's chart reads the records of every id merged into it as well.
 */
export interface ClinicalPatient {
	id: string;
	/** Sets age-specific reference ranges. */
	dateOfBirth?: string;
	/** Ids of patient records merged into this one. */
	mergedIds?: readonly string[];
}

/** Every patient id whose records belong on this patient's chart. */
export function chartPatientIds(patient: ClinicalPatient): string[] {
	return [patient.id, ...(patient.mergedIds ?? [])];
}
