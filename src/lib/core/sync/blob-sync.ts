/**
 * Moves blobs between this device and the relay, on an authenticated connection, without keys:
 * the ciphertext goes up and comes down exactly as stored.
 *
 * Upload: this device's unsynced blobs are put (BLOB_PUT, signed), at most `maxUploads` and
 * about `maxUploadBytes` in flight; a blob is marked synced only when its BLOB_ACK arrives, so
 * an upload cut short is put again on the next connection (the relay acknowledges a repeat).
 *
 * Fetch: the `blobWants` rows are asked for (BLOB_GET), at most `maxFetches` at a time. A BLOB
 * whose signature its device's key verifies (item-verify.ts) is stored and its want dropped in
 * one transaction. BLOB_MISSING (not uploaded yet) marks the want `missingAt` and keeps it: it is
 * asked again on the next connection, on `retryMissing` (periodic), or when a tab asks for the
 * blob afresh (which clears `missingAt`). A BLOB that does not verify (a device the office does
 * not list, a bad signature) is not stored and is treated as missing, so it is asked for again
 * later — by then the device may be listed — and `onUnverified` counts it.
 */
import { toBase64 } from '../bytes';
import type { OfficeDatabase } from '../storage/db';
import { markBlobSynced, markMissing, nextUploads, nextWants, storeFetched } from './blob-rows';
import type { SignatureCheck } from './item-verify';
import type { BlobHeader, ClientMessage } from './messages';
import { signBlob } from './signing-text';

const MiB = 1024 * 1024;

export interface BlobSyncOptions {
	db: OfficeDatabase;
	deviceId: string;
	signingKey: CryptoKey;
	/** Checks a fetched blob's signature before it is stored. */
	check: SignatureCheck;
	now: () => Date;
	maxUploads?: number;
	maxUploadBytes?: number;
	maxFetches?: number;
	/** The number of unsynced blobs changed. */
	onChanged?: () => void;
	/** IndexedDB failed while reading or marking blobs. */
	onError?: (cause: unknown) => void;
	/** A fetched blob did not verify and was not stored. */
	onUnverified?: (blobId: string) => void;
}

type Send = (message: ClientMessage) => boolean;

export class BlobSync {
	readonly #options: BlobSyncOptions;
	/** Blob id → ciphertext bytes, of puts not yet answered. */
	readonly #uploading = new Map<string, number>();
	/** Blob id → area, of gets not yet answered. */
	readonly #fetching = new Map<string, string>();
	/** Wants answered BLOB_MISSING on this connection (not asked again until renewed). */
	readonly #missing = new Set<string>();
	/** Puts refused for good on this connection (another device owns the id). */
	readonly #refused = new Set<string>();
	#send: Send | null = null;
	#session = 0;
	#pausedUntil = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#filling = false;
	#fillAgain = false;
	#work: Promise<unknown> = Promise.resolve();

	constructor(options: BlobSyncOptions) {
		this.#options = options;
	}

	/** Puts and gets not yet answered. */
	get inFlight(): number {
		return this.#uploading.size + this.#fetching.size;
	}

	/** Starts on a new authenticated connection. */
	begin(send: Send): void {
		this.end();
		this.#send = send;
		this.fill();
	}

	/** Forgets the connection: whatever was in flight is tried again on the next one. */
	end(): void {
		this.#session++;
		this.#send = null;
		this.#uploading.clear();
		this.#fetching.clear();
		this.#missing.clear();
		this.#refused.clear();
		this.#pausedUntil = 0;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	/** Resolves once marks and stores already started are done. */
	async settle(): Promise<void> {
		await this.#work.catch(() => undefined);
	}

	/** Stops sending for a while (rate limited, quota), then resumes. */
	pause(ms: number): void {
		this.#pausedUntil = Date.now() + ms;
		this.#wakeIn(ms);
	}

	/** Asks again for wants the relay answered BLOB_MISSING (a periodic retry). */
	retryMissing(): void {
		this.#missing.clear();
		this.fill();
	}

	/** Looks for blobs to put and wants to get now. */
	fill(): void {
		if (this.#filling) {
			this.#fillAgain = true;
			return;
		}
		this.#filling = true;
		void this.#fillLoop();
	}

	/** BLOB_ACK: the relay holds the blob durably. */
	async acknowledged(blobId: string): Promise<void> {
		if (!this.#uploading.delete(blobId)) return;
		await this.#track(markBlobSynced(this.#options.db, blobId));
		this.#options.onChanged?.();
		this.fill();
	}

	/** BLOB: stores the ciphertext as received and drops the want, if its signature verifies. */
	async received(header: BlobHeader, payload: Uint8Array): Promise<void> {
		const area = this.#fetching.get(header.blobId);
		if (area === undefined) return;
		const { deviceId, signature, v } = header;
		const verdict = await this.#options.check.blob(deviceId, header, payload, signature, v);
		if (verdict !== 'ok') {
			this.#options.onUnverified?.(header.blobId);
			return this.missing(header.blobId);
		}
		await this.#track(storeFetched(this.#options.db, area, header, payload, this.#options.now()));
		this.#fetching.delete(header.blobId);
		this.fill();
	}

	/** BLOB_MISSING: not on the relay (yet); the want stays. */
	async missing(blobId: string): Promise<void> {
		if (!this.#fetching.delete(blobId)) return;
		this.#missing.add(blobId);
		await this.#track(markMissing(this.#options.db, blobId, this.#options.now()));
		this.fill();
	}

	/**
	 * An ERROR about a put or get: it is tried again later (or, for an id another device owns,
	 * not on this connection). Without a blob id (a frame dropped for the rate, say) every one of
	 * that kind in flight is tried again: the relay acknowledges a repeated put, and a second
	 * BLOB for the same id is ignored.
	 */
	refused(type: 'put' | 'get', blobId: string | undefined, code: string): void {
		const pending = type === 'put' ? this.#uploading : this.#fetching;
		if (blobId === undefined) pending.clear();
		else if (pending.delete(blobId) && type === 'put' && code === 'blob-exists') {
			this.#refused.add(blobId);
		}
		this.fill();
	}

	async #fillLoop(): Promise<void> {
		try {
			do {
				this.#fillAgain = false;
				await this.#fillOnce().catch((cause: unknown) => this.#options.onError?.(cause));
			} while (this.#fillAgain);
		} finally {
			this.#filling = false;
		}
	}

	async #fillOnce(): Promise<void> {
		const session = this.#session;
		if (!this.#send) return;
		const wait = this.#pausedUntil - Date.now();
		if (wait > 0) return this.#wakeIn(wait);
		await this.#upload(session);
		await this.#fetch(session);
	}

	async #upload(session: number): Promise<void> {
		const { db, deviceId, signingKey } = this.#options;
		const maxUploads = this.#options.maxUploads ?? 3;
		const maxBytes = this.#options.maxUploadBytes ?? 16 * MiB;
		const room = maxUploads - this.#uploading.size;
		if (room <= 0) return;
		const skip = (id: string) => this.#uploading.has(id) || this.#refused.has(id);
		const rows = await nextUploads(db, deviceId, skip, room);
		for (const row of rows) {
			if (session !== this.#session || !this.#send || skip(row.id)) return;
			let bytes = 0;
			for (const size of this.#uploading.values()) bytes += size;
			// One blob always goes, however large: the limit bounds pipelining, not size.
			if (this.#uploading.size > 0 && bytes + row.size > maxBytes) return;
			const facts = {
				blobId: row.id,
				epoch: row.epoch,
				nonce: toBase64(row.nonce),
				size: row.size,
				link: row.link ?? ''
			};
			const signature = await signBlob(signingKey, facts, row.ciphertext);
			if (session !== this.#session || !this.#send) return;
			const header = { ...facts, signature };
			if (!this.#send({ type: 'BLOB_PUT', header, payload: row.ciphertext })) return;
			this.#uploading.set(row.id, row.size);
		}
	}

	async #fetch(session: number): Promise<void> {
		const room = (this.#options.maxFetches ?? 2) - this.#fetching.size;
		if (room <= 0) return;
		const wants = await nextWants(
			this.#options.db,
			(want) =>
				!this.#fetching.has(want.id) &&
				(want.missingAt === undefined || !this.#missing.has(want.id)),
			room
		);
		for (const want of wants) {
			if (session !== this.#session || !this.#send) return;
			if (!this.#send({ type: 'BLOB_GET', header: { blobId: want.id } })) return;
			this.#fetching.set(want.id, want.area);
			this.#missing.delete(want.id);
		}
	}

	#track<T>(work: Promise<T>): Promise<T> {
		this.#work = this.#work.then(
			() => work,
			() => work
		);
		return work;
	}

	#wakeIn(ms: number): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.fill();
		}, ms);
	}
}
