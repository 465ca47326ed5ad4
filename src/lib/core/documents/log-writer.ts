/**
 * The write side of a document's encrypted log: local Yjs updates are sealed and appended in
 * order, each one the next link of this device's chain in the document (item-link.ts). A write
 * that fails (a full disk) keeps its updates in memory and is retried with the next write or
 * flush, so an edit is never dropped while the window stays open; its chain position is not
 * used up, because the head moves only in the transaction that stores the row.
 */
import * as Y from 'yjs';
import { writeMeta, type OfficeDatabase, type UpdateRow } from '../storage/db';
import { exclusive } from '../storage/exclusive';
import { storageError } from '../storage/errors';
import { AUTHORITY_DOC_ID, chainLockName, ownHeadKey, readOwnHead } from './chain-head';
import type { DocumentCipher } from './cipher';
import { itemHash } from './item-link';

export class LogWriter {
	#unsaved: Uint8Array[] = [];
	#writing: Promise<void> = Promise.resolve();
	#lastError: Error | null = null;

	constructor(
		private readonly db: OfficeDatabase,
		private readonly cipher: DocumentCipher,
		private readonly document: { id: string; ref: { area: string } },
		/** Called with each new row's id once it is stored. */
		private readonly onStored: (rowId: number) => void
	) {}

	/** The error of the last failed write, until a write succeeds again. */
	get lastError(): Error | null {
		return this.#lastError;
	}

	/** Queues a local update for writing. */
	append(update: Uint8Array): void {
		this.#unsaved.push(update);
		this.#schedule();
	}

	/** Resolves once every update so far is durably stored; rejects with why it is not. */
	async flush(): Promise<void> {
		if (this.#unsaved.length > 0) this.#schedule();
		await this.#writing;
		if (this.#lastError) throw this.#lastError;
	}

	#schedule(): void {
		this.#writing = this.#writing.then(() => this.#writeUnsaved());
	}

	async #writeUnsaved(): Promise<void> {
		if (this.#unsaved.length === 0) return;
		const { id } = this.document;
		const batch = this.#unsaved.slice();
		let rowId: number;
		try {
			// One row per batch: updates queued together are merged, which keeps the log short.
			const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
			rowId = await exclusive(chainLockName(id), () => this.#store(update));
			this.#unsaved = this.#unsaved.slice(batch.length);
			this.#lastError = null;
		} catch (cause) {
			this.#lastError = storageError(cause);
			return;
		}
		this.onStored(rowId);
	}

	/** Seals the update as the next link of this device's chain and stores row and head at once. */
	async #store(update: Uint8Array): Promise<number> {
		const { db } = this;
		const { id, ref } = this.document;
		const [head, authority] = await Promise.all([
			readOwnHead(db, id),
			id === AUTHORITY_DOC_ID ? null : readOwnHead(db, AUTHORITY_DOC_ID)
		]);
		const chainSeq = head.seq + 1;
		const sealed = await this.cipher.seal(id, ref.area, update, {
			chainSeq,
			prev: head.hash,
			// An update to the people document is itself the newest link of that chain.
			authSeq: authority ? authority.seq : chainSeq,
			at: Date.now(),
			heads: []
		});
		const hash = await itemHash(sealed);
		const row: UpdateRow = { docId: id, ...sealed, synced: 0 };
		// Dexie reports a failed write as the transaction's abort; the write's own error (a full
		// disk, say) is what tells the person what to do, so that one is passed on.
		let failed: unknown = null;
		try {
			return await db.transaction('rw', db.updates, db.meta, async () => {
				try {
					const rowId = (await db.updates.add(row)) as number;
					await writeMeta(db, ownHeadKey(id), { seq: chainSeq, hash });
					return rowId;
				} catch (error) {
					failed = error;
					throw error;
				}
			});
		} catch (error) {
			throw failed ?? error;
		}
	}
}
