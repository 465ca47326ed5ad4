// Entries kept in an array sorted by one string key, so that all entries whose key starts with
// a prefix form one contiguous slice, found by two binary searches and scanned without lookups.
// Used for dates of birth ('1984-0…') and MRNs ('P00…'). Inserting or removing one entry moves
// array slots (microseconds at 30,000 entries); a bulk load sorts once instead (`rebuild`).

/** A slice [from, to) of `items`. */
export interface Slice<E> {
	items: readonly E[];
	from: number;
	to: number;
}

/** Entries sorted by `keyOf`, searchable by key prefix. */
export class SortedEntries<E> {
	#items: E[] = [];
	readonly #keyOf: (entry: E) => string;

	constructor(keyOf: (entry: E) => string) {
		this.#keyOf = keyOf;
	}

	/** Replaces everything with `entries`, sorted once. */
	rebuild(entries: Iterable<E>): void {
		const keyOf = this.#keyOf;
		this.#items = [...entries].sort((a, b) => compare(keyOf(a), keyOf(b)));
	}

	/** Adds one entry in its place. */
	insert(entry: E): void {
		this.#items.splice(this.#bound(this.#keyOf(entry)), 0, entry);
	}

	/** Removes one entry (found by identity among those with its key). */
	remove(entry: E): void {
		const key = this.#keyOf(entry);
		for (let i = this.#bound(key); i < this.#items.length; i++) {
			if (this.#items[i] === entry) {
				this.#items.splice(i, 1);
				return;
			}
			if (this.#keyOf(this.#items[i]) !== key) return;
		}
	}

	/** The entries whose key starts with `prefix`. */
	withPrefix(prefix: string): Slice<E> {
		return { items: this.#items, from: this.#bound(prefix), to: this.#bound(`${prefix}\uffff`) };
	}

	/** The entries whose key is exactly `key`. */
	withKey(key: string): Slice<E> {
		const from = this.#bound(key);
		let to = from;
		while (to < this.#items.length && this.#keyOf(this.#items[to]) === key) to++;
		return { items: this.#items, from, to };
	}

	/** The first position whose key is not below `key`. */
	#bound(key: string): number {
		let [low, high] = [0, this.#items.length];
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.#keyOf(this.#items[mid]) < key) low = mid + 1;
			else high = mid;
		}
		return low;
	}
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
