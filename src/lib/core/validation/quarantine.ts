/**
 * Records that arrived in a document but fail their schema (a bug in another device's version,
 * a damaged import). They are kept here, listed for a person to look at, and left out of the
 * projections, so one bad record never crashes a view and is never silently dropped: the document
 * still holds it, and a corrected version replaces the entry.
 */

export interface QuarantinedRecord {
	docId: string;
	collection: string;
	id: string;
	issues: string[];
	raw: unknown;
	seenAt: string;
}

export class QuarantineList {
	readonly #entries = new Map<string, QuarantinedRecord>();
	readonly #listeners = new Set<() => void>();

	/** Entries, newest first. */
	all(): QuarantinedRecord[] {
		return [...this.#entries.values()].sort((a, b) => b.seenAt.localeCompare(a.seenAt));
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Puts a record in quarantine (replacing an older entry for the same record). */
	add(entry: Omit<QuarantinedRecord, 'seenAt'>): void {
		const key = `${entry.docId}|${entry.collection}|${entry.id}`;
		this.#entries.set(key, { ...entry, seenAt: new Date().toISOString() });
		this.#changed();
	}

	/** Releases a record once a valid version of it exists (or it was removed). */
	release(docId: string, collection: string, id: string): void {
		if (this.#entries.delete(`${docId}|${collection}|${id}`)) this.#changed();
	}

	clear(): void {
		this.#entries.clear();
		this.#changed();
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#changed(): void {
		for (const listener of this.#listeners) listener();
	}
}
