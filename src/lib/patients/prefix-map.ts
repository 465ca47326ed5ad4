// Values filed under string keys, with the keys also kept sorted so that every key starting
// with a prefix is found by binary search. Values under one key are a plain array (cheap to
// build and scan; callers never file the same value twice under a key). During a bulk load
// (`deferSorting`) keys are sorted once, at the next lookup, instead of on every insert.

/** Values filed by key; keys findable by prefix. */
export class PrefixMap<V> {
	readonly #lists = new Map<string, V[]>();
	#sorted: string[] | null = [];

	/** How many distinct keys hold values. */
	get keyCount(): number {
		return this.#lists.size;
	}

	/** Files `value` under `key` (it must not be filed there already). */
	add(key: string, value: V): void {
		const list = this.#lists.get(key);
		if (list) {
			list.push(value);
			return;
		}
		this.#lists.set(key, [value]);
		if (this.#sorted) this.#sorted.splice(lowerBound(this.#sorted, key), 0, key);
	}

	/** Unfiles `value` from `key`; a key left empty disappears. */
	delete(key: string, value: V): void {
		const list = this.#lists.get(key);
		const at = list ? list.indexOf(value) : -1;
		if (!list || at < 0) return;
		// Order within a key does not matter: move the last value into the gap.
		const last = list.pop() as V;
		if (at < list.length) list[at] = last;
		if (list.length > 0) return;
		this.#lists.delete(key);
		if (this.#sorted) this.#sorted.splice(lowerBound(this.#sorted, key), 1);
	}

	/** The values under exactly `key`. */
	get(key: string): readonly V[] | undefined {
		return this.#lists.get(key);
	}

	/** Stop keeping keys sorted until the next lookup needs them (before a bulk load). */
	deferSorting(): void {
		this.#sorted = null;
	}

	/** Every key, sorted. */
	keys(): readonly string[] {
		this.#sorted ??= [...this.#lists.keys()].sort(compare);
		return this.#sorted;
	}

	/** The keys that start with `prefix`, sorted. */
	keysWithPrefix(prefix: string): string[] {
		const keys = this.keys();
		const found: string[] = [];
		for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
			found.push(keys[i]);
		}
		return found;
	}
}

// Code-unit order, the order startsWith agrees with (localeCompare would not).
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(keys: readonly string[], key: string): number {
	let [low, high] = [0, keys.length];
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (keys[mid] < key) low = mid + 1;
		else high = mid;
	}
	return low;
}
