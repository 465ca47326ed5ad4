// Reading merges: which records were merged into a chart, where a merged record went, and what a
// merge of two records would do (the comparison the person confirms).
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { InsurancePolicy } from './insurance-schema';
import { planMerge, type MergeResult } from './merge';
import type { MergeRecord } from './merge-schema';
import type { Patient } from './schema';

interface MergeTables {
	patients: ProjectionTable<Patient>;
	policies: ProjectionTable<InsurancePolicy>;
	merges: ProjectionTable<MergeRecord>;
}

/** Ids of every record merged into `id`, directly or through another merged record. */
export function mergedIdsOf(tables: Pick<MergeTables, 'patients'>, id: string): string[] {
	const found: string[] = [];
	const seen = new Set([id]);
	for (let queue = [id]; queue.length > 0;) {
		const next: string[] = [];
		for (const into of queue) {
			for (const merged of tables.patients.where('mergedInto', into)) {
				if (seen.has(merged.id)) continue;
				seen.add(merged.id);
				found.push(merged.id);
				next.push(merged.id);
			}
		}
		queue = next;
	}
	return found;
}

/** The record a merged record now lives on (following merges of merges), or the record itself. */
export function survivorOf(tables: Pick<MergeTables, 'patients'>, id: string): Patient | undefined {
	let patient = tables.patients.get(id);
	const seen = new Set<string>();
	while (patient?.mergedInto && !seen.has(patient.id)) {
		seen.add(patient.id);
		const into = tables.patients.get(patient.mergedInto);
		if (!into) break;
		patient = into;
	}
	return patient;
}

/** The merge that retired `duplicateId`, while it stands (not undone). */
export function standingMergeOf(
	tables: Pick<MergeTables, 'merges'>,
	duplicateId: string
): MergeRecord | undefined {
	return tables.merges.where('duplicateId', duplicateId).find((merge) => merge.undoneAt === '');
}

/** What merging `duplicateId` into `survivorId` would do, with the person's choices so far. */
export function previewMerge(
	tables: MergeTables,
	survivorId: string,
	duplicateId: string,
	takeFromDuplicate: readonly string[] = []
): MergeResult {
	const [survivor, duplicate] = [tables.patients.get(survivorId), tables.patients.get(duplicateId)];
	if (!survivor || !duplicate) return { ok: false, problem: 'That patient is not on file.' };
	const policies = [
		...tables.policies.where('patientId', survivorId),
		...tables.policies.where('patientId', duplicateId)
	];
	return planMerge(survivor, duplicate, { policies, takeFromDuplicate });
}
