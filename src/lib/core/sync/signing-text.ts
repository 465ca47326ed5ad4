/**
 * The exact texts signed in sync protocol v2 (docs/sync-protocol.md, "Signatures"). The relay
 * rebuilds the same bytes to verify, so a change here is a protocol change:
 *
 *   po-auth-v2|<officeId>|<deviceId>|<nonce>
 *   po-item-v2|<kind>|<docId>|<deviceSeq>|<epoch>|<nonce>|<covers or empty>|<link>|<ciphertext>
 *   po-blob-v2|<blobId>|<epoch>|<nonce>|<size>|<link>|<ciphertext>
 *   po-admin-v2|<officeId>|<adminNonce>|<action>|<subject>|<detail>
 *   po-admin-key-v2|<officeId>|<admin key>
 *   po-compact-v2|<officeId>|<docId>|<covers>|<the item's device signature>
 *
 * Numbers are plain decimal, base64 fields are quoted as sent, and ciphertext bytes follow the
 * last `|` unchanged. Items and blobs a v1 relay stored keep their v1 signatures (`v: 1`): the
 * same texts without the link, under `-v1` (receivers verify them, nobody signs them any more).
 */
import { concatBytes, toBase64, utf8Encode } from '../bytes';
import { sign } from '../crypto/signing';
import type { ItemKind } from './messages';

/** The signature version of an item or blob: 1 for rows a v1 relay stored. */
export type SignatureVersion = 1 | 2;

export interface ItemFacts {
	kind: ItemKind;
	docId: string;
	deviceSeq: number;
	epoch: number;
	/** base64, as it travels in the header. */
	nonce: string;
	/** Only for snapshots: the highest seq the snapshot stands for. */
	covers?: number;
	/** The item's link ('' for items sealed before links). */
	link: string;
}

export interface BlobFacts {
	blobId: string;
	epoch: number;
	/** base64, as it travels in the header. */
	nonce: string;
	/** Ciphertext bytes. */
	size: number;
	link: string;
}

export type AdminAction =
	'add-device' | 'revoke-device' | 'restore-device' | 'add-admin' | 'remove-admin';

export interface AdminChange {
	action: AdminAction;
	/** The device id, or the admin key added or removed. */
	subject: string;
	/** The device's public key (base64) for `add-device`; '' otherwise. */
	detail: string;
}

/** The bytes signed to prove the device holds its key during the handshake. */
export function authText(officeId: string, deviceId: string, nonce: string): Uint8Array {
	return utf8Encode(`po-auth-v2|${officeId}|${deviceId}|${nonce}`);
}

/** The bytes signed for one stored item (an update or a snapshot), in version `v`. */
export function itemText(
	facts: ItemFacts,
	ciphertext: Uint8Array,
	v: SignatureVersion = 2
): Uint8Array {
	const { kind, docId, deviceSeq, epoch, nonce, covers, link } = facts;
	const fields = `${kind}|${docId}|${deviceSeq}|${epoch}|${nonce}|${covers ?? ''}|`;
	const text = v === 1 ? `po-item-v1|${fields}` : `po-item-v2|${fields}${link}|`;
	return concatBytes(utf8Encode(text), ciphertext);
}

/** The bytes signed for one blob, in version `v`. */
export function blobText(
	facts: BlobFacts,
	ciphertext: Uint8Array,
	v: SignatureVersion = 2
): Uint8Array {
	const { blobId, epoch, nonce, size, link } = facts;
	const fields = `${blobId}|${epoch}|${nonce}|${size}|`;
	const text = v === 1 ? `po-blob-v1|${fields}` : `po-blob-v2|${fields}${link}|`;
	return concatBytes(utf8Encode(text), ciphertext);
}

/** The text an admin signs to change the office's devices or admins. */
export function adminText(officeId: string, adminNonce: string, change: AdminChange): Uint8Array {
	const { action, subject, detail } = change;
	return utf8Encode(`po-admin-v2|${officeId}|${adminNonce}|${action}|${subject}|${detail}`);
}

/** The text a new admin key signs: its holder agrees to be an admin of this office. */
export function adminKeyProofText(officeId: string, adminKey: string): Uint8Array {
	return utf8Encode(`po-admin-key-v2|${officeId}|${adminKey}`);
}

/** The text an admin countersigns to approve one snapshot, named by its device signature. */
export function compactionText(
	officeId: string,
	docId: string,
	covers: number,
	itemSignature: string
): Uint8Array {
	return utf8Encode(`po-compact-v2|${officeId}|${docId}|${covers}|${itemSignature}`);
}

/** The base64 signature of the handshake text. */
export async function signAuth(
	key: CryptoKey,
	officeId: string,
	deviceId: string,
	nonce: string
): Promise<string> {
	return toBase64(await sign(key, authText(officeId, deviceId, nonce)));
}

/** The base64 v2 signature of one item. */
export async function signItem(
	key: CryptoKey,
	facts: ItemFacts,
	ciphertext: Uint8Array
): Promise<string> {
	return toBase64(await sign(key, itemText(facts, ciphertext)));
}

/** The base64 v2 signature of one blob. */
export async function signBlob(
	key: CryptoKey,
	facts: BlobFacts,
	ciphertext: Uint8Array
): Promise<string> {
	return toBase64(await sign(key, blobText(facts, ciphertext)));
}
