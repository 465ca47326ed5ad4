// Planning the merge of a duplicate patient record into the one that stays (the survivor).
// Pure: it says what to write, and a command writes it in one transaction.
//   - The survivor's values win; the duplicate fills what the survivor left blank. Where both
//     have different values the survivor's stays and the difference is listed as a conflict,
//     unless the person chose the duplicate's value (`takeFromDuplicate`).
//   - Groups that only make sense whole (address, emergency contact, guarantor, each consent)
//     are taken whole, never mixed field by field.
//   - Nothing is deleted: the duplicate is kept, inactive, with `mergedInto` naming the survivor,
//     so its history and audit entries still resolve. Records pointing at it are moved.
import { POLICIES_COLLECTION, type InsurancePolicy } from './insurance-schema';
import { policyOrderClashes } from './insurance-rules';
import { MERGE_FIELDS, isBlank, readPath, sameValue, writePath } from './merge-fields';
import type { Patient } from './schema';
import { POLICY_ORDER_LABELS } from './vocabulary';

/** A record that points at a patient: `field` of record `id` in `collection` holds its id. */
export interface Reference {
	collection: string;
	id: string;
	field: string;
}

/** A reference to rewrite from the duplicate's id to the survivor's. */
export interface ReferenceMove extends Reference {
	from: string;
	to: string;
}

/** A field where both records hold different values. */
export interface MergeConflict {
	/** Dotted path of the field, e.g. 'phones.mobile', or 'policies.primary'. */
	field: string;
	label: string;
	survivor: unknown;
	duplicate: unknown;
	kept: 'survivor' | 'duplicate';
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
	moves: ReferenceMove[];
	/** For the audit entry: record numbers and counts, no names or other details. */
	auditDetail: string;
}

/** What else a merge touches, and the person's choices for conflicts. */
export interface MergeOptions {
	/** Policies of both patients; the duplicate's are moved, clashing orders are listed. */
	policies?: readonly InsurancePolicy[];
	/** Other records pointing at the duplicate (documents, vitals, appointments …). */
	references?: readonly Reference[];
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
	for (const { path, label, blank } of MERGE_FIELDS) {
		const [ours, theirs] = [readPath(survivor, path), readPath(duplicate, path)];
		if (isBlank(theirs, blank) || sameValue(ours, theirs)) continue;
		if (isBlank(ours, blank)) {
			merged = writePath(merged, path, theirs);
			filled.push({ field: path, label });
			continue;
		}
		const kept = take.has(path) ? 'duplicate' : 'survivor';
		if (kept === 'duplicate') merged = writePath(merged, path, theirs);
		conflicts.push({ field: path, label, survivor: ours, duplicate: theirs, kept });
	}
	conflicts.push(...policyConflicts(survivor, duplicate, options.policies ?? []));
	const moves = referenceMoves(duplicate, survivor, options);
	const retired: Patient = { ...duplicate, active: false, mergedInto: survivor.id };
	return {
		ok: true,
		plan: {
			merged,
			retired,
			filled,
			conflicts,
			moves,
			auditDetail: auditDetail(survivor, duplicate, filled.length, conflicts, moves)
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

function referenceMoves(duplicate: Patient, survivor: Patient, options: MergeOptions) {
	const policies = (options.policies ?? [])
		.filter((policy) => policy.patientId === duplicate.id)
		.map((policy) => ({ collection: POLICIES_COLLECTION, id: policy.id, field: 'patientId' }));
	return [...policies, ...(options.references ?? [])].map((reference): ReferenceMove => ({
		...reference,
		from: duplicate.id,
		to: survivor.id
	}));
}

/** Active policies of both patients that would share an order once moved. */
function policyConflicts(
	survivor: Patient,
	duplicate: Patient,
	policies: readonly InsurancePolicy[]
): MergeConflict[] {
	const both = policies.filter((p) => p.patientId === survivor.id || p.patientId === duplicate.id);
	return policyOrderClashes(both).map(({ order, policies: clashing }) => ({
		field: `policies.${order}`,
		label: `${POLICY_ORDER_LABELS[order]} insurance`,
		survivor: clashing.filter((p) => p.patientId === survivor.id).map((p) => p.payerName),
		duplicate: clashing.filter((p) => p.patientId === duplicate.id).map((p) => p.payerName),
		kept: 'survivor'
	}));
}

function auditDetail(
	survivor: Patient,
	duplicate: Patient,
	filled: number,
	conflicts: MergeConflict[],
	moves: ReferenceMove[]
): string {
	const taken = conflicts.filter((c) => c.kept === 'duplicate').length;
	const byCollection = new Map<string, number>();
	for (const move of moves)
		byCollection.set(move.collection, (byCollection.get(move.collection) ?? 0) + 1);
	const moved = [...byCollection].map(([collection, count]) => `${collection} ${count}`).join(', ');
	return (
		`Patient record ${duplicate.mrn} merged into ${survivor.mrn}: ` +
		`${filled} blank field(s) filled, ${conflicts.length} conflict(s) (${taken} taken from ${duplicate.mrn}), ` +
		`${moves.length} reference(s) moved${moved ? ` (${moved})` : ''}.`
	);
}
