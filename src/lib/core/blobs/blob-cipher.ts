/**
 * Seals and opens blob bytes with area keys. The associated data is that of a document update
 * (aead.ts) for the pseudo document id `blob:<area>:<id>`, with the key epoch and the sealing
 * device: so a blob cannot be passed off as another blob, another area's blob, or a document
 * update, and the relay cannot swap the device or epoch it reports. Area names contain no `:`,
 * so the id has one reading.
 */
import { associatedData, open, seal } from '../crypto/aead';
import { DecryptionError } from '../crypto/errors';
import { encodeLink, keyOnlyLink, parseLink } from '../documents/item-link';
import type { AreaKeyring } from '../keys/area-keyring';

/** Ids of blobs: what `put` makes (ULIDs) and what the relay accepts in a frame. */
export const BLOB_ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

/** The pseudo document id a blob's associated data names. */
export function blobDocId(area: string, id: string): string {
	return `blob:${area}:${id}`;
}

export interface SealedBlob {
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	/** Names the key that sealed it (documents/item-link.ts); absent for older blobs. */
	link?: string;
}

/** Seals `bytes` as blob `id` of `area` with the area's current key. */
export async function sealBlob(
	keyring: AreaKeyring,
	deviceId: string,
	area: string,
	id: string,
	bytes: Uint8Array
): Promise<SealedBlob> {
	const { epoch, keyId, key } = keyring.current(area);
	const link = encodeLink(keyOnlyLink(keyId));
	const aad = associatedData({ docId: blobDocId(area, id), epoch, deviceId, link });
	return { epoch, deviceId, link, ...(await seal(key, bytes, aad)) };
}

/** Opens a sealed blob; throws MissingKeyError or DecryptionError. */
export async function openBlob(
	keyring: AreaKeyring,
	area: string,
	id: string,
	sealed: SealedBlob
): Promise<Uint8Array> {
	const link = parseLink(sealed.link);
	if (sealed.link && !link) throw new DecryptionError();
	const key = keyring.get(area, sealed.epoch, link?.keyId);
	const aad = associatedData({
		docId: blobDocId(area, id),
		epoch: sealed.epoch,
		deviceId: sealed.deviceId,
		link: sealed.link
	});
	return open(key, sealed, aad);
}
