/**
 * The Ed25519 signatures of docs/sync-protocol.md ("Signatures"). The signed texts, exactly:
 *
 *   auth:  po-auth-v1|<officeId>|<deviceId>|<nonce base64>
 *   item:  po-item-v1|<kind>|<docId>|<deviceSeq>|<epoch>|<nonce base64>|<covers or empty>|
 *          followed by the ciphertext bytes
 *   blob:  po-blob-v1|<blobId>|<epoch>|<nonce base64>|<size>|  followed by the ciphertext bytes
 *
 * Numbers are decimal; base64 strings are quoted as sent (headers.ts admits only canonical ones).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export type ItemKind = 'update' | 'snapshot';

export interface ItemFields {
	kind: ItemKind;
	docId: string;
	deviceSeq: number;
	epoch: number;
	nonce: string;
	/** Only for snapshots: the seq the snapshot covers. */
	covers?: number;
}

/** The UTF-8 text a device signs to authenticate against a challenge. */
export function authText(officeId: string, deviceId: string, nonce: string): Buffer {
	return Buffer.from(`po-auth-v1|${officeId}|${deviceId}|${nonce}`, 'utf8');
}

/** The bytes a device signs for a stored item: the text fields, then the ciphertext. */
export function itemData(fields: ItemFields, ciphertext: Uint8Array): Buffer {
	const { kind, docId, deviceSeq, epoch, nonce, covers } = fields;
	const text = `po-item-v1|${kind}|${docId}|${deviceSeq}|${epoch}|${nonce}|${covers ?? ''}|`;
	return Buffer.concat([Buffer.from(text, 'utf8'), ciphertext]);
}

export interface BlobFields {
	blobId: string;
	epoch: number;
	nonce: string;
	size: number;
}

/** The bytes a device signs for a blob: the text fields, then the ciphertext. */
export function blobData(fields: BlobFields, ciphertext: Uint8Array): Buffer {
	const { blobId, epoch, nonce, size } = fields;
	const text = `po-blob-v1|${blobId}|${epoch}|${nonce}|${size}|`;
	return Buffer.concat([Buffer.from(text, 'utf8'), ciphertext]);
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
