/**
 * An in-memory, indexed table of validated records, derived from documents. It exists only while
 * someone is signed in, so plaintext never reaches IndexedDB; it is rebuilt from the documents at
 * unlock (see docs/architecture.md for the measured cost).
 */

export interface Row {
	id: string;
}

export class ProjectionTable<T extends Row> {
	readonly #rows = new Map<string, T>();
	readonly #indexes = new Map<keyof T, Map<unknown, Set<string>>>();
	readonly #listeners = new Set<() => void>();
	#version = 0;

	constructor(
		readonly name: string,
		indexedFields: (keyof T)[] = []
	) {
		for (const field of indexedFields) this.#indexes.set(field, new Map());
	}

	/** Increases on every change; cheap to compare. */
	get version(): number {
		return this.#version;
	}

	get size(): number {
		return this.#rows.size;
	}

	get(id: string): T | undefined {
		return this.#rows.get(id);
	}

	/** Every row, in insertion order. */
	all(): T[] {
		return [...this.#rows.values()];
	}

	/** Rows whose indexed field equals the value. */
	where<K extends keyof T>(field: K, value: T[K]): T[] {
		const index = this.#indexes.get(field);
		if (!index) throw new Error(`${this.name}.${String(field)} is not indexed`);
		const ids = index.get(value) ?? new Set<string>();
		return [...ids].map((id) => this.#rows.get(id)!);
	}

	/** Inserts or replaces rows, then notifies once. */
	upsert(rows: T[]): void {
		for (const row of rows) {
			this.#unindex(row.id);
			this.#rows.set(row.id, row);
			for (const [field, index] of this.#indexes) {
				const value = row[field];
				let ids = index.get(value);
				if (!ids) index.set(value, (ids = new Set()));
				ids.add(row.id);
			}
		}
		if (rows.length > 0) this.#changed();
	}

	/** Removes rows by id, then notifies once. */
	remove(ids: string[]): void {
		let removed = 0;
		for (const id of ids) {
			if (!this.#rows.has(id)) continue;
			this.#unindex(id);
			this.#rows.delete(id);
			removed++;
		}
		if (removed > 0) this.#changed();
	}

	/** Drops every row (the table is rebuilt from documents afterwards). */
	clear(): void {
		this.#rows.clear();
		for (const index of this.#indexes.values()) index.clear();
		this.#changed();
	}

	/** Calls the listener after each change; returns an unsubscribe. */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#unindex(id: string): void {
		const previous = this.#rows.get(id);
		if (!previous) return;
		for (const [field, index] of this.#indexes) index.get(previous[field])?.delete(id);
	}

	#changed(): void {
		this.#version++;
		for (const listener of this.#listeners) listener();
	}
}
