/** Typed headers of the frames the relay sends, as tests read them. */

export interface ErrorHeader {
	code: string;
	message: string;
	fatal: boolean;
	ref?: { type: number; docId?: string; deviceSeq?: number; blobId?: string };
}

export interface BlobPutHeader {
	blobId: string;
	epoch: number;
	nonce: string;
	signature: string;
	size: number;
}

export interface BlobHeader extends BlobPutHeader {
	deviceId: string;
}

/** What BLOB_GET was answered with: the blob, or BLOB_MISSING. */
export type BlobReply = { blob: BlobHeader; payload: Buffer } | { missing: true };

export interface DevicesHeader {
	devices: { deviceId: string; revoked: boolean }[];
}

export interface AckHeader {
	docId: string;
	deviceSeq: number;
	seq: number;
}

export interface PushHeader {
	docId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	signature: string;
}

export interface ItemHeader {
	seq: number;
	kind: 'update' | 'snapshot';
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	signature: string;
	size: number;
}

export interface UpdatesHeader {
	docId: string;
	items: ItemHeader[];
	more: boolean;
	latest: number;
	sinceSnapshot: number;
}

export interface Item extends ItemHeader {
	docId: string;
	payload: Buffer;
}

export interface Page extends Omit<UpdatesHeader, 'items'> {
	items: Item[];
}

export interface Backlog {
	pages: Page[];
	items: Item[];
}
