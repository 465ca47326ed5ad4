/**
 * The causal graph of ops: each op names the ops its signer had seen last (its parents).
 *
 * `orderOps` lays the graph out in one deterministic order that every device computes alike:
 * an op comes after all its parents; among ops ready at the same time, the smaller id first
 * (Kahn's algorithm). An op whose parent has not arrived waits, with everything after it. Two
 * ops are concurrent when neither is in the other's past — made without knowing of each other.
 */

export interface DagNode {
	id: string;
	parents: readonly string[];
}

export interface Ordered<T extends DagNode> {
	/** Ops whose whole past is here, parents first. */
	order: T[];
	/** Ops with a parent that has not arrived (directly or further back). */
	waiting: T[];
}

/** Orders ops parents first, ties by id; ops whose past is incomplete wait. */
export function orderOps<T extends DagNode>(ops: Iterable<T>): Ordered<T> {
	const byId = new Map<string, T>();
	for (const op of ops) byId.set(op.id, op);
	const children = new Map<string, string[]>();
	const missing = new Map<string, number>();
	for (const op of byId.values()) {
		const parents = new Set(op.parents);
		missing.set(op.id, parents.size);
		for (const parent of parents) {
			const list = children.get(parent);
			if (list) list.push(op.id);
			else children.set(parent, [op.id]);
		}
	}
	const ready = [...byId.values()].filter((op) => missing.get(op.id) === 0).map((op) => op.id);
	ready.sort(descending);
	const order: T[] = [];
	while (ready.length > 0) {
		const id = ready.pop()!;
		order.push(byId.get(id)!);
		for (const child of children.get(id) ?? []) {
			const left = missing.get(child)! - 1;
			missing.set(child, left);
			if (left === 0) insertDescending(ready, child);
		}
	}
	const placed = new Set(order.map((op) => op.id));
	const waiting = [...byId.values()].filter((op) => !placed.has(op.id));
	return { order, waiting };
}

/** Whether two ops of an ordered graph were made without knowing of each other. */
export class Concurrency<T extends DagNode> {
	readonly #parents = new Map<string, readonly string[]>();
	readonly #children = new Map<string, string[]>();
	readonly #past = new Map<string, Set<string>>();
	readonly #future = new Map<string, Set<string>>();

	constructor(order: readonly T[]) {
		for (const op of order) {
			this.#parents.set(op.id, op.parents);
			for (const parent of op.parents) {
				const list = this.#children.get(parent);
				if (list) list.push(op.id);
				else this.#children.set(parent, [op.id]);
			}
		}
	}

	/** True when neither op is in the other's past (and they are not the same op). */
	concurrent(a: string, b: string): boolean {
		if (a === b) return false;
		return (
			!this.#reach(a, this.#past, this.#parents).has(b) &&
			!this.#reach(a, this.#future, this.#children).has(b)
		);
	}

	/** Everything reachable from `id` along `edges`, cached: the past or the future of an op. */
	#reach(
		id: string,
		cache: Map<string, Set<string>>,
		edges: ReadonlyMap<string, readonly string[]>
	): Set<string> {
		const cached = cache.get(id);
		if (cached) return cached;
		const seen = new Set<string>();
		const stack = [...(edges.get(id) ?? [])];
		while (stack.length > 0) {
			const next = stack.pop()!;
			if (seen.has(next)) continue;
			seen.add(next);
			stack.push(...(edges.get(next) ?? []));
		}
		cache.set(id, seen);
		return seen;
	}
}

function descending(a: string, b: string): number {
	return a < b ? 1 : a > b ? -1 : 0;
}

/** Keeps `list` sorted descending (so pop() yields the smallest id). */
function insertDescending(list: string[], id: string): void {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (list[mid] > id) low = mid + 1;
		else high = mid;
	}
	list.splice(low, 0, id);
}
