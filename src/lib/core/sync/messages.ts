/**
 * The messages of sync protocol v2 with typed headers (docs/sync-protocol.md, "Messages"). Byte
 * fields (nonces, signatures, public keys) travel as base64 strings inside the JSON header; the
 * ciphertext of an item is the frame's payload.
 */
import { encodeFrame } from './protocol';
import type { SignatureVersion } from './signing-text';

/** One device of the office as the relay lists it. */
export interface DeviceStatus {
	deviceId: string;
	revoked: boolean;
	/** base64 raw Ed25519 public key. */
	publicKey: string;
	/** The admin key (base64) that added it; '' for the registering device and v1 devices. */
	addedBy: string;
	/** When it was added, ms since 1970. */
	addedAt: number;
}

/** The office's devices and admins (office managers' Ed25519 keys, base64 raw): READY, DEVICES. */
export interface DeviceList {
	devices: DeviceStatus[];
	admins: string[];
}

/** The signed facts of one stored item, as PUSH carries them. */
export interface ItemHeader {
	docId: string;
	deviceSeq: number;
	epoch: number;
	/** base64 */
	nonce: string;
	/** base64 Ed25519 signature over the item text (signing-text.ts). */
	signature: string;
	/** The item's link (documents/item-link.ts); '' for items sealed before links. */
	link: string;
}

/** A SNAPSHOT: the item facts, what it covers, and an admin's countersignature. */
export interface SnapshotHeader extends ItemHeader {
	covers: number;
	/** The countersigning admin key, base64 raw. */
	admin: string;
	/** The admin's signature over the compaction text. */
	adminSignature: string;
}

export type ItemKind = 'update' | 'snapshot';

/** One item of an UPDATES page; its ciphertext is `size` bytes of the payload, in item order. */
export interface UpdatesItem {
	seq: number;
	kind: ItemKind;
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	signature: string;
	link: string;
	/** Which signed text the signature is over (1: stored by a v1 relay). */
	v: SignatureVersion;
	size: number;
}

export interface UpdatesHeader {
	docId: string;
	items: UpdatesItem[];
	more: boolean;
	latest: number;
	sinceSnapshot: number;
}

/** The signed facts of one blob, as BLOB_PUT carries them (its ciphertext is the payload). */
export interface BlobPutHeader {
	blobId: string;
	epoch: number;
	/** base64 */
	nonce: string;
	/** base64 Ed25519 signature over the blob text (signing-text.ts). */
	signature: string;
	/** Ciphertext bytes: the payload's length. */
	size: number;
	link: string;
}

/** A blob as the relay hands it out: the put's facts, the device that put it, the version. */
export interface BlobHeader extends BlobPutHeader {
	deviceId: string;
	v: SignatureVersion;
}

/** How SNAPSHOT_CONFIRM, SNAPSHOT_DISPUTE and SNAPSHOT_DONE name a pending snapshot. */
export interface SnapshotName {
	docId: string;
	covers: number;
	/** The snapshot's nonce, base64. */
	nonce: string;
}

/** A pending snapshot another device wrote, offered to be confirmed or disputed. */
export interface SnapshotOfferHeader extends SnapshotName {
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	signature: string;
	link: string;
	v: SignatureVersion;
	size: number;
}

/** The writer's news of its pending snapshot: applied (`ok`) or disputed and dropped. */
export interface SnapshotDone extends SnapshotName {
	ok: boolean;
}

/** What every admin change carries: the admin key, the socket's admin nonce, the signature. */
export interface AdminSigned {
	admin: string;
	nonce: string;
	signature: string;
}

export interface ErrorHeader {
	code: string;
	message: string;
	fatal: boolean;
	ref?: unknown;
}

type Empty = Record<string, never>;

/** The admin changes, each signed by an admin over a fresh ADMIN_NONCE. */
export type AdminMessage =
	| { type: 'ADD_DEVICE'; header: { deviceId: string; publicKey: string } & AdminSigned }
	| { type: 'REVOKE_DEVICE'; header: { deviceId: string } & AdminSigned }
	| { type: 'RESTORE_DEVICE'; header: { deviceId: string } & AdminSigned }
	| { type: 'ADD_ADMIN'; header: { key: string; proof: string } & AdminSigned }
	| { type: 'REMOVE_ADMIN'; header: { key: string } & AdminSigned };

export type ClientMessage =
	| { type: 'HELLO'; header: { v: 2; officeId: string; deviceId: string } }
	| { type: 'AUTH'; header: { signature: string } }
	| {
			type: 'REGISTER';
			header: { publicKey: string; signature: string; admin: { key: string; proof: string } };
	  }
	| { type: 'SUBSCRIBE'; header: { cursors: Record<string, number> } }
	| { type: 'PUSH'; header: ItemHeader; payload: Uint8Array }
	| { type: 'SNAPSHOT'; header: SnapshotHeader; payload: Uint8Array }
	| { type: 'SNAPSHOT_CONFIRM'; header: SnapshotName }
	| { type: 'SNAPSHOT_DISPUTE'; header: SnapshotName }
	| { type: 'BLOB_PUT'; header: BlobPutHeader; payload: Uint8Array }
	| { type: 'BLOB_GET'; header: { blobId: string } }
	| { type: 'ADMIN_CHALLENGE'; header: Empty }
	| AdminMessage
	| { type: 'PAIR_OPEN'; header: { mailbox: string } }
	| { type: 'PAIR_MSG'; header: { mailbox: string }; payload: Uint8Array }
	| { type: 'PING'; header: Empty };

export type RelayMessage =
	| { type: 'CHALLENGE'; header: { nonce: string } }
	| { type: 'READY'; header: DeviceList }
	| { type: 'ERROR'; header: ErrorHeader }
	| { type: 'UPDATES'; header: UpdatesHeader; ciphertexts: Uint8Array[] }
	| { type: 'ACK'; header: { docId: string; deviceSeq: number; seq: number } }
	| { type: 'SNAPSHOT_ACK'; header: { docId: string; covers: number } }
	| { type: 'SNAPSHOT_OFFER'; header: SnapshotOfferHeader; payload: Uint8Array }
	| { type: 'SNAPSHOT_DONE'; header: SnapshotDone }
	| { type: 'CAUGHT_UP'; header: Empty }
	| { type: 'BLOB_ACK'; header: { blobId: string } }
	| { type: 'BLOB'; header: BlobHeader; payload: Uint8Array }
	| { type: 'BLOB_MISSING'; header: { blobId: string } }
	| { type: 'DEVICES'; header: DeviceList }
	| { type: 'ADMIN_NONCE'; header: { nonce: string } }
	| { type: 'PAIR_MSG'; header: { mailbox: string }; payload: Uint8Array }
	| { type: 'PAIR_PEER'; header: { mailbox: string; present: boolean } }
	| { type: 'PONG'; header: Empty };

/** Encodes a message this client sends. */
export function encodeClientMessage(message: ClientMessage): Uint8Array<ArrayBuffer> {
	return encodeFrame(
		message.type,
		message.header,
		'payload' in message ? message.payload : undefined
	);
}
