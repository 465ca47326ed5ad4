/**
 * UPDATES frames: a header listing the items of one document (what a receiver needs to store
 * and verify them) and their ciphertexts concatenated in the same order.
 */
import type { StoredItem } from './documents';
import { encodeFrame, MSG } from './protocol';

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
