// Keeps the best `limit` search matches without sorting every match: better score first, then
// active before inactive before merged, then name order. A match that cannot make the list
// costs one comparison of numbers.
import type { IndexedPatient } from './search-scoring';

type Ranked = Pick<IndexedPatient, 'standing' | 'order'>;

/** The best `limit` values offered, kept sorted best first. */
export class TopMatches<V extends Ranked> {
	readonly #values: V[] = [];
	readonly #scores: number[] = [];
	readonly #limit: number;

	constructor(limit: number) {
		this.#limit = Math.max(0, limit);
	}

	/** Considers `value` with `score` points. */
	offer(value: V, score: number): void {
		const [values, scores] = [this.#values, this.#scores];
		const full = values.length >= this.#limit;
		if (
			full &&
			(this.#limit === 0 || !before(value, score, values.at(-1) as V, scores.at(-1) ?? 0))
		) {
			return;
		}
		let [low, high] = [0, values.length];
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (before(values[mid], scores[mid], value, score)) low = mid + 1;
			else high = mid;
		}
		values.splice(low, 0, value);
		scores.splice(low, 0, score);
		if (full) {
			values.pop();
			scores.pop();
		}
	}

	/** The values kept, best first. */
	best(): V[] {
		return [...this.#values];
	}
}

function before(a: Ranked, aScore: number, b: Ranked, bScore: number): boolean {
	if (aScore !== bScore) return aScore > bScore;
	if (a.standing !== b.standing) return a.standing > b.standing;
	return a.order < b.order;
}
