// Gives every indexed patient a number that sorts like its name, so ranking equally good search
// matches compares numbers instead of strings. Entries are kept in an array sorted by `sortKey`;
// a newcomer gets the midpoint of its neighbours' numbers, and when two neighbours' numbers get
// too close to split (after many inserts in one spot) everyone is renumbered.

/** What NameOrder reads and writes on an entry. */
export interface Ordered {
	/** Unique; equal keys would make the order ambiguous. */
	readonly sortKey: string;
	order: number;
}

/** Entries in name order, each numbered to match it. */
export class NameOrder<E extends Ordered> {
	#sorted: E[] = [];

	/** Replaces everything with `entries`, sorted and numbered 0, 1, 2 … */
	rebuild(entries: Iterable<E>): void {
		this.#sorted = [...entries].sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
		this.#renumber();
	}

	/** Places one entry and numbers it between its neighbours. */
	insert(entry: E): void {
		const at = this.#position(entry.sortKey);
		this.#sorted.splice(at, 0, entry);
		const previous = this.#sorted[at - 1]?.order ?? (this.#sorted[at + 1]?.order ?? 0) - 2;
		const next = this.#sorted[at + 1]?.order ?? previous + 2;
		entry.order = (previous + next) / 2;
		if (entry.order <= previous || entry.order >= next) this.#renumber();
	}

	/** Takes an entry out; the others keep their numbers. */
	remove(entry: E): void {
		const at = this.#position(entry.sortKey);
		if (this.#sorted[at] === entry) this.#sorted.splice(at, 1);
	}

	#renumber(): void {
		this.#sorted.forEach((entry, i) => (entry.order = i));
	}

	#position(sortKey: string): number {
		let [low, high] = [0, this.#sorted.length];
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.#sorted[mid].sortKey < sortKey) low = mid + 1;
			else high = mid;
		}
		return low;
	}
}
