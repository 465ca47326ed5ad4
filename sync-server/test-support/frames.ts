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
	link: string;
}

export interface BlobHeader extends BlobPutHeader {
	deviceId: string;
	/** Signature version: 1 for blobs a v1 relay stored. */
	v: number;
}

/** What BLOB_GET was answered with: the blob, or BLOB_MISSING. */
export type BlobReply = { blob: BlobHeader; payload: Buffer } | { missing: true };

export interface DeviceEntry {
	deviceId: string;
	revoked: boolean;
	publicKey: string;
	addedBy: string;
	addedAt: number;
}

/** READY and DEVICES. */
export interface DevicesHeader {
	devices: DeviceEntry[];
	admins: string[];
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
	link: string;
}

export interface SnapshotAck {
	docId: string;
	covers: number;
}

/** How SNAPSHOT_CONFIRM, SNAPSHOT_DISPUTE and SNAPSHOT_DONE name a pending snapshot. */
export interface SnapshotName extends SnapshotAck {
	nonce: string;
}

export interface SnapshotHeader extends PushHeader {
	covers: number;
	admin: string;
	adminSignature: string;
}

export interface OfferHeader extends PushHeader {
	covers: number;
	deviceId: string;
	v: number;
	size: number;
}

export interface DoneHeader extends SnapshotName {
	ok: boolean;
}

export interface ItemHeader {
	seq: number;
	kind: 'update' | 'snapshot';
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	signature: string;
	link: string;
	/** Signature version: 1 for items a v1 relay stored. */
	v: number;
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
