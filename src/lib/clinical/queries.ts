/**
 * Reading a patient's vitals: every year document this device holds, the patient's sets newest
 * first, each with its BMI and the flags for the patient's age on the day it was taken.
 */
import type { Workspace } from '$lib/core/session/workspace';
import { ageAtMeasurement } from './age';
import { CLINICAL_AREA, vitalsCollection } from './collections';
import type { VitalKey } from './vitals-catalog';
import { flagVitals, type VitalFlags } from './vitals-flags';
import { computeBmi } from './vitals-rules';
import type { VitalsSet } from './vitals-schema';

export type { VitalsSet } from './vitals-schema';

/** A stored set with what is derived from it for display. */
export interface ChartedVitals extends VitalsSet {
	bmi: number | null;
	flags: VitalFlags;
}

/** Who the vitals belong to: the id, and the date of birth that sets the reference ranges. */
export interface VitalsPatient {
	id: string;
	dateOfBirth?: string;
}

/** The years ('YYYY') that have a vitals document on this device, oldest first. */
export async function vitalsYears(workspace: Workspace): Promise<string[]> {
	const prefix = `${CLINICAL_AREA}/`;
	// Listed from the stored rows, as the audit log lists its months: no index document to keep.
	const [logged, snapshotted] = await Promise.all([
		workspace.db.updates.where('docId').startsWith(prefix).uniqueKeys(),
		workspace.db.snapshots.where('docId').startsWith(prefix).primaryKeys()
	]);
	const ids = new Set([...logged, ...snapshotted].map(String));
	return [...ids].map((id) => id.slice(prefix.length)).sort();
}

/** A set with its BMI and flags for the patient's age when it was taken. */
export function chartVitals(set: VitalsSet, birthDate?: string, timeZone?: string): ChartedVitals {
	const age = ageAtMeasurement(birthDate, set.takenAt, timeZone);
	const bmi = computeBmi(set.values.height, set.values.weight, age);
	return { ...set, bmi, flags: flagVitals(set.values, bmi, age) };
}

/** A patient's vitals sets, newest first, flagged for their age. */
export async function vitalsOf(
	workspace: Workspace,
	patient: VitalsPatient,
	timeZone?: string
): Promise<ChartedVitals[]> {
	const years = await vitalsYears(workspace);
	const tables = await Promise.all(
		years.map((period) => workspace.projection({ area: CLINICAL_AREA, period }, vitalsCollection))
	);
	return tables
		.flatMap((table) => table.where('patientId', patient.id))
		.map((set) => chartVitals(set, patient.dateOfBirth, timeZone))
		.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

/**
 * Calls `listener` whenever a vitals document of this device changes (an edit in this tab,
 * another tab's, or one received by sync), including this year's before its first set.
 */
export async function watchVitals(workspace: Workspace, listener: () => void): Promise<() => void> {
	const thisYear = workspace.now().toISOString().slice(0, 4);
	const years = new Set([...(await vitalsYears(workspace)), thisYear]);
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

/** The readings of one vital across `sets`, oldest first, skipping sets without it. */
export function trendSeries(sets: ChartedVitals[], key: VitalKey): TrendPoint[] {
	const points: TrendPoint[] = [];
	for (const set of sets) {
		const value = key === 'bmi' ? set.bmi : set.values[key];
		if (value != null) points.push({ takenAt: set.takenAt, value });
	}
	return points.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}
