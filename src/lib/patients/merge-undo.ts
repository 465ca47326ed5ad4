// Planning the undo of a merge. Pure, like planMerge. An undo puts back what the merge wrote and
// nothing else, so work done since is never lost:
//   - A survivor value is restored only where it still holds what the merge wrote; a value a
//     person has edited since stays, and is listed as kept.
//   - Policies the merge moved go back to the separated record if they still belong to the
//     survivor; policies the merge removed are restored if still removed.
//   - The separated record gets back its active state and loses `mergedInto`.
//   - Clinical records and audit entries were never rewritten by the merge, so they need no undo:
//     records kept under the separated record's id show on its chart again.
import type { InsurancePolicy } from './insurance-schema';
import { MERGE_FIELDS, fieldPaths, readPath, sameValue, writePath } from './merge-fields';
import type { MergeRecord } from './merge-schema';
import type { Patient } from './schema';

/** What undoing a merge writes, and what it leaves as it is. */
export interface UndoPlan {
	/** The survivor as it will be written. */
	survivor: Patient;
	/** The separated record as it will be written. */
	separated: Patient;
	/** Paths restored to their value from before the merge. */
	restored: string[];
	/** Labels of values edited since the merge, which keep their newer value. */
	kept: string[];
	/** Policy id → the fields to write. */
	policyWrites: { id: string; fields: Partial<InsurancePolicy> }[];
	auditDetail: string;
}

/** The plan for undoing `merge`, or why it cannot be undone. */
export function planUndo(
	merge: MergeRecord,
	survivor: Patient,
	separated: Patient,
	policies: readonly InsurancePolicy[]
): { ok: true; plan: UndoPlan } | { ok: false; problem: string } {
	if (merge.undoneAt !== '') return { ok: false, problem: 'This merge was already undone.' };
	if (separated.mergedInto !== survivor.id) {
		return {
			ok: false,
			problem: `Record ${separated.mrn} is no longer merged into ${survivor.mrn}.`
		};
	}
	if (survivor.mergedInto !== '') {
		return {
			ok: false,
			problem: `Record ${survivor.mrn} was itself merged into another since; undo that merge first.`
		};
	}
	let restoredSurvivor = survivor;
	const restored: string[] = [];
	const kept: string[] = [];
	for (const { path, before, after } of merge.changes) {
		if (sameValue(readPath(survivor, path), after)) {
			restoredSurvivor = writePath(restoredSurvivor, path, before);
			restored.push(path);
		} else {
			kept.push(labelOf(path));
		}
	}
	const byId = new Map(policies.map((policy) => [policy.id, policy]));
	const policyWrites: UndoPlan['policyWrites'] = [];
	for (const id of merge.movedPolicies) {
		if (byId.get(id)?.patientId !== survivor.id) continue;
		const fields: Partial<InsurancePolicy> = { patientId: separated.id, mergedFrom: '' };
		if (merge.removedPolicies.includes(id) && byId.get(id)?.active === false) fields.active = true;
		policyWrites.push({ id, fields });
	}
	for (const id of merge.removedPolicies) {
		const policy = byId.get(id);
		if (merge.movedPolicies.includes(id) || !policy || policy.active) continue;
		policyWrites.push({ id, fields: { active: true } });
	}
	const moved = policyWrites.filter((write) => write.fields.patientId).length;
	return {
		ok: true,
		plan: {
			survivor: restoredSurvivor,
			separated: { ...separated, active: merge.duplicateWasActive, mergedInto: '' },
			restored,
			kept,
			policyWrites,
			auditDetail:
				`Merge of patients/patients/${separated.id} into patients/patients/${survivor.id} ` +
				`undone: ${restored.length} value(s) restored, ${kept.length} kept as edited since, ` +
				`${moved} insurance policy(ies) moved back.`
		}
	};
}

function labelOf(path: string): string {
	if (path === 'active') return 'Active';
	return MERGE_FIELDS.find((field) => fieldPaths(field).includes(path))?.label ?? path;
}
