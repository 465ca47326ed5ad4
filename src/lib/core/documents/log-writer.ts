/**
 * The write side of a document's encrypted log: local Yjs updates are sealed and appended in
 * order. A write that fails (a full disk) keeps its updates in memory and is retried with the
 * next write or flush, so an edit is never dropped while the window stays open.
 */
import * as Y from 'yjs';
import type { OfficeDatabase, UpdateRow } from '../storage/db';
import { storageError } from '../storage/errors';
import type { DocumentCipher } from './cipher';

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
		const { id, ref } = this.document;
		const batch = this.#unsaved.slice();
		let rowId: number;
		try {
			// One row per batch: updates queued together are merged, which keeps the log short.
			const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
			const sealed = await this.cipher.seal(id, ref.area, update);
			const row: UpdateRow = { docId: id, ...sealed, synced: 0 };
			rowId = (await this.db.updates.add(row)) as number;
			this.#unsaved = this.#unsaved.slice(batch.length);
			this.#lastError = null;
		} catch (cause) {
			this.#lastError = storageError(cause);
			return;
		}
		this.onStored(rowId);
	}
}
