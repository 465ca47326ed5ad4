/**
 * The IndexedDB side of the outbox: reading the next unsynced rows, marking acknowledged rows
 * synced, and moving refused rows to fresh ids. Received rows are always stored synced, so the
 * `synced = 0` index holds only this device's writes and stays as short as the outbox.
 */
import { readMeta, writeMeta, type OfficeDatabase, type UpdateRow } from '../storage/db';
import { cursorKey } from './sync-meta';

/** Up to `limit` unsynced rows of this device with an id above `after`, in id order. */
export function nextUnsynced(
	db: OfficeDatabase,
	deviceId: string,
	after: number,
	limit: number
): Promise<UpdateRow[]> {
	return db.updates
		.where('synced')
		.equals(0)
		.filter((row) => row.id! > after && row.deviceId === deviceId)
		.limit(limit)
		.toArray();
}

/** Rows this device wrote that no relay has acknowledged. */
export function countUnsynced(db: OfficeDatabase): Promise<number> {
	return db.updates.where('synced').equals(0).count();
}

/** An acknowledged push: the document and the `seq` the relay gave the item. */
export interface AckedItem {
	docId: string;
	seq: number;
}

/**
 * Marks acknowledged rows synced and, in the same transaction, notes the seqs the relay gave
 * them (per document, those above the cursor). The cursor itself moves only with received pages:
 * this device's own items come back in a later backlog, which is when it checks whether a relay
 * snapshot is due (relay-snapshots.ts). A fresh snapshot asked for now (reseal.ts) may still
 * cover them, since this device holds them: `storedThrough`.
 */
export async function markSynced(
	db: OfficeDatabase,
	ids: number[],
	acked: AckedItem[] = []
): Promise<void> {
	await db.transaction('rw', db.updates, db.meta, async () => {
		await db.updates.bulkUpdate(ids.map((key) => ({ key, changes: { synced: 1 as const } })));
		await noteOwnItems(db, acked);
	});
}

/** Meta key of the seqs of this device's acknowledged items above the document's cursor. */
export function ownItemsKey(docId: string): string {
	return `sync:own-items:${docId}`;
}

async function noteOwnItems(db: OfficeDatabase, acked: AckedItem[]): Promise<void> {
	const seqs = new Map<string, number[]>();
	for (const { docId, seq } of acked) seqs.set(docId, [...(seqs.get(docId) ?? []), seq]);
	for (const [docId, list] of seqs) {
		const cursor = await readMeta(db, cursorKey(docId), 0);
		const known = await readMeta<number[]>(db, ownItemsKey(docId), []);
		const above = [...new Set([...known, ...list])].filter((seq) => seq > cursor);
		await writeMeta(
			db,
			ownItemsKey(docId),
			above.sort((x, y) => x - y)
		);
	}
}

/**
 * The highest seq up to which this device holds every item of the document: its cursor, moved
 * past its own acknowledged items that directly follow it. A gap (another device's item not
 * received yet) stops it.
 */
export async function storedThrough(db: OfficeDatabase, docId: string): Promise<number> {
	let through = await readMeta(db, cursorKey(docId), 0);
	const own = await readMeta<number[]>(db, ownItemsKey(docId), []);
	for (const seq of own) if (seq === through + 1) through = seq;
	return through;
}

/**
 * Gives unsynced rows new, higher ids (the same bytes), so they are pushed again under a
 * `deviceSeq` the relay has not passed yet. IndexedDB never hands out an id twice, and the open
 * documents apply the row again under its new id, which changes nothing (Yjs is idempotent).
 */
export async function moveToEnd(db: OfficeDatabase, ids: number[]): Promise<void> {
	await db.transaction('rw', db.updates, async () => {
		const rows = (await db.updates.bulkGet(ids)).filter(
			(row): row is UpdateRow => row !== undefined && row.synced === 0
		);
		await db.updates.bulkDelete(rows.map((row) => row.id!));
		await db.updates.bulkAdd(rows.map(({ id: _id, ...row }) => row));
	});
}

/**
 * Claims a fresh id from the update log's key generator without keeping a row: the `deviceSeq`
 * of a snapshot, so a device's sequence numbers stay unique and increasing across everything it
 * signs. (The relay dedupes PUSHes only; a snapshot's deviceSeq is never compared.)
 */
export async function claimDeviceSeq(db: OfficeDatabase, docId: string): Promise<number> {
	return db.transaction('rw', db.updates, async () => {
		const placeholder: UpdateRow = {
			docId,
			epoch: 0,
			deviceId: '',
			nonce: new Uint8Array(0),
			ciphertext: new Uint8Array(0),
			synced: 1
		};
		const id = (await db.updates.add(placeholder)) as number;
		await db.updates.delete(id);
		return id;
	});
}
