/**
 * Stores what the relay sends. Each UPDATES page is written in ONE IndexedDB transaction: its
 * items as synced rows (the same ciphertext, nonce, epoch, link and sender device id — no key
 * needed, nothing re-encrypted), the items that did not verify as held rows (held-items.ts), what
 * the items say of their writers' chains (chain-watch.ts) and the document's cursor, so a crash or
 * a full disk leaves all or nothing, and the page is simply received again. Items at or below the
 * cursor are duplicates; items this device wrote are already here, so only the cursor moves past
 * them. Pages are stored one at a time as they arrive, so a large backlog never sits in memory as
 * a whole.
 *
 * Signatures and chain hashes are computed before the transaction: a Dexie transaction ends when
 * it awaits anything but IndexedDB (WebCrypto included). Only items that verified count for the
 * chains: the link of an item held back is the relay's word, not its writer's.
 */
import { fromBase64, toBase64 } from '../bytes';
import { itemHash } from '../documents/item-link';
import {
	readMeta,
	writeMeta,
	type HeldItemRow,
	type OfficeDatabase,
	type UpdateRow
} from '../storage/db';
import { recordChains, type ArrivingItem } from './chain-watch';
import { heldRow, itemFacts } from './held-items';
import type { SignatureCheck, Verdict } from './item-verify';
import type { UpdatesHeader } from './messages';
import { cursorKey } from './sync-meta';

export interface StoredPage {
	docId: string;
	/** Rows added (items of other devices above the cursor that verified). */
	stored: number;
	/** Items above the cursor held back instead (see held-items.ts). */
	held: number;
	cursorBefore: number;
	cursor: number;
}

interface Checked {
	verdict: Verdict;
	/** itemHash, '' for items without a link (their chain is not followed). */
	hash: string;
}

/** Verdict and chain hash of each item of another device; null for this device's own. */
function checkPage(
	header: UpdatesHeader,
	ciphertexts: Uint8Array[],
	ownDeviceId: string,
	check: SignatureCheck | undefined
): Promise<(Checked | null)[]> {
	return Promise.all(
		header.items.map(async (item, index): Promise<Checked | null> => {
			if (item.deviceId === ownDeviceId) return null;
			const ciphertext = ciphertexts[index];
			const covers = item.kind === 'snapshot' ? item.seq : undefined;
			const facts = itemFacts(header.docId, { ...item, covers }, item.nonce);
			const [verdict, hash] = await Promise.all([
				check?.item(item.deviceId, facts, ciphertext, item.signature, item.v) ?? ('ok' as const),
				item.link ? itemHash({ link: item.link, nonce: fromBase64(item.nonce), ciphertext }) : ''
			]);
			return { verdict, hash };
		})
	);
}

/** Checks, then stores one page and advances the cursor, atomically. */
export async function storePage(
	db: OfficeDatabase,
	deviceId: string,
	header: UpdatesHeader,
	ciphertexts: Uint8Array[],
	check?: SignatureCheck
): Promise<StoredPage> {
	const { docId, items } = header;
	const checked = await checkPage(header, ciphertexts, deviceId, check);
	return db.transaction('rw', db.updates, db.heldItems, db.meta, async () => {
		const cursorBefore = await readMeta(db, cursorKey(docId), 0);
		let cursor = cursorBefore;
		const rows: UpdateRow[] = [];
		const held: HeldItemRow[] = [];
		const arriving: ArrivingItem[] = [];
		items.forEach((item, index) => {
			const result = checked[index];
			if (result?.verdict === 'ok') {
				arriving.push({
					kind: item.kind,
					deviceId: item.deviceId,
					link: item.link,
					hash: result.hash
				});
			}
			if (item.seq <= cursor) return;
			cursor = item.seq;
			if (!result) return;
			if (result.verdict !== 'ok') {
				held.push(heldRow(docId, item, ciphertexts[index], result.verdict));
				return;
			}
			rows.push({
				docId,
				epoch: item.epoch,
				deviceId: item.deviceId,
				nonce: fromBase64(item.nonce),
				// A copy: a view would make IndexedDB clone the whole frame it points into.
				ciphertext: ciphertexts[index].slice(),
				link: item.link,
				synced: 1
			});
		});
		if (rows.length > 0) await db.updates.bulkAdd(rows);
		if (held.length > 0) await db.heldItems.bulkAdd(await unlessHeld(db, docId, held));
		if (arriving.length > 0) await recordChains(db, docId, deviceId, arriving);
		if (cursor !== cursorBefore) await writeMeta(db, cursorKey(docId), cursor);
		return { docId, stored: rows.length, held: held.length, cursorBefore, cursor };
	});
}

/** The rows not held already: a document fetched again (gap-review.ts) brings them twice. */
async function unlessHeld(
	db: OfficeDatabase,
	docId: string,
	rows: HeldItemRow[]
): Promise<HeldItemRow[]> {
	const key = (row: HeldItemRow) => `${row.seq}|${row.deviceId}|${toBase64(row.nonce)}`;
	const known = new Set((await db.heldItems.where('docId').equals(docId).toArray()).map(key));
	return rows.filter((row) => !known.has(key(row)));
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
