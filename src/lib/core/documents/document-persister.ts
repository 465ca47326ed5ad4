/**
 * Keeps one open document and its encrypted log in IndexedDB in step.
 *
 * Every local Yjs update is sealed and appended to the log (LogWriter) before a command reports
 * success (`flush`). After
 * `compactAfter` rows the whole Yjs state is sealed as one snapshot, and the rows it covers are
 * deleted in the same IndexedDB transaction: a crash leaves either the old rows or the new
 * snapshot, never neither. Rows written by other tabs or stored by the sync client are picked up
 * by `catchUp`.
 *
 * For an office that syncs, compaction never deletes a row this device wrote that no relay has
 * acknowledged (`synced = 0`): those rows are the sync outbox. They stay in the log (already
 * folded into the snapshot, which is harmless: Yjs updates are idempotent) and are deleted by a
 * later compaction once they are synced.
 *
 * A row that does not decrypt (altered on the way, or sealed under a key epoch this person does
 * not hold) is set aside: not applied, kept in IndexedDB, listed in `unreadable`, and never
 * deleted by compaction, so one bad row neither closes the document nor silently vanishes. Rows
 * of a missing key are tried again when a catch-up finds their key held; altered rows when the
 * document is next opened. Edits of the same Yjs client made after a set-aside row wait in Yjs
 * as pending until it is read (they are kept, snapshots included, but not shown meanwhile). A
 * snapshot that does not decrypt is set aside the same way, and then the document is never
 * compacted: a new snapshot would replace it without the state only it holds.
 */
import * as Y from 'yjs';
import { bytesEqual } from '../bytes';
import {
	readMeta,
	SYNC_ENABLED_META_KEY,
	type OfficeDatabase,
	type UpdateRow
} from '../storage/db';
import type { UnreadableRows } from '../validation/unreadable-rows';
import type { DocumentCipher } from './cipher';
import { LogWriter } from './log-writer';
import { REMOTE_ORIGIN, type OfficeDocument } from './office-document';
import { openSealed } from './open-sealed';

interface SetAside {
	epoch: number;
	/** Only a missing key can turn up later in a session; altered bytes stay altered. */
	missingKey: boolean;
}

export class DocumentPersister {
	/** Ids of update rows already reflected in the in-memory document since the last snapshot. */
	readonly #applied = new Set<number>();
	/** Rows that did not decrypt, by id: kept in the log, never applied, never compacted away. */
	readonly #setAside = new Map<number, SetAside>();
	/** Set when the snapshot did not decrypt: the log is then never compacted. */
	#snapshotSetAside: SetAside | null = null;
	#lastSeenId = 0;
	/** The nonce of the snapshot last applied: a fresh nonce means another tab compacted. */
	#snapshotNonce: Uint8Array | null = null;
	readonly #writer: LogWriter;
	#compacting: Promise<void> | null = null;
	#runningCatchUp: Promise<void> = Promise.resolve();
	#queuedCatchUp: Promise<void> | null = null;
	readonly #stopListening: () => void;

	constructor(
		readonly document: OfficeDocument,
		private readonly db: OfficeDatabase,
		private readonly cipher: DocumentCipher,
		private readonly compactAfter: number,
		private readonly onWritten: (docId: string) => void,
		private readonly unreadable: UnreadableRows,
		/** Whether compaction keeps unsynced rows; undefined: whether the office syncs (meta). */
		private readonly keepUnsynced?: boolean
	) {
		this.#writer = new LogWriter(db, cipher, document, (rowId) => this.#stored(rowId));
		const onUpdate = (update: Uint8Array, origin: unknown) => {
			if (origin !== REMOTE_ORIGIN) this.#writer.append(update);
		};
		document.doc.on('update', onUpdate);
		this.#stopListening = () => document.doc.off('update', onUpdate);
	}

	/** The error of the last failed write, until a write succeeds again. */
	get lastError(): Error | null {
		return this.#writer.lastError;
	}

	/** Whether every stored row and the snapshot are in the document: nothing was set aside. */
	get complete(): boolean {
		return this.#setAside.size === 0 && this.#snapshotSetAside === null;
	}

	/** Loads the snapshot and every stored update that decrypts; the others are set aside. */
	async load(): Promise<void> {
		await this.catchUp();
	}

	/**
	 * Applies what other tabs stored since this document last looked: a snapshot another tab
	 * made (it may fold rows this tab never read) and rows appended since. Calls that arrive
	 * while one runs share a single follow-up run, so a burst of notices reads the log once.
	 */
	catchUp(): Promise<void> {
		if (this.#queuedCatchUp) return this.#queuedCatchUp;
		const run = this.#runningCatchUp
			.catch(() => undefined)
			.then(() => {
				this.#queuedCatchUp = null;
				return this.#catchUpNow();
			});
		this.#queuedCatchUp = run;
		this.#runningCatchUp = run;
		return run;
	}

	async #catchUpNow(): Promise<void> {
		const { id } = this.document;
		await this.#readSnapshot();
		const rows = await this.db.updates
			.where('[docId+id]')
			.between([id, this.#lastSeenId + 1], [id, Infinity])
			.toArray();
		const retried = await this.#reopenable();
		const fresh = rows.filter((row) => !this.#applied.has(row.id!) && !this.#setAside.has(row.id!));
		await this.#applyRows([...retried, ...fresh]);
		for (const row of rows) this.#lastSeenId = Math.max(this.#lastSeenId, row.id!);
	}

	/** Applies a snapshot another tab made, or the one a catch-up could not read before. */
	async #readSnapshot(): Promise<void> {
		const { id, ref } = this.document;
		const snapshot = await this.db.snapshots.get(id);
		if (!snapshot) return;
		const fresh = !sameBytes(snapshot.nonce, this.#snapshotNonce);
		if (!fresh && this.#snapshotSetAside?.missingKey !== true) return;
		const opened = await openSealed(this.cipher, id, ref.area, snapshot);
		this.#snapshotNonce = snapshot.nonce;
		if (opened.ok) {
			this.document.applyRemote(opened.update);
			if (this.#snapshotSetAside) this.unreadable.release(id, null);
			this.#snapshotSetAside = null;
			return;
		}
		const { deviceId, epoch } = snapshot;
		this.#snapshotSetAside = { epoch, missingKey: opened.reason === 'missing-key' };
		const entry = { docId: id, rowId: null, deviceId, epoch, message: opened.message };
		this.unreadable.report({ ...entry, reason: 'snapshot' });
	}

	/** Applies the rows that decrypt, as one update, and sets the others aside. */
	async #applyRows(rows: UpdateRow[]): Promise<void> {
		const { id, ref } = this.document;
		const opened = await Promise.all(rows.map((row) => openSealed(this.cipher, id, ref.area, row)));
		const updates: Uint8Array[] = [];
		const readable: number[] = [];
		for (const [index, row] of rows.entries()) {
			const result = opened[index];
			if (result.ok) {
				updates.push(result.update);
				readable.push(row.id!);
				continue;
			}
			const { deviceId, epoch } = row;
			this.#setAside.set(row.id!, { epoch, missingKey: result.reason === 'missing-key' });
			const { reason, message } = result;
			this.unreadable.report({ docId: id, rowId: row.id!, deviceId, epoch, reason, message });
		}
		if (updates.length > 0) this.document.applyRemoteAll(updates);
		for (const rowId of readable) {
			this.#applied.add(rowId);
			if (this.#setAside.delete(rowId)) this.unreadable.release(id, rowId);
		}
	}

	/**
	 * Rows set aside for a missing key whose key may be held now. One row of each epoch is tried
	 * first, so a catch-up does not read every such row while the key is still missing.
	 */
	async #reopenable(): Promise<UpdateRow[]> {
		const { id, ref } = this.document;
		const byEpoch = new Map<number, number[]>();
		for (const [rowId, { epoch, missingKey }] of this.#setAside) {
			if (!missingKey) continue;
			const ids = byEpoch.get(epoch) ?? [];
			ids.push(rowId);
			byEpoch.set(epoch, ids);
		}
		const rows: UpdateRow[] = [];
		for (const rowIds of byEpoch.values()) {
			const probe = await this.db.updates.get(rowIds[0]);
			const opened = probe && (await openSealed(this.cipher, id, ref.area, probe));
			if (opened && !opened.ok && opened.reason === 'missing-key') continue;
			const stored = await this.db.updates.bulkGet(rowIds);
			for (const [index, row] of stored.entries()) {
				if (row) {
					rows.push(row);
					continue;
				}
				// Gone from the log (folded by a tab that could read it): nothing left to list.
				this.#setAside.delete(rowIds[index]);
				this.unreadable.release(id, rowIds[index]);
			}
		}
		return rows;
	}

	/** Resolves once every local edit so far is durably stored; rejects with why it is not. */
	flush(): Promise<void> {
		return this.#writer.flush();
	}

	/** Folds the log into one encrypted snapshot of the current Yjs state. */
	async compact(): Promise<void> {
		this.#compacting ??= this.#withCompactionLock(() => this.#compactNow()).finally(() => {
			this.#compacting = null;
		});
		return this.#compacting;
	}

	/** Stops persisting (after a final flush attempt). */
	async close(): Promise<void> {
		try {
			await this.flush();
			await this.#compacting;
		} finally {
			this.#stopListening();
		}
	}

	#stored(rowId: number): void {
		this.#applied.add(rowId);
		this.onWritten(this.document.id);
		if (this.#applied.size >= this.compactAfter && !this.#snapshotSetAside) {
			void this.compact().catch(() => undefined);
		}
	}

	async #withCompactionLock(work: () => Promise<void>): Promise<void> {
		const locks = globalThis.navigator?.locks;
		if (!locks) return work();
		await locks.request(`practice-office:compact:${this.document.id}`, work);
	}

	async #compactNow(): Promise<void> {
		await this.flush();
		await this.catchUp();
		// The snapshot holds state no row does: replacing it while unreadable would lose that.
		if (this.#snapshotSetAside) return;
		const { id, ref, doc } = this.document;
		// Every row with an id up to #lastSeenId is in the document now, except those set aside,
		// and so is every row in #applied (this tab's own writes may be newer than the last
		// catch-up). Rows set aside are not in the document, so they stay in the log.
		const lastSeen = this.#lastSeenId;
		const applied = [...this.#applied];
		const setAside = new Set(this.#setAside.keys());
		const sealed = await this.cipher.seal(id, ref.area, Y.encodeStateAsUpdate(doc));
		const db = this.db;
		await db.transaction('rw', db.updates, db.snapshots, db.meta, async () => {
			const keepUnsynced =
				this.keepUnsynced ?? (await readMeta(db, SYNC_ENABLED_META_KEY, false)) === true;
			const seen = await db.updates
				.where('[docId+id]')
				.between([id, 0], [id, lastSeen], true, true)
				.toArray();
			const newer = await db.updates.bulkGet(applied.filter((rowId) => rowId > lastSeen));
			const covered = [...seen, ...newer].filter(
				(row): row is UpdateRow => row !== undefined && !setAside.has(row.id!)
			);
			await db.snapshots.put({ docId: id, ...sealed, createdAt: new Date().toISOString() });
			await db.updates.bulkDelete(
				covered.filter((row) => !keepUnsynced || row.synced === 1).map((row) => row.id!)
			);
		});
		for (const rowId of applied) this.#applied.delete(rowId);
		this.#snapshotNonce = sealed.nonce;
	}
}

function sameBytes(a: Uint8Array, b: Uint8Array | null): boolean {
	return b !== null && bytesEqual(a, b);
}
