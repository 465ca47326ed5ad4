/**
 * The exact texts a device signs (docs/sync-protocol.md, "Signatures"). The relay rebuilds the
 * same bytes to verify, so a change here is a protocol change:
 *
 *   po-auth-v1|<officeId>|<deviceId>|<nonce base64>
 *   po-item-v1|<kind>|<docId>|<deviceSeq>|<epoch>|<nonce base64>|<covers or empty>|<ciphertext>
 *   po-blob-v1|<blobId>|<epoch>|<nonce base64>|<size>|<ciphertext>
 *
 * Numbers are written in plain decimal; the ciphertext bytes follow the last `|` unchanged.
 */
import { concatBytes, toBase64, utf8Encode } from '../bytes';
import { sign } from '../crypto/signing';
import type { ItemKind } from './messages';

export interface ItemFacts {
	kind: ItemKind;
	docId: string;
	deviceSeq: number;
	epoch: number;
	/** base64, as it travels in the header. */
	nonce: string;
	/** Only for snapshots: the highest seq the snapshot stands for. */
	covers?: number;
}

/** The bytes signed to prove the device holds its key during the handshake. */
export function authText(officeId: string, deviceId: string, nonce: string): Uint8Array {
	return utf8Encode(`po-auth-v1|${officeId}|${deviceId}|${nonce}`);
}

/** The bytes signed for one stored item (an update or a snapshot). */
export function itemText(facts: ItemFacts, ciphertext: Uint8Array): Uint8Array {
	const { kind, docId, deviceSeq, epoch, nonce, covers } = facts;
	const text = `po-item-v1|${kind}|${docId}|${deviceSeq}|${epoch}|${nonce}|${covers ?? ''}|`;
	return concatBytes(utf8Encode(text), ciphertext);
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

/** The base64 signature of one item. */
export async function signItem(
	key: CryptoKey,
	facts: ItemFacts,
	ciphertext: Uint8Array
): Promise<string> {
	return toBase64(await sign(key, itemText(facts, ciphertext)));
}

export interface BlobFacts {
	blobId: string;
	epoch: number;
	/** base64, as it travels in the header. */
	nonce: string;
	/** Ciphertext bytes. */
	size: number;
}

/** The bytes signed for one blob. */
export function blobText(facts: BlobFacts, ciphertext: Uint8Array): Uint8Array {
	const { blobId, epoch, nonce, size } = facts;
	return concatBytes(utf8Encode(`po-blob-v1|${blobId}|${epoch}|${nonce}|${size}|`), ciphertext);
}

/** The base64 signature of one blob. */
export async function signBlob(
	key: CryptoKey,
	facts: BlobFacts,
	ciphertext: Uint8Array
): Promise<string> {
	return toBase64(await sign(key, blobText(facts, ciphertext)));
}
