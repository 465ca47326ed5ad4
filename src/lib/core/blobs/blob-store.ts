/**
 * Files (scans, photos, PDFs) are too large to live inside Yjs documents: a month of a busy
 * practice's scans would make a snapshot far beyond the relay's frame limit, and opening a
 * document would load every file in it. So file content is an immutable encrypted blob with its
 * own id, and a record in an area's document refers to it by that id.
 *
 * A blob is sealed with its area's key (AES-GCM, the blob id, epoch and device id as associated
 * data), stored on this device at once (so a file added offline is there offline), and pushed to
 * the relay like an update. Other devices download blobs in the background or when someone
 * opens one; until then `get` reports it as not yet downloaded.
 */

/** What areas use to store and read file content. */
export interface BlobStore {
	/** Seals and stores `bytes` under a fresh id in `area`; it is queued for upload. */
	put(area: string, bytes: Uint8Array): Promise<string>;
	/**
	 * The bytes of a blob of `area`. From this device when stored here; otherwise it is asked
	 * for from the relay and this waits (up to `timeoutMs`) for it to arrive. Throws
	 * BlobUnavailableError when it is not here and cannot be fetched now (offline, not yet
	 * uploaded by the device that added it), and BlobUnreadableError when it does not decrypt.
	 */
	get(area: string, id: string, options?: { timeoutMs?: number }): Promise<Uint8Array>;
	/** Whether the blob is stored on this device (readable offline). */
	has(id: string): Promise<boolean>;
	/** Asks for these blobs to be downloaded in the background, so they are there offline. */
	prefetch(area: string, ids: readonly string[]): Promise<void>;
}

/** The blob is neither on this device nor obtainable from the relay right now. */
export class BlobUnavailableError extends Error {
	override name = 'BlobUnavailableError';
	constructor(readonly blobId: string) {
		super('This file has not been downloaded to this device yet. Connect to sync to see it.');
	}
}

/** The blob is here but does not decrypt with the area's key (altered or foreign). */
export class BlobUnreadableError extends Error {
	override name = 'BlobUnreadableError';
	constructor(readonly blobId: string) {
		super('This file could not be decrypted on this device.');
	}
}

const MiB = 1024 * 1024;

/**
 * The largest file `put` accepts, in bytes. The relay takes frames of up to 16 MiB (its
 * `maxFrameBytes`); a blob frame is the plaintext plus a 16-byte tag plus a header of at most
 * 16 KiB, so 15 MiB leaves ample room.
 */
export const MAX_BLOB_BYTES = 15 * MiB;

/** The file is larger than MAX_BLOB_BYTES; nothing was stored. */
export class BlobTooLargeError extends Error {
	override name = 'BlobTooLargeError';
	constructor(
		readonly size: number,
		readonly limit = MAX_BLOB_BYTES
	) {
		super(
			`This file is ${megabytes(size)} MB; files can be at most ${megabytes(limit)} MB. ` +
				'Scan at a lower resolution or split the document.'
		);
	}
}

/** The file could not be saved on this device (storage full or failing); nothing was stored. */
export class BlobNotStoredError extends Error {
	override name = 'BlobNotStoredError';
	constructor(
		readonly full: boolean,
		options?: ErrorOptions
	) {
		super(
			full
				? 'This device is out of storage space, so the file was not saved. Free up space, then add it again.'
				: 'The file could not be saved on this device. Try adding it again.',
			options
		);
	}
}

function megabytes(bytes: number): string {
	return (bytes / MiB).toFixed(1).replace(/\.0$/, '');
}
