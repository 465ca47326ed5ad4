/**
 * Computing the office's authority from its ops — the same result on every device, whatever
 * order the ops arrived in.
 *
 * 1. Order: parents first, ties by id (dag.ts). An op whose past is incomplete waits.
 * 2. Authorise each op against the membership its own causal past gives (membership.ts): what
 *    its signer had seen when they made it.
 * 3. Removal wins. An op made concurrently with an authorised op that took its signer's
 *    authority away — a manager demoted or turned off, or a person's keys replaced because the
 *    old ones may be known — is refused: its signer might not have had that authority when it
 *    happened. When two managers remove each other concurrently, the one who became manager
 *    first keeps their change. Refusing an op changes later ops' pasts, so steps 2–3 repeat
 *    until nothing changes (a couple of rounds in practice; capped, and deterministic either way).
 * 4. Replay the ops that stand, in order, into the full state (apply.ts), which may still refuse
 *    one for what it names (an unknown person, a key skipping ahead, the last manager leaving).
 *
 * Pure: no I/O and no crypto (signatures were checked before, op-codec.ts; fingerprints computed
 * before, `fingerprints`).
 */
import { applyOp, type Fingerprints } from './apply';
import { Concurrency, orderOps } from './dag';
import { authorise, EMPTY_MEMBERSHIP, withOp, type Membership } from './membership';
import type { CheckedOp } from './op-codec';
import { ADMIN_ROLE, type AuthorityState } from './state';

export interface AuthorityRoot {
	officeId: string;
	/** base64 of the root signing key pinned on this device. */
	rootKey: string;
	/** The id of the genesis op pinned on this device. */
	genesisId: string;
}

/** An op that failed its own checks (op-codec.ts), listed with the refused ones. */
export interface FailedCheck {
	id: string;
	reason: string;
}

const MAX_ROUNDS = 6;
const LOST_RACE = 'Made while another change took away the authority it was signed with.';

/** The office's authority from its checked ops (and those that failed their own checks). */
export function resolveAuthority(
	root: AuthorityRoot,
	ops: readonly CheckedOp[],
	fingerprints: Fingerprints,
	failedChecks: readonly FailedCheck[] = []
): AuthorityState {
	const { order, waiting } = orderOps(ops.map((op) => ({ ...op, parents: op.body.parents })));
	const concurrency = new Concurrency(order);
	let lost = new Set<string>();
	let decided = authoriseAll(root, order, lost, null);
	let state = replay(root, order, decided, lost, fingerprints);
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const applied = new Set(state.applied);
		const next = raceLosers(order, decided, applied, concurrency);
		const again = authoriseAll(root, order, next, applied);
		const stable = sameSet(next, lost) && sameDecisions(again, decided);
		lost = next;
		decided = again;
		if (stable) break;
		state = replay(root, order, decided, lost, fingerprints);
	}
	state.waiting = waiting.map((op) => op.id);
	for (const failure of failedChecks) {
		state.refused.push({ id: failure.id, kind: '?', by: '?', at: '', reason: failure.reason });
	}
	return state;
}

type DagOp = CheckedOp & { parents: readonly string[] };

/** Per op: authorised (and whether as a manager), or why not. */
type Decisions = Map<string, { ok: true; admin: boolean } | { ok: false; reason: string }>;

/**
 * Authorises every op against its causal past, leaving out the ops that lost a race. An op's past
 * counts the ops that stood in the last replay (`applied`; on the first round, those authorised
 * so far): a change the replay refused — a manager turning themselves off while the only other
 * manager did the same — took nothing away from what its signer did next.
 */
function authoriseAll(
	root: AuthorityRoot,
	order: readonly CheckedOp[],
	lost: ReadonlySet<string>,
	applied: ReadonlySet<string> | null
) {
	const decided: Decisions = new Map();
	const after = new Map<string, Membership>();
	const byId = new Map(order.map((op) => [op.id, op]));
	const position = new Map(order.map((op, index) => [op.id, index]));
	for (const op of order) {
		const parents = op.body.parents;
		const view =
			parents.length === 0
				? EMPTY_MEMBERSHIP
				: parents.length === 1
					? after.get(parents[0])!
					: pastMembership(op, byId, position, (id) =>
							applied ? applied.has(id) : !lost.has(id) && decided.get(id)?.ok === true
						);
		const genesis = op.id === root.genesisId && parents.length === 0;
		const decision = lost.has(op.id)
			? ({ ok: false, reason: LOST_RACE } as const)
			: authorise(view, op.body, genesis);
		decided.set(op.id, decision);
		const stands = applied ? applied.has(op.id) : decision.ok;
		after.set(op.id, stands ? withOp(view, op.body) : view);
	}
	return decided;
}

/** The membership a merge op's whole past gives: its standing ops replayed in order. */
function pastMembership(
	op: CheckedOp,
	byId: ReadonlyMap<string, CheckedOp>,
	position: ReadonlyMap<string, number>,
	stands: (id: string) => boolean
): Membership {
	const past = new Set<string>();
	const stack = [...op.body.parents];
	while (stack.length > 0) {
		const id = stack.pop()!;
		if (past.has(id)) continue;
		past.add(id);
		stack.push(...(byId.get(id)?.body.parents ?? []));
	}
	const ordered = [...past].sort((a, b) => position.get(a)! - position.get(b)!);
	let view = EMPTY_MEMBERSHIP;
	for (const id of ordered) if (stands(id)) view = withOp(view, byId.get(id)!.body);
	return view;
}

interface Removal {
	op: CheckedOp;
	/** The person whose authority the op takes away (all of it, or one old key). */
	personId: string;
	/** For replaced keys: only ops signed with this old key lose. */
	oldKey?: string;
	/** The remover's seniority (position at which they became manager; lower is senior). */
	seniority: number;
}

/**
 * The ops made concurrently with a removal of their signer's authority that took effect (it was
 * applied: a demotion the last-manager rule refused took nothing away) — and, of two managers
 * who demoted each other at once, the junior one's, whichever of the two the replay applied.
 */
function raceLosers(
	order: readonly CheckedOp[],
	decided: Decisions,
	applied: ReadonlySet<string>,
	concurrency: Concurrency<DagOp>
): Set<string> {
	const standing = order.filter((op) => applied.has(op.id));
	const { removals, since } = findRemovals(standing);
	const seniority = (personId: string) => since.get(personId) ?? Number.MAX_SAFE_INTEGER;
	// Ops already refused for losing a race are candidates again: they stay out while they lose.
	const candidates = order.filter(
		(op) =>
			decided.get(op.id)?.ok || (decided.get(op.id) as { reason?: string })?.reason === LOST_RACE
	);
	const demotions = candidates.filter((op) => demotedBy(op.body) !== null);
	const losers = new Set<string>();
	for (const op of candidates) {
		if (!('person' in op.body.by)) continue;
		const signer = op.body.by.person;
		const beaten = removals.some((removal) => {
			if (removal.personId !== signer || removal.op.id === op.id) return false;
			if (removal.oldKey !== undefined && removal.oldKey !== op.body.key) return false;
			if (!concurrency.concurrent(op.id, removal.op.id)) return false;
			// Two managers removing each other at once: the senior one's removal stands.
			const remover = 'person' in removal.op.body.by ? removal.op.body.by.person : '';
			return !(demotedBy(op.body) === remover && seniority(signer) < removal.seniority);
		});
		if (beaten || losesMutualDemotion(op, signer)) losers.add(op.id);
	}
	return losers;

	function losesMutualDemotion(op: CheckedOp, signer: string): boolean {
		const target = demotedBy(op.body);
		if (target === null || seniority(target) >= seniority(signer)) return false;
		return demotions.some(
			(other) =>
				'person' in other.body.by &&
				other.body.by.person === target &&
				demotedBy(other.body) === signer &&
				concurrency.concurrent(op.id, other.id)
		);
	}
}

/** The person an op takes manager authority from (a role change without it, or turned off). */
function demotedBy(body: CheckedOp['body']): string | null {
	if (body.kind === 'person-roles' && !body.roles.includes(ADMIN_ROLE)) return body.personId;
	if (body.kind === 'person-active' && !body.active) return body.personId;
	return null;
}

/**
 * Authorised ops that take away a manager's authority or replace someone's keys, and when each
 * person first became a manager (their seniority: lower is senior).
 */
function findRemovals(standing: readonly CheckedOp[]): {
	removals: Removal[];
	since: Map<string, number>;
} {
	const since = new Map<string, number>();
	const admins = new Set<string>();
	const removals: Removal[] = [];
	standing.forEach((op, index) => {
		const body = op.body;
		const by = 'person' in body.by ? body.by.person : null;
		const seniority = (by === null ? undefined : since.get(by)) ?? Number.MAX_SAFE_INTEGER;
		if (body.kind === 'person-rekey') {
			removals.push({ op, personId: body.personId, oldKey: body.key, seniority });
		}
		const demoted = demotedBy(body);
		if (demoted !== null && admins.has(demoted)) {
			removals.push({ op, personId: demoted, seniority });
		}
		for (const [id, isAdmin] of adminChanges(body)) {
			if (isAdmin && !since.has(id)) since.set(id, index);
			if (isAdmin) admins.add(id);
			else if (body.kind === 'person-roles') admins.delete(id);
		}
	});
	return { removals, since };
}

/** Who an op makes a manager (true) or stops being one by role (false). */
function adminChanges(body: CheckedOp['body']): [string, boolean][] {
	switch (body.kind) {
		case 'genesis':
			return [body.person, ...(body.migrated?.persons ?? [])].map((p) => [
				p.id,
				p.roles.includes(ADMIN_ROLE)
			]);
		case 'person-add':
			return [[body.person.id, body.person.roles.includes(ADMIN_ROLE)]];
		case 'person-roles':
			return [[body.personId, body.roles.includes(ADMIN_ROLE)]];
		default:
			return [];
	}
}

function replay(
	root: AuthorityRoot,
	order: readonly CheckedOp[],
	decided: Decisions,
	lost: ReadonlySet<string>,
	fingerprints: Fingerprints
): AuthorityState {
	const state = emptyState(root);
	const standing = new Set<string>();
	for (const op of order) {
		const decision = decided.get(op.id)!;
		const reason = lost.has(op.id)
			? LOST_RACE
			: !decision.ok
				? decision.reason
				: applyOp(state, op, state.applied.length, fingerprints, decision.admin);
		if (reason) {
			const by = 'person' in op.body.by ? op.body.by.person : op.body.by.device;
			state.refused.push({ id: op.id, kind: op.body.kind, by, at: op.body.at, reason });
			continue;
		}
		standing.add(op.id);
		state.applied.push(op.id);
	}
	// The next op's parents: everything its signer has seen that an authorised person made —
	// refused ones included (a demotion the last-manager rule stopped, say), so that what is
	// signed afterwards is not taken for something made at the same time. Ops nobody authorised
	// (forgeries) are left out: they would only make the list long.
	const seen = order.filter((op) => standing.has(op.id) || decided.get(op.id)?.ok);
	const named = new Set<string>();
	for (const op of seen) op.body.parents.forEach((p) => named.add(p));
	state.frontier = seen.map((op) => op.id).filter((id) => !named.has(id));
	return state;
}

function emptyState(root: AuthorityRoot): AuthorityState {
	return {
		...root,
		persons: new Map(),
		roleAreas: new Map(),
		grants: new Map(),
		areaKeys: new Map(),
		devices: new Map(),
		firstPeopleKey: { epoch: 1, keyId: '' },
		peopleKeys: new Map(),
		auditKeys: new Map(),
		refused: [],
		waiting: [],
		applied: [],
		frontier: []
	};
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
	return a.size === b.size && [...a].every((id) => b.has(id));
}

function sameDecisions(a: Decisions, b: Decisions): boolean {
	for (const [id, decision] of a) {
		const other = b.get(id);
		if (other?.ok !== decision.ok) return false;
		if (decision.ok && other.ok && other.admin !== decision.admin) return false;
	}
	return true;
}
