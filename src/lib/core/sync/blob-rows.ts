/**
 * The IndexedDB side of blob sync: the next blobs to upload and wants to fetch, marking an
 * uploaded blob synced, and storing a fetched one. Blobs fetched from the relay are stored
 * synced, so the `synced = 0` index holds only this device's files: the blob outbox.
 */
import { fromBase64 } from '../bytes';
import type { BlobRow, BlobWantRow, OfficeDatabase } from '../storage/db';
import type { BlobHeader } from './messages';

/** Up to `limit` unsynced blobs of this device that `skip` does not name. */
export function nextUploads(
	db: OfficeDatabase,
	deviceId: string,
	skip: (id: string) => boolean,
	limit: number
): Promise<BlobRow[]> {
	return db.blobs
		.where('synced')
		.equals(0)
		.filter((row) => row.deviceId === deviceId && !skip(row.id))
		.limit(limit)
		.toArray();
}

/** Blobs this device stored that no relay has acknowledged. */
export function countUnsyncedBlobs(db: OfficeDatabase): Promise<number> {
	return db.blobs.where('synced').equals(0).count();
}

/** Up to `limit` wants `eligible` admits; wants for blobs already here are dropped instead. */
export async function nextWants(
	db: OfficeDatabase,
	eligible: (want: BlobWantRow) => boolean,
	limit: number
): Promise<BlobWantRow[]> {
	const wants = (await db.blobWants.toArray()).filter(eligible);
	const here = new Set(
		await db.blobs
			.where('id')
			.anyOf(wants.map((want) => want.id))
			.primaryKeys()
	);
	if (here.size > 0) await db.blobWants.bulkDelete([...here]);
	return wants.filter((want) => !here.has(want.id)).slice(0, limit);
}

/** Marks an acknowledged blob synced. */
export async function markBlobSynced(db: OfficeDatabase, id: string): Promise<void> {
	await db.blobs.update(id, { synced: 1 });
}

/** Stores a fetched blob (ciphertext as received) and drops its want, in one transaction. */
export async function storeFetched(
	db: OfficeDatabase,
	area: string,
	header: BlobHeader,
	payload: Uint8Array,
	now: Date
): Promise<void> {
	await db.transaction('rw', db.blobs, db.blobWants, async () => {
		if ((await db.blobs.where('id').equals(header.blobId).count()) === 0) {
			await db.blobs.add({
				id: header.blobId,
				area,
				epoch: header.epoch,
				deviceId: header.deviceId,
				nonce: fromBase64(header.nonce),
				// A copy: a view would make IndexedDB clone the whole frame it points into.
				ciphertext: payload.slice(),
				link: header.link,
				size: payload.length,
				synced: 1,
				createdAt: now.toISOString()
			});
		}
		await db.blobWants.delete(header.blobId);
	});
}

/** Notes that the relay holds no such blob yet; the want stays for a later try. */
export async function markMissing(db: OfficeDatabase, id: string, now: Date): Promise<void> {
	await db.blobWants.update(id, { missingAt: now.toISOString() });
}
