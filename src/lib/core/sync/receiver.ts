/**
 * Stores what the relay sends. Each UPDATES page is written in ONE IndexedDB transaction: its
 * items as synced rows (the same ciphertext, nonce, epoch and sender device id — no key needed,
 * nothing re-encrypted) and the document's cursor, so a crash or a full disk leaves either both
 * or neither, and the page is simply received again. Items at or below the cursor are duplicates;
 * items this device wrote are already here, so only the cursor moves past them. Pages are stored
 * one at a time as they arrive, so a large backlog never sits in memory as a whole.
 */
import { fromBase64 } from '../bytes';
import { readMeta, writeMeta, type OfficeDatabase, type UpdateRow } from '../storage/db';
import type { UpdatesHeader } from './messages';
import { cursorKey } from './sync-meta';

export interface StoredPage {
	docId: string;
	/** Rows added (items of other devices above the cursor). */
	stored: number;
	cursorBefore: number;
	cursor: number;
}

/** Stores one page and advances the cursor, atomically. */
export async function storePage(
	db: OfficeDatabase,
	deviceId: string,
	header: UpdatesHeader,
	ciphertexts: Uint8Array[]
): Promise<StoredPage> {
	const { docId, items } = header;
	return db.transaction('rw', db.updates, db.meta, async () => {
		const cursorBefore = await readMeta(db, cursorKey(docId), 0);
		let cursor = cursorBefore;
		const rows: UpdateRow[] = [];
		items.forEach((item, index) => {
			if (item.seq <= cursor) return;
			cursor = item.seq;
			if (item.deviceId === deviceId) return;
			rows.push({
				docId,
				epoch: item.epoch,
				deviceId: item.deviceId,
				nonce: fromBase64(item.nonce),
				// A copy: a view would make IndexedDB clone the whole frame it points into.
				ciphertext: ciphertexts[index].slice(),
				synced: 1
			});
		});
		if (rows.length > 0) await db.updates.bulkAdd(rows);
		if (cursor !== cursorBefore) await writeMeta(db, cursorKey(docId), cursor);
		return { docId, stored: rows.length, cursorBefore, cursor };
	});
}

/**
 * Progress through the backlog since SUBSCRIBE, in sequence numbers: for each document, from
 * its cursor at the first page to the `latest` that page announced.
 */
export class BacklogProgress {
	readonly #documents = new Map<string, { start: number; target: number; at: number }>();

	/** Counts a stored page; returns the totals so far. */
	record(page: StoredPage, latest: number): { received: number; total: number } {
		let entry = this.#documents.get(page.docId);
		if (!entry) {
			entry = { start: page.cursorBefore, target: Math.max(latest, page.cursorBefore), at: 0 };
			this.#documents.set(page.docId, entry);
		}
		entry.at = Math.min(entry.target, page.cursor);
		return this.totals();
	}

	totals(): { received: number; total: number } {
		let received = 0;
		let total = 0;
		for (const { start, target, at } of this.#documents.values()) {
			total += target - start;
			received += Math.max(0, at - start);
		}
		return { received, total };
	}
}
