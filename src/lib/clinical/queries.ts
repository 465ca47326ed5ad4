/**
 * Reading a patient's vitals: every year document this device holds, the sets of the patient and
 * of every record merged into it, newest first, each with its BMI and the flags for the patient's
 * age on the day it was taken. Sets entered in error are listed (the history shows them struck
 * out) but never charted.
 */
import type { Workspace } from '$lib/core/session/workspace';
import { ageAtMeasurement, type Age } from './age';
import { chartPatientIds, type ClinicalPatient } from './clinical-patient';
import { clinicalYears } from './clinical-years';
import { CLINICAL_AREA, vitalsCollection } from './collections';
import type { VitalKey } from './vitals-catalog';
import { flagVitals, type VitalFlags } from './vitals-flags';
import { computeBmi } from './vitals-rules';
import type { VitalsSet } from './vitals-schema';

export type { VitalsSet } from './vitals-schema';

export type { ClinicalPatient } from './clinical-patient';
export { clinicalYears } from './clinical-years';
export * from './history-queries';
export * from './attachment-queries';

/** A stored set with what is derived from it for display. */
export interface ChartedVitals extends VitalsSet {
	/** The patient's age when the set was taken; null when the date of birth is unknown. */
	age: Age | null;
	bmi: number | null;
	flags: VitalFlags;
}

/** A set with its BMI and flags for the patient's age when it was taken. */
export function chartVitals(set: VitalsSet, birthDate?: string, timeZone?: string): ChartedVitals {
	const age = ageAtMeasurement(birthDate, set.takenAt, timeZone);
	const bmi = computeBmi(set.values.height, set.values.weight, age);
	return { ...set, age, bmi, flags: flagVitals(set.values, bmi, age) };
}

/** A patient's vitals sets (merged records' included), newest first, flagged for their age. */
export async function vitalsOf(
	workspace: Workspace,
	patient: ClinicalPatient,
	timeZone?: string
): Promise<ChartedVitals[]> {
	const years = await clinicalYears(workspace);
	const tables = await Promise.all(
		years.map((period) => workspace.projection({ area: CLINICAL_AREA, period }, vitalsCollection))
	);
	const ids = chartPatientIds(patient);
	return tables
		.flatMap((table) => ids.flatMap((id) => table.where('patientId', id)))
		.map((set) => chartVitals(set, patient.dateOfBirth, timeZone))
		.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

/**
 * Calls `listener` whenever a vitals document of this device changes (an edit in this tab,
 * another tab's, or one received by sync), including this year's before its first set.
 */
export async function watchVitals(workspace: Workspace, listener: () => void): Promise<() => void> {
	const thisYear = workspace.now().toISOString().slice(0, 4);
	const years = new Set([...(await clinicalYears(workspace)), thisYear]);
	const tables = await Promise.all(
		[...years].map((period) =>
			workspace.projection({ area: CLINICAL_AREA, period }, vitalsCollection)
		)
	);
	const stops = tables.map((table) => table.subscribe(listener));
	return () => stops.forEach((stop) => stop());
}

/** One point of a trend: when, and the value in canonical units. */
export interface TrendPoint {
	takenAt: string;
	value: number;
}

/** The readings of one vital across `sets`, oldest first, skipping sets without it or in error. */
export function trendSeries(sets: ChartedVitals[], key: VitalKey): TrendPoint[] {
	const points: TrendPoint[] = [];
	for (const set of sets) {
		if (set.enteredInError) continue;
		const value = key === 'bmi' ? set.bmi : set.values[key];
		if (value != null) points.push({ takenAt: set.takenAt, value });
	}
	return points.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}
