// Planning the merge of a duplicate patient record into the one that stays (the survivor).
// Pure: it says what to write, and a command writes it in one transaction.
//   - The survivor's values win; the duplicate fills what the survivor left blank. Where both
//     have different values the survivor's stays and the difference is listed as a conflict,
//     unless the person chose the duplicate's value (`takeFromDuplicate`).
//   - Groups that only make sense whole (address, emergency contact, guarantor, each consent,
//     a gender identity with its description) are taken whole, never mixed field by field.
//   - Nothing is deleted and no other area's record is rewritten: the duplicate is kept,
//     inactive, with `mergedInto` naming the survivor, so its history, clinical records and
//     audit entries still resolve (the survivor's chart reads them through `mergedIdsOf`).
//   - The duplicate's insurance policies move to the survivor (same ids, so claims that name
//     them still resolve), marked `mergedFrom`. Where both records hold an active policy of the
//     same order, the side the person did not choose has its policy removed (deactivated):
//     still listed under removed policies, and restorable.
import type { InsurancePolicy } from './insurance-schema';
import {
	MERGE_FIELDS,
	fieldPaths,
	isBlank,
	readField,
	readPath,
	sameValue,
	writeField
} from './merge-fields';
import type { Patient } from './schema';
import { POLICY_ORDERS, POLICY_ORDER_LABELS } from './vocabulary';

/** A field where both records hold different values. */
export interface MergeConflict {
	/** Dotted path of the field, e.g. 'phones.mobile', or 'policies.primary'. */
	field: string;
	label: string;
	survivor: unknown;
	duplicate: unknown;
	kept: 'survivor' | 'duplicate';
}

/** A value of the survivor the merge replaces: what it was and what it becomes. */
export interface MergeChange {
	path: string;
	before: unknown;
	after: unknown;
}

/** Everything a merge command writes, and what it shows the person first. */
export interface MergePlan {
	/** The survivor as it will be written. */
	merged: Patient;
	/** The duplicate as it will be written: inactive, `mergedInto` the survivor. */
	retired: Patient;
	/** Fields the survivor left blank and the duplicate filled. */
	filled: { field: string; label: string }[];
	conflicts: MergeConflict[];
	/** Every survivor value that changes, path by path (what an undo puts back). */
	changes: MergeChange[];
	/** The duplicate's policies, moved to the survivor. */
	movedPolicies: string[];
	/** Policies (of either record) removed because the other record's policy keeps the order. */
	removedPolicies: string[];
	/** For the audit entry: record ids and counts, no names, MRNs or other details. */
	auditDetail: string;
}

/** What else a merge touches, and the person's choices for conflicts. */
export interface MergeOptions {
	/** Policies of both patients (others are ignored). */
	policies?: readonly InsurancePolicy[];
	/** Conflicting fields (paths from `conflicts`) where the duplicate's value should win. */
	takeFromDuplicate?: readonly string[];
}

/** A plan, or the reason these two records cannot be merged. */
export type MergeResult = { ok: true; plan: MergePlan } | { ok: false; problem: string };

/** The plan for merging `duplicate` into `survivor`, or why they cannot be merged. */
export function planMerge(
	survivor: Patient,
	duplicate: Patient,
	options: MergeOptions = {}
): MergeResult {
	const problem = mergeProblem(survivor, duplicate);
	if (problem) return { ok: false, problem };
	const take = new Set(options.takeFromDuplicate ?? []);
	let merged: Patient = { ...survivor, active: survivor.active || duplicate.active };
	const filled: MergePlan['filled'] = [];
	const conflicts: MergeConflict[] = [];
	for (const field of MERGE_FIELDS) {
		const [ours, theirs] = [readField(survivor, field), readField(duplicate, field)];
		const blank = (patient: Patient) => isBlank(readPath(patient, field.path), field.blank);
		if (blank(duplicate) || sameValue(ours, theirs)) continue;
		if (blank(survivor)) {
			merged = writeField(merged, field, theirs);
			filled.push({ field: field.path, label: field.label });
			continue;
		}
		const kept = take.has(field.path) ? 'duplicate' : 'survivor';
		if (kept === 'duplicate') merged = writeField(merged, field, theirs);
		conflicts.push({
			field: field.path,
			label: field.label,
			survivor: ours,
			duplicate: theirs,
			kept
		});
	}
	const policies = planPolicies(survivor, duplicate, options.policies ?? [], take);
	conflicts.push(...policies.conflicts);
	const retired: Patient = { ...duplicate, active: false, mergedInto: survivor.id };
	const taken = conflicts.filter((c) => c.kept === 'duplicate').length;
	return {
		ok: true,
		plan: {
			merged,
			retired,
			filled,
			conflicts,
			changes: changesOf(survivor, merged),
			movedPolicies: policies.moved,
			removedPolicies: policies.removed,
			auditDetail:
				`patients/patients/${duplicate.id} merged into patients/patients/${survivor.id}: ` +
				`${filled.length} blank field(s) filled, ${conflicts.length} conflict(s) ` +
				`(${taken} taken from the merged record), ${policies.moved.length} insurance ` +
				`policy(ies) moved, ${policies.removed.length} removed for a shared order.`
		}
	};
}

function mergeProblem(survivor: Patient, duplicate: Patient): string | null {
	if (survivor.id === duplicate.id) return 'A record cannot be merged into itself.';
	if (duplicate.mergedInto) return `Record ${duplicate.mrn} was already merged into another.`;
	if (survivor.mergedInto) {
		return `Record ${survivor.mrn} was itself merged into another; merge into that one instead.`;
	}
	return null;
}

/** Every path (and `active`) where `merged` differs from `survivor`. */
function changesOf(survivor: Patient, merged: Patient): MergeChange[] {
	const paths = [...MERGE_FIELDS.flatMap(fieldPaths), 'active'];
	return paths
		.map((path) => ({ path, before: readPath(survivor, path), after: readPath(merged, path) }))
		.filter(({ before, after }) => !sameValue(before, after));
}

/** Moves the duplicate's policies; where both hold an active one of an order, one side's goes. */
function planPolicies(
	survivor: Patient,
	duplicate: Patient,
	policies: readonly InsurancePolicy[],
	take: ReadonlySet<string>
) {
	const conflicts: MergeConflict[] = [];
	const removed: string[] = [];
	const of = (patient: Patient) => policies.filter((p) => p.patientId === patient.id);
	const [ours, theirs] = [of(survivor), of(duplicate)];
	for (const order of POLICY_ORDERS) {
		const holding = (list: InsurancePolicy[]) => list.filter((p) => p.active && p.order === order);
		const [mine, yours] = [holding(ours), holding(theirs)];
		if (mine.length === 0 || yours.length === 0) continue;
		const field = `policies.${order}`;
		const kept = take.has(field) ? 'duplicate' : 'survivor';
		removed.push(...(kept === 'survivor' ? yours : mine).map((p) => p.id));
		conflicts.push({
			field,
			label: `${POLICY_ORDER_LABELS[order]} insurance`,
			survivor: mine.map(policySummary),
			duplicate: yours.map(policySummary),
			kept
		});
	}
	return { conflicts, moved: theirs.map((p) => p.id), removed };
}

function policySummary(policy: InsurancePolicy): string {
	return `${policy.payerName} · ${policy.planName} · ${policy.memberId}`;
}
