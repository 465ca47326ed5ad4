/**
 * The BlobStore of a signed-in workspace: blobs live in the device's `blobs` table as
 * ciphertext only (sealed here, opened here; the sync client moves the bytes without keys).
 *
 * A blob not on this device is asked for by writing a `blobWants` row; the sync client of the
 * leader tab fetches it from the relay and stores the row. `get` polls the table until the row
 * appears, the relay has answered "not uploaded" (the want's `missingAt`), or time runs out.
 * Polling a primary key is cheap and works the same in every tab and in tests, where a
 * liveQuery or channel would need the sender and the waiter to share a context.
 *
 * Every write posts on the `${db.name}:blobs` BroadcastChannel so the sync client (in whichever
 * tab leads) uploads or fetches at once instead of on its next periodic look.
 */
import { ulid } from 'ulid';
import { readMeta, SYNC_ENABLED_META_KEY, type BlobRow, type OfficeDatabase } from '../storage/db';
import type { AreaKeyring } from '../keys/area-keyring';
import { BLOB_ID_PATTERN, openBlob, sealBlob } from './blob-cipher';
import {
	BlobNotStoredError,
	BlobTooLargeError,
	BlobUnavailableError,
	BlobUnreadableError,
	MAX_BLOB_BYTES,
	type BlobStore
} from './blob-store';

export interface LocalBlobStoreOptions {
	now?: () => Date;
	/** Where writes are announced; default `${db.name}:blobs`, null for none. */
	channelName?: string | null;
	/** Whether the browser has a network; default `navigator.onLine !== false`. */
	online?: () => boolean;
	/** How long `get` waits for a blob from the relay, by default. */
	timeoutMs?: number;
	pollMs?: number;
}

/** The channel name blob writes are announced on (the sync client listens to it). */
export function blobChannelName(db: OfficeDatabase): string {
	return `${db.name}:blobs`;
}

export class LocalBlobStore implements BlobStore {
	readonly #channel: BroadcastChannel | null;
	readonly #now: () => Date;
	readonly #online: () => boolean;
	readonly #timeoutMs: number;
	readonly #pollMs: number;

	constructor(
		private readonly db: OfficeDatabase,
		private readonly keyring: AreaKeyring,
		private readonly deviceId: string,
		options: LocalBlobStoreOptions = {}
	) {
		const name = options.channelName === undefined ? blobChannelName(db) : options.channelName;
		this.#channel =
			name !== null && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(name) : null;
		this.#now = options.now ?? (() => new Date());
		this.#online = options.online ?? (() => globalThis.navigator?.onLine !== false);
		this.#timeoutMs = options.timeoutMs ?? 20_000;
		this.#pollMs = options.pollMs ?? 200;
	}

	async put(area: string, bytes: Uint8Array): Promise<string> {
		if (bytes.length > MAX_BLOB_BYTES) throw new BlobTooLargeError(bytes.length);
		const id = ulid();
		const sealed = await sealBlob(this.keyring, this.deviceId, area, id, bytes);
		const row: BlobRow = {
			id,
			area,
			...sealed,
			size: sealed.ciphertext.length,
			synced: 0,
			createdAt: this.#now().toISOString()
		};
		try {
			await this.db.blobs.add(row);
		} catch (cause) {
			const name = (cause as { name?: string; inner?: { name?: string } }).name;
			const inner = (cause as { inner?: { name?: string } }).inner?.name;
			const full = name === 'QuotaExceededError' || inner === 'QuotaExceededError';
			throw new BlobNotStoredError(full, { cause });
		}
		this.#announce();
		return id;
	}

	async get(area: string, id: string, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
		if (!BLOB_ID_PATTERN.test(id)) throw new BlobUnreadableError(id);
		const row = (await this.db.blobs.get(id)) ?? (await this.#fetch(area, id, options));
		try {
			return await openBlob(this.keyring, area, id, row);
		} catch (cause) {
			// Altered, another area's, or sealed with a key this person does not hold.
			throw Object.assign(new BlobUnreadableError(id), { cause });
		}
	}

	async has(id: string): Promise<boolean> {
		return (await this.db.blobs.where('id').equals(id).count()) > 0;
	}

	async prefetch(area: string, ids: readonly string[]): Promise<void> {
		const wanted = ids.filter((id) => BLOB_ID_PATTERN.test(id));
		const present = new Set(await this.db.blobs.where('id').anyOf(wanted).primaryKeys());
		const requestedAt = this.#now().toISOString();
		const wants = wanted.filter((id) => !present.has(id)).map((id) => ({ id, area, requestedAt }));
		if (wants.length === 0) return;
		await this.db.blobWants.bulkPut(wants);
		this.#announce();
	}

	/** Stops announcing (sign-out). */
	close(): void {
		this.#channel?.close();
	}

	/** Asks the sync client for the blob and waits for its row (or a "not uploaded" answer). */
	async #fetch(area: string, id: string, options: { timeoutMs?: number }): Promise<BlobRow> {
		if (!this.#online()) throw new BlobUnavailableError(id);
		if ((await readMeta(this.db, SYNC_ENABLED_META_KEY, false)) !== true) {
			throw new BlobUnavailableError(id);
		}
		// A fresh want (no `missingAt`): an earlier "not uploaded" answer is asked again.
		await this.db.blobWants.put({ id, area, requestedAt: this.#now().toISOString() });
		this.#announce();
		const deadline = Date.now() + (options.timeoutMs ?? this.#timeoutMs);
		for (;;) {
			const row = await this.db.blobs.get(id);
			if (row) return row;
			const want = await this.db.blobWants.get(id);
			if (want?.missingAt !== undefined || !this.#online() || Date.now() >= deadline) {
				throw new BlobUnavailableError(id);
			}
			await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
		}
	}

	#announce(): void {
		try {
			this.#channel?.postMessage({ blobs: true });
		} catch {
			// A closed channel (signed out meanwhile): the sync client's periodic look finds it.
		}
	}
}
