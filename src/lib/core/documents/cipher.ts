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
	/** Decrypts; throws DecryptionError when the bytes were altered or the key is unknown. */
	open(docId: string, area: string, sealed: SealedBytes): Promise<Uint8Array>;
}
