/**
 * Items received but not applied: their device is not one the office lists (yet), or their
 * signature does not verify (item-verify.ts). They are kept in `heldItems` as they came — stored,
 * the cursor moved past them, never applied — so nothing the relay sent is lost, and nothing it
 * could have forged reaches a document.
 *
 * `releaseHeld` checks them again against the trust of the moment (the app asks when the office's
 * device list changes): those that now verify move into `updates`, one transaction per document,
 * and only then count for chain-watch (their links were unverified until now). The rest stay,
 * with the reason updated.
 */
import { fromBase64, toBase64 } from '../bytes';
import { itemHash } from '../documents/item-link';
import type { HeldItemRow, OfficeDatabase, UpdateRow } from '../storage/db';
import { recordChains } from './chain-watch';
import type { SignatureCheck, Verdict } from './item-verify';
import type { UpdatesItem } from './messages';
import type { ItemFacts } from './signing-text';

/** The row that holds an UPDATES item that did not verify. */
export function heldRow(
	docId: string,
	item: UpdatesItem,
	ciphertext: Uint8Array,
	reason: Exclude<Verdict, 'ok'>
): HeldItemRow {
	const row: HeldItemRow = {
		docId,
		seq: item.seq,
		kind: item.kind,
		deviceId: item.deviceId,
		deviceSeq: item.deviceSeq,
		epoch: item.epoch,
		nonce: fromBase64(item.nonce),
		// A copy: a view would make IndexedDB clone the whole frame it points into.
		ciphertext: ciphertext.slice(),
		link: item.link,
		v: item.v,
		signature: item.signature,
		reason,
		receivedAt: new Date().toISOString()
	};
	// A snapshot's signed text names what it covers: the seq it arrived under.
	if (item.kind === 'snapshot') row.covers = item.seq;
	return row;
}

/** The signed facts of an item (an UPDATES item or a held row), for checking its signature. */
export function itemFacts(
	docId: string,
	item: Pick<UpdatesItem, 'kind' | 'deviceSeq' | 'epoch' | 'link'> & { covers?: number },
	nonce: string
): ItemFacts {
	const { kind, deviceSeq, epoch, link, covers } = item;
	return { kind, docId, deviceSeq, epoch, nonce, link, covers };
}

/** How many received items are held. */
export function countHeld(db: OfficeDatabase): Promise<number> {
	return db.heldItems.count();
}

/** Moves held items that now verify into `updates`; returns the documents that got rows. */
export async function releaseHeld(
	db: OfficeDatabase,
	ownDeviceId: string,
	check: SignatureCheck
): Promise<string[]> {
	const byDocument = new Map<string, HeldItemRow[]>();
	for (const row of await db.heldItems.toArray()) {
		byDocument.set(row.docId, [...(byDocument.get(row.docId) ?? []), row]);
	}
	const released: string[] = [];
	for (const [docId, rows] of byDocument) {
		// WebCrypto outside the transaction: a Dexie transaction must not await it.
		const checked = await Promise.all(
			rows.map(async (row) => {
				const facts = itemFacts(docId, row, toBase64(row.nonce));
				const verdict = await check.item(row.deviceId, facts, row.ciphertext, row.signature, row.v);
				return { row, verdict, hash: verdict === 'ok' && row.link ? await itemHash(row) : '' };
			})
		);
		const moved = await db.transaction('rw', db.updates, db.heldItems, db.meta, async () => {
			const ok = checked.filter(({ verdict }) => verdict === 'ok');
			const present = await db.heldItems.bulkGet(ok.map(({ row }) => row.id!));
			const moving = ok.filter((_, index) => present[index] !== undefined);
			await db.updates.bulkAdd(moving.map(({ row }) => updateRowOf(row)));
			await db.heldItems.bulkDelete(moving.map(({ row }) => row.id!));
			for (const { row, verdict } of checked) {
				if (verdict !== 'ok' && verdict !== row.reason) {
					await db.heldItems.update(row, { reason: verdict });
				}
			}
			const arriving = moving.map(({ row, hash }) => ({ ...row, hash }));
			if (arriving.length > 0) await recordChains(db, docId, ownDeviceId, arriving);
			return moving.length;
		});
		if (moved > 0) released.push(docId);
	}
	return released;
}

function updateRowOf(row: HeldItemRow): UpdateRow {
	const { docId, epoch, deviceId, nonce, ciphertext, link } = row;
	return { docId, epoch, deviceId, nonce, ciphertext, link, synced: 1 };
}
