/** What the document store needs from the key layer: seal and open one document's bytes. */
export interface SealedBytes {
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
}

export interface DocumentCipher {
	/** Encrypts with the area's current key, binding document id, epoch and device id. */
	seal(docId: string, area: string, plaintext: Uint8Array): Promise<SealedBytes>;
	/**
	 * Decrypts. Throws DecryptionError when the bytes were altered (or sealed under another key),
	 * MissingKeyError when the key of the row's epoch is not held (`epoch` set) or no key of the
	 * area is held at all (`epoch` undefined).
	 */
	open(docId: string, area: string, sealed: SealedBytes): Promise<Uint8Array>;
}
