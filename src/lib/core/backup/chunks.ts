/**
 * Sealing a backup body into chunks, and opening them again one at a time from a file, so
 * neither side ever holds more than a chunk (plus the record being assembled) in memory.
 */
import { concatBytes } from '../bytes';
import { open, seal } from '../crypto/aead';
import { BackupError } from './errors';
import { chunkAad, FINAL_FLAG, NONCE_BYTES, u32 } from './format';

/** Sealed bytes are moved into a Blob (which the browser may keep on disk) this often. */
const BLOB_FLUSH_BYTES = 8 * 1024 * 1024;

/** Collects body bytes and seals them into file parts of `chunkBytes` plaintext each. */
export class ChunkSealer {
	#file: Blob;
	#parts: Uint8Array[] = [];
	#partBytes = 0;
	#pending: Uint8Array[] = [];
	#pendingBytes = 0;
	#index = 0;

	constructor(
		private readonly key: CryptoKey,
		private readonly hash: Uint8Array,
		private readonly chunkBytes: number,
		headerBytes: Uint8Array
	) {
		this.#file = new Blob([headerBytes as BlobPart]);
	}

	/** The whole file, once `finish` has run. */
	get file(): Blob {
		this.#flush();
		return this.#file;
	}

	/** The first chunk holds only what is given here, so a wrong passphrase shows at once. */
	async sealAlone(bytes: Uint8Array): Promise<void> {
		await this.#seal(bytes, 0);
	}

	/** Appends body bytes; seals every full chunk. */
	async write(bytes: Uint8Array): Promise<void> {
		this.#pending.push(bytes);
		this.#pendingBytes += bytes.length;
		if (this.#pendingBytes < this.chunkBytes) return;
		const all = concatBytes(...this.#pending);
		let at = 0;
		for (; all.length - at >= this.chunkBytes; at += this.chunkBytes) {
			await this.#seal(all.subarray(at, at + this.chunkBytes), 0);
		}
		this.#pending = [all.slice(at)];
		this.#pendingBytes = all.length - at;
	}

	/** Seals what is left as the final chunk. */
	async finish(): Promise<void> {
		await this.#seal(concatBytes(...this.#pending), FINAL_FLAG);
		this.#pending = [];
		this.#pendingBytes = 0;
	}

	async #seal(plaintext: Uint8Array, flags: number): Promise<void> {
		const sealed = await seal(this.key, plaintext, chunkAad(this.hash, this.#index, flags));
		this.#index += 1;
		this.#parts.push(
			concatBytes(Uint8Array.of(flags), u32(sealed.ciphertext.length), sealed.nonce),
			sealed.ciphertext
		);
		this.#partBytes += sealed.ciphertext.length;
		if (this.#partBytes >= BLOB_FLUSH_BYTES) this.#flush();
	}

	#flush(): void {
		if (this.#parts.length === 0) return;
		this.#file = new Blob([this.#file, ...(this.#parts as BlobPart[])], {
			type: 'application/octet-stream'
		});
		this.#parts = [];
		this.#partBytes = 0;
	}
}

/** One opened chunk. */
export interface OpenedChunk {
	index: number;
	final: boolean;
	plaintext: Uint8Array;
	/** Where in the file the next chunk starts. */
	end: number;
}

const FRAME_BYTES = 1 + 4 + NONCE_BYTES;
const TAG_BYTES = 16;

/**
 * Opens the chunks of `file` from `start`, in order. A chunk that fails to open is `damaged`
 * (chunk 0: most likely the passphrase); a file that ends before a final chunk is `truncated`;
 * bytes after the final chunk are `damaged`.
 */
export async function* openChunks(
	file: Blob,
	start: number,
	key: CryptoKey,
	hash: Uint8Array,
	chunkBytes: number
): AsyncGenerator<OpenedChunk> {
	let at = start;
	for (let index = 0; ; index++) {
		if (at === file.size) throw new BackupError('truncated');
		const frame = new Uint8Array(await file.slice(at, at + FRAME_BYTES).arrayBuffer());
		if (frame.length < FRAME_BYTES) throw new BackupError('truncated');
		const flags = frame[0];
		const length = new DataView(frame.buffer).getUint32(1, false);
		if (flags > FINAL_FLAG || length < TAG_BYTES || length > chunkBytes + TAG_BYTES) {
			throw new BackupError('damaged');
		}
		const end = at + FRAME_BYTES + length;
		if (end > file.size) throw new BackupError('truncated');
		const ciphertext = new Uint8Array(await file.slice(at + FRAME_BYTES, end).arrayBuffer());
		const nonce = frame.slice(5);
		let plaintext: Uint8Array;
		try {
			plaintext = await open(key, { nonce, ciphertext }, chunkAad(hash, index, flags));
		} catch (cause) {
			throw new BackupError(index === 0 ? 'wrong-passphrase' : 'damaged', { cause });
		}
		const final = flags === FINAL_FLAG;
		yield { index, final, plaintext, end };
		if (final) {
			if (end !== file.size) throw new BackupError('damaged');
			return;
		}
		at = end;
	}
}
