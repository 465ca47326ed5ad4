/** What the document store needs from the key layer: seal and open one document's bytes. */
import type { ItemLink } from './item-link';

export interface SealedBytes {
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	/** The item's link (item-link.ts) as text; absent or '' for items sealed before links. */
	link?: string;
}

/** Where a sealed item stands in its writer's chain (item-link.ts); the cipher adds the key id. */
export type ChainFacts = Omit<ItemLink, 'keyId'>;

export interface DocumentCipher {
	/**
	 * Encrypts with the area's current key, binding document id, epoch, device id and the link
	 * (the key's id and `chain`, or only the key's id when no chain facts are given).
	 */
	seal(
		docId: string,
		area: string,
		plaintext: Uint8Array,
		chain?: ChainFacts
	): Promise<SealedBytes>;
	/**
	 * Decrypts. Throws DecryptionError when the bytes were altered (or sealed under another key),
	 * MissingKeyError when the key the item names is not held (`epoch` set) or no key of the
	 * area is held at all (`epoch` undefined).
	 */
	open(docId: string, area: string, sealed: SealedBytes): Promise<Uint8Array>;
}
