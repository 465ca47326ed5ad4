/**
 * Reading a patient's medical history: the items of every year document this device holds, for
 * the patient and every record merged into them, grouped into the chart's six sections. In each
 * section current items come first, then earlier ones, newest recorded first; items struck out
 * as entered in error are kept apart so no active list shows them.
 */
import type { Workspace } from '$lib/core/session/workspace';
import { chartPatientIds, type ClinicalPatient } from './clinical-patient';
import { CLINICAL_AREA } from './collections';
import type { HistorySubject } from './history-commands';
import { historyCollection } from './history-collections';
import { allergyStatus, isCurrent, isStanding, type AllergyStatus } from './history-rules';
import type {
	Allergy,
	FamilyHistory,
	HistoryItem,
	Medication,
	NoKnownAllergies,
	Problem,
	SocialHistory,
	Surgery
} from './history-schema';
// History shares the clinical year documents with vitals; clinicalYears lists them all.
import { clinicalYears } from './clinical-years';

/** What each section of the chart lists ("no known allergies" sits with the allergies). */
export interface HistorySectionItems {
	allergy: Allergy | NoKnownAllergies;
	problem: Problem;
	medication: Medication;
	surgery: Surgery;
	family: FamilyHistory;
	social: SocialHistory;
}
export type HistorySection = keyof HistorySectionItems;

/** The sections in chart order. */
export const HISTORY_SECTIONS: readonly HistorySection[] = [
	'problem',
	'medication',
	'allergy',
	'surgery',
	'family',
	'social'
];

/** One section's items: what describes the patient now, what did before, what was struck out. */
export interface HistoryList<T> {
	current: T[];
	earlier: T[];
	enteredInError: T[];
}

/** A patient's whole history, by section, and what their allergy list amounts to. */
export type PatientHistory = { [S in HistorySection]: HistoryList<HistorySectionItems[S]> } & {
	allergyStatus: AllergyStatus;
};

const sectionOf = (item: HistoryItem): HistorySection =>
	item.kind === 'no-known-allergies' ? 'allergy' : item.kind;

const newestFirst = (a: HistoryItem, b: HistoryItem) =>
	b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id);

/** Groups items into sections; the newest standing social history is the current one. */
export function groupHistory(items: readonly HistoryItem[]): PatientHistory {
	const lists = Object.fromEntries(
		HISTORY_SECTIONS.map((section) => [section, { current: [], earlier: [], enteredInError: [] }])
	) as unknown as Record<HistorySection, HistoryList<HistoryItem>>;
	let socialSeen = false;
	for (const item of [...items].sort(newestFirst)) {
		const list = lists[sectionOf(item)];
		if (!isStanding(item)) {
			list[item.enteredInError ? 'enteredInError' : 'earlier'].push(item);
		} else if (item.kind === 'social') {
			list[socialSeen ? 'earlier' : 'current'].push(item);
			socialSeen = true;
		} else {
			list[isCurrent(item) ? 'current' : 'earlier'].push(item);
		}
	}
	return {
		...(lists as unknown as Omit<PatientHistory, 'allergyStatus'>),
		allergyStatus: allergyStatus(lists.allergy.current)
	};
}

/** Every history item on the patient's chart, merged records included, in no order. */
export async function historyItemsOf(
	workspace: Workspace,
	patient: ClinicalPatient
): Promise<HistoryItem[]> {
	const years = await clinicalYears(workspace);
	const tables = await Promise.all(
		years.map((period) => workspace.projection({ area: CLINICAL_AREA, period }, historyCollection))
	);
	const ids = chartPatientIds(patient);
	return tables.flatMap((table) => ids.flatMap((id) => table.where('patientId', id)));
}

/** A patient's history grouped for the chart. */
export async function patientHistory(
	workspace: Workspace,
	patient: ClinicalPatient
): Promise<PatientHistory> {
	return groupHistory(await historyItemsOf(workspace, patient));
}

/** What the history commands need to know about a patient: them, and where to look. */
export async function historySubject(
	workspace: Workspace,
	patient: ClinicalPatient
): Promise<HistorySubject> {
	return { patient, years: await clinicalYears(workspace) };
}

/**
 * Calls `listener` whenever a history collection of this device changes (this tab, another tab
 * or sync), including this year's before its first item.
 */
export async function watchHistory(
	workspace: Workspace,
	listener: () => void
): Promise<() => void> {
	const thisYear = workspace.now().toISOString().slice(0, 4);
	const years = new Set([...(await clinicalYears(workspace)), thisYear]);
	const tables = await Promise.all(
		[...years].map((period) =>
			workspace.projection({ area: CLINICAL_AREA, period }, historyCollection)
		)
	);
	const stops = tables.map((table) => table.subscribe(listener));
	return () => stops.forEach((stop) => stop());
}
