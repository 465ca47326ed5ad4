/**
 * Stored rows of a document that could not be decrypted: altered on the way (a relay, a damaged
 * disk) or sealed under a key epoch this person does not hold. They are never applied and never
 * deleted: they stay in IndexedDB, are listed here for a person to look at, and are tried again
 * (rows of a missing key when that key may be held, every row when the document is next opened).
 * So one bad row never keeps a whole document closed, and is never silently skipped either.
 */

/**
 * Why a row is unreadable. `snapshot`: the document's local snapshot (folded state of many
 * rows) did not decrypt, whatever the cause; the document is incomplete and is not compacted.
 */
export type UnreadableReason = 'undecryptable' | 'missing-key' | 'snapshot';

export interface UnreadableRow {
	docId: string;
	/** The update row's id in IndexedDB; null for the document's snapshot. */
	rowId: number | null;
	/** The device the row names as its writer (not proven: the row did not decrypt). */
	deviceId: string;
	epoch: number;
	reason: UnreadableReason;
	/** Why, in words a person can read. */
	message: string;
	firstSeen: string;
}

export class UnreadableRows {
	readonly #entries = new Map<string, UnreadableRow>();
	readonly #listeners = new Set<() => void>();

	/** Entries, newest first. */
	all(): UnreadableRow[] {
		return [...this.#entries.values()].sort((a, b) => b.firstSeen.localeCompare(a.firstSeen));
	}

	/** The entries of one document. */
	of(docId: string): UnreadableRow[] {
		return this.all().filter((entry) => entry.docId === docId);
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Lists a row (an entry for the same row keeps when it was first seen). */
	report(entry: Omit<UnreadableRow, 'firstSeen'>): void {
		const key = keyOf(entry.docId, entry.rowId);
		const known = this.#entries.get(key);
		if (known && sameEntry(known, entry)) return;
		const firstSeen = known?.firstSeen ?? new Date().toISOString();
		this.#entries.set(key, { ...entry, firstSeen });
		this.#changed();
	}

	/** Takes a row off the list once it was read after all (or is gone from storage). */
	release(docId: string, rowId: number | null): void {
		if (this.#entries.delete(keyOf(docId, rowId))) this.#changed();
	}

	clear(): void {
		if (this.#entries.size === 0) return;
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

function keyOf(docId: string, rowId: number | null): string {
	return `${docId}|${rowId ?? 'snapshot'}`;
}

function sameEntry(a: UnreadableRow, b: Omit<UnreadableRow, 'firstSeen'>): boolean {
	return (
		a.deviceId === b.deviceId &&
		a.epoch === b.epoch &&
		a.reason === b.reason &&
		a.message === b.message
	);
}
