/**
 * Keeps a chart's view of a patient's history current: reads it now and again whenever a history
 * collection changes (this tab, another tab, sync). Returns the stop function, for an $effect.
 */
import {
	patientHistory,
	watchHistory,
	type ClinicalPatient,
	type PatientHistory
} from '$lib/clinical/queries';
import type { Workspace } from '$lib/core/session/workspace';

/** Calls `onHistory` with the patient's history now and after every change, until stopped. */
export function followHistory(
	workspace: Workspace,
	patient: ClinicalPatient,
	onHistory: (history: PatientHistory) => void
): () => void {
	let stopped = false;
	let stop: (() => void) | null = null;
	// Reads may finish out of order; only the latest one is shown.
	let latest = 0;
	const refresh = async () => {
		const ticket = ++latest;
		try {
			const history = await patientHistory(workspace, patient);
			if (!stopped && ticket === latest) onHistory(history);
		} catch (error) {
			// A read still running when the chart closed (sign-out, lock) finds the office gone.
			if (!stopped) throw error;
		}
	};
	void refresh();
	void watchHistory(workspace, () => void refresh()).then(
		(unsubscribe) => {
			if (stopped) unsubscribe();
			else stop = unsubscribe;
		},
		(error: unknown) => {
			if (!stopped) throw error;
		}
	);
	return () => {
		stopped = true;
		stop?.();
	};
}
