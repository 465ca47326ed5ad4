/**
 * The messages of sync protocol v1 with typed headers (docs/sync-protocol.md, "Messages"). Byte
 * fields (nonces, signatures, public keys) travel as base64 strings inside the JSON header; the
 * ciphertext of an item is the frame's payload.
 */
import { encodeFrame } from './protocol';

export interface DeviceStatus {
	deviceId: string;
	revoked: boolean;
}

/** The signed facts of one stored item, as PUSH and SNAPSHOT carry them. */
export interface ItemHeader {
	docId: string;
	deviceSeq: number;
	epoch: number;
	/** base64 */
	nonce: string;
	/** base64 Ed25519 signature over the item text (signing-text.ts). */
	signature: string;
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
}

/** A blob as the relay hands it out: the put's facts and the device that put it. */
export interface BlobHeader extends BlobPutHeader {
	deviceId: string;
}

export interface ErrorHeader {
	code: string;
	message: string;
	fatal: boolean;
	ref?: unknown;
}

export type ClientMessage =
	| { type: 'HELLO'; header: { v: 1; officeId: string; deviceId: string } }
	| { type: 'AUTH'; header: { signature: string } }
	| { type: 'REGISTER'; header: { publicKey: string; signature: string } }
	| { type: 'SUBSCRIBE'; header: { cursors: Record<string, number> } }
	| { type: 'PUSH'; header: ItemHeader; payload: Uint8Array }
	| { type: 'SNAPSHOT'; header: ItemHeader & { covers: number }; payload: Uint8Array }
	| { type: 'BLOB_PUT'; header: BlobPutHeader; payload: Uint8Array }
	| { type: 'BLOB_GET'; header: { blobId: string } }
	| { type: 'ADD_DEVICE'; header: { deviceId: string; publicKey: string } }
	| { type: 'REVOKE_DEVICE'; header: { deviceId: string } }
	| { type: 'PAIR_OPEN'; header: { mailbox: string } }
	| { type: 'PAIR_MSG'; header: { mailbox: string }; payload: Uint8Array }
	| { type: 'PING'; header: Record<string, never> };

export type RelayMessage =
	| { type: 'CHALLENGE'; header: { nonce: string } }
	| { type: 'READY'; header: { devices: DeviceStatus[] } }
	| { type: 'ERROR'; header: ErrorHeader }
	| { type: 'UPDATES'; header: UpdatesHeader; ciphertexts: Uint8Array[] }
	| { type: 'ACK'; header: { docId: string; deviceSeq: number; seq: number } }
	| { type: 'SNAPSHOT_ACK'; header: { docId: string; covers: number } }
	| { type: 'CAUGHT_UP'; header: Record<string, never> }
	| { type: 'BLOB_ACK'; header: { blobId: string } }
	| { type: 'BLOB'; header: BlobHeader; payload: Uint8Array }
	| { type: 'BLOB_MISSING'; header: { blobId: string } }
	| { type: 'DEVICES'; header: { devices: DeviceStatus[] } }
	| { type: 'PAIR_MSG'; header: { mailbox: string }; payload: Uint8Array }
	| { type: 'PAIR_PEER'; header: { mailbox: string; present: boolean } }
	| { type: 'PONG'; header: Record<string, never> };

/** Encodes a message this client sends. */
export function encodeClientMessage(message: ClientMessage): Uint8Array<ArrayBuffer> {
	return encodeFrame(
		message.type,
		message.header,
		'payload' in message ? message.payload : undefined
	);
}
