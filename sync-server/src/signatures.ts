/**
 * The Ed25519 signatures of docs/sync-protocol.md ("Signatures"), protocol v2. The signed texts,
 * exactly (UTF-8, numbers decimal, base64 strings quoted as sent — headers.ts admits only
 * canonical ones):
 *
 *   auth:       po-auth-v2|<officeId>|<deviceId>|<nonce>
 *   item:       po-item-v2|<kind>|<docId>|<deviceSeq>|<epoch>|<nonce>|<covers or empty>|<link>|
 *               followed by the ciphertext bytes
 *   blob:       po-blob-v2|<blobId>|<epoch>|<nonce>|<size>|<link>|  followed by the ciphertext
 *   admin:      po-admin-v2|<officeId>|<adminNonce>|<action>|<subject>|<detail>
 *   admin key:  po-admin-key-v2|<officeId>|<admin key>          (signed by that key: possession)
 *   compaction: po-compact-v2|<officeId>|<docId>|<covers>|<the item's device signature>
 *
 * Rows stored under v1 keep their v1 signatures (`v: 1` on the wire); the relay never verifies
 * stored rows again, so it needs no v1 text.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The signature version of everything this relay stores. */
export const SIGNATURE_VERSION = 2;

export type ItemKind = 'update' | 'snapshot';

export interface ItemFields {
	kind: ItemKind;
	docId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	/** Only for snapshots: the seq the snapshot covers. */
	covers?: number;
	link: string;
}

export interface BlobFields {
	blobId: string;
	epoch: number;
	nonce: string;
	size: number;
	link: string;
}

export type AdminAction =
	'add-device' | 'revoke-device' | 'restore-device' | 'add-admin' | 'remove-admin';

export interface AdminActionFields {
	officeId: string;
	/** The socket's admin nonce (ADMIN_NONCE), base64. */
	nonce: string;
	action: AdminAction;
	/** The device id, or the admin key added or removed. */
	subject: string;
	/** The device's public key for `add-device`; empty otherwise. */
	detail: string;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The UTF-8 text a device signs to authenticate against a challenge. */
export function authText(officeId: string, deviceId: string, nonce: string): Buffer {
	return utf8(`po-auth-v2|${officeId}|${deviceId}|${nonce}`);
}

/** The bytes a device signs for a stored item: the text fields, then the ciphertext. */
export function itemData(fields: ItemFields, ciphertext: Uint8Array): Buffer {
	const { kind, docId, deviceSeq, epoch, nonce, covers, link } = fields;
	const text = `po-item-v2|${kind}|${docId}|${deviceSeq}|${epoch}|${nonce}|${covers ?? ''}|${link}|`;
	return Buffer.concat([utf8(text), ciphertext]);
}

/** The bytes a device signs for a blob: the text fields, then the ciphertext. */
export function blobData(fields: BlobFields, ciphertext: Uint8Array): Buffer {
	const { blobId, epoch, nonce, size, link } = fields;
	return Buffer.concat([
		utf8(`po-blob-v2|${blobId}|${epoch}|${nonce}|${size}|${link}|`),
		ciphertext
	]);
}

/** The text an admin signs to change the office's devices or admins. */
export function adminActionText(fields: AdminActionFields): Buffer {
	const { officeId, nonce, action, subject, detail } = fields;
	return utf8(`po-admin-v2|${officeId}|${nonce}|${action}|${subject}|${detail}`);
}

/** The text a new admin key signs to prove it is held by whoever names it. */
export function adminKeyProofText(officeId: string, adminKey: string): Buffer {
	return utf8(`po-admin-key-v2|${officeId}|${adminKey}`);
}

/** The text an admin countersigns to approve one snapshot (named by its device signature). */
export function compactionText(
	officeId: string,
	docId: string,
	covers: number,
	itemSignature: string
): Buffer {
	return utf8(`po-compact-v2|${officeId}|${docId}|${covers}|${itemSignature}`);
}

/** A public key object from the 32 raw bytes of an Ed25519 key; undefined if not a key. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject | undefined {
	if (raw.length !== 32) return undefined;
	try {
		const x = Buffer.from(raw).toString('base64url');
		return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
	} catch {
		return undefined;
	}
}

/** Whether `signature` (base64) is the key's signature over data; false for anything malformed. */
export function verifySignature(key: KeyObject, data: Uint8Array, signature: string): boolean {
	try {
		return verify(null, data, key, Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}

/** `verifySignature` with a raw key in base64 (an admin key); false when it is not a key. */
export function verifyWithKey(rawKey: string, data: Uint8Array, signature: string): boolean {
	const key = publicKeyFromRaw(Buffer.from(rawKey, 'base64'));
	return key !== undefined && verifySignature(key, data, signature);
}
