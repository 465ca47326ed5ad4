/**
 * The frames that carry stored items: UPDATES (items of one document: what a receiver needs to
 * store and verify them, and their ciphertexts concatenated in the same order) and
 * SNAPSHOT_OFFER (one pending snapshot, for other devices to confirm or dispute).
 */
import type { PendingSnapshot } from './compaction';
import type { StoredItem } from './documents';
import { encodeFrame, MSG } from './protocol';
import { SIGNATURE_VERSION } from './signatures';

export interface DocumentPosition {
	latest: number;
	covers: number;
	more: boolean;
}

/** The UPDATES frame for items of one document. */
export function updatesFrame(
	docId: string,
	items: readonly StoredItem[],
	position: DocumentPosition
): Buffer {
	const header = {
		docId,
		items: items.map((item) => ({
			seq: item.seq,
			kind: item.kind,
			deviceId: item.deviceId,
			deviceSeq: item.deviceSeq,
			epoch: item.epoch,
			nonce: item.nonce.toString('base64'),
			signature: item.signature.toString('base64'),
			link: item.link,
			v: item.v,
			size: item.size
		})),
		more: position.more,
		latest: position.latest,
		sinceSnapshot: position.latest - position.covers
	};
	return encodeFrame(
		MSG.UPDATES,
		header,
		items.map((item) => item.payload)
	);
}

/** The SNAPSHOT_OFFER frame of a pending snapshot (always signed under v2). */
export function offerFrame(snapshot: PendingSnapshot): Buffer {
	const header = {
		docId: snapshot.docId,
		covers: snapshot.covers,
		deviceId: snapshot.deviceId,
		deviceSeq: snapshot.deviceSeq,
		epoch: snapshot.epoch,
		nonce: snapshot.nonce.toString('base64'),
		signature: snapshot.signature.toString('base64'),
		link: snapshot.link,
		v: SIGNATURE_VERSION,
		size: snapshot.size
	};
	return encodeFrame(MSG.SNAPSHOT_OFFER, header, snapshot.payload);
}
