/**
 * The projections of a signed-in workspace: one in-memory table per (document, collection),
 * built on first use and kept in step with its document.
 *
 * With a projection cache (projection-cache.ts) a table whose document is not open yet is filled
 * from the cache when the cache matches the stored document, and the document is not loaded.
 * The table starts following the document the moment the document opens for any reason — a
 * command writing to it, or rows for it arriving from another tab or the relay (then it is
 * opened here) — and is rebuilt from it then, so nothing is shown that the document does not
 * hold for longer than that load takes. Tables that follow their document are written back to
 * the cache a little after they change and when the workspace closes.
 */
import { documentId, parseDocumentId, type DocumentRef } from '../documents/document-id';
import type { DocumentCipher } from '../documents/cipher';
import type { DocumentStore } from '../documents/document-store';
import type { OfficeDocument } from '../documents/office-document';
import { ProjectionCache, storedWatermark } from '../projection/projection-cache';
import { ProjectionTable, type Row } from '../projection/projection-table';
import { Projector, type CollectionSpec } from '../projection/projector';
import type { OfficeDatabase } from '../storage/db';
import type { QuarantineList } from '../validation/quarantine';

export interface ProjectionCacheOptions {
	/** Names this build of the app; caches written by other builds are not read. */
	tag: string;
	/**
	 * Tables smaller than this are not cached (default 0: an empty table of a large document is
	 * worth caching too, or reading it would load the document).
	 */
	minRows?: number;
	/** How long after a change a table is written back. */
	saveAfterMs?: number;
}

interface Entry {
	ref: DocumentRef;
	docId: string;
	spec: CollectionSpec<Row>;
	table: ProjectionTable<Row>;
	projector: Projector<Row> | null;
	/** The stored state the cache holds for it (null: none of this session). */
	saved: string | null;
}

export class Projections {
	readonly #entries = new Map<string, Promise<Entry>>();
	/** Tables filled from the cache, waiting for their document to open. */
	readonly #waiting = new Map<string, Set<Entry>>();
	readonly #cache: ProjectionCache | null;
	readonly #minRows: number;
	readonly #saveAfterMs: number;
	readonly #unsubscribe: (() => void)[];
	#saveTimer: ReturnType<typeof setTimeout> | null = null;
	#closed = false;

	constructor(
		private readonly db: OfficeDatabase,
		private readonly documents: DocumentStore,
		private readonly quarantine: QuarantineList,
		cipher: DocumentCipher,
		options: ProjectionCacheOptions | null = null
	) {
		this.#cache = options ? new ProjectionCache(db, cipher, options.tag) : null;
		this.#minRows = options?.minRows ?? 0;
		this.#saveAfterMs = options?.saveAfterMs ?? 10_000;
		this.#unsubscribe = [
			documents.onOpened((document) => this.#follow(document)),
			documents.onStored((docId) => {
				if (this.#waiting.has(docId)) void documents.open(parseDocumentId(docId)).catch(() => {});
			})
		];
	}

	/** The table of one collection of one document. */
	async table<T extends Row>(
		ref: DocumentRef,
		spec: CollectionSpec<T>
	): Promise<ProjectionTable<T>> {
		const key = `${documentId(ref)}#${spec.collection}`;
		let entry = this.#entries.get(key);
		if (!entry) {
			entry = this.#open(ref, spec as unknown as CollectionSpec<Row>);
			this.#entries.set(key, entry);
			entry.catch(() => this.#entries.delete(key));
		}
		return (await entry).table as unknown as ProjectionTable<T>;
	}

	async #open(ref: DocumentRef, spec: CollectionSpec<Row>): Promise<Entry> {
		const docId = documentId(ref);
		const table = new ProjectionTable<Row>(spec.collection, spec.indexes);
		const entry: Entry = { ref, docId, spec, table, projector: null, saved: null };
		if (this.#cache && !this.documents.isOpen(docId)) {
			const cached = await this.#cache.read(docId, ref.area, spec.collection);
			// The document may have opened while the cache was read: then follow it instead.
			if (cached && !this.documents.isOpen(docId)) {
				table.upsert(cached.rows);
				entry.saved = cached.watermark;
				let waiting = this.#waiting.get(docId);
				if (!waiting) this.#waiting.set(docId, (waiting = new Set()));
				waiting.add(entry);
				return entry;
			}
		}
		this.#attach(entry, await this.documents.open(ref));
		return entry;
	}

	/** Starts the tables waiting for this document (called before anyone sees it opened). */
	#follow(document: OfficeDocument): void {
		const waiting = this.#waiting.get(document.id);
		if (!waiting) return;
		this.#waiting.delete(document.id);
		for (const entry of waiting) this.#attach(entry, document);
	}

	#attach(entry: Entry, document: OfficeDocument): void {
		if (entry.projector || this.#closed) return;
		entry.projector = new Projector(document, entry.spec, entry.table, this.quarantine);
		if (this.#cache) {
			entry.table.subscribe(() => this.#scheduleSave());
			this.#scheduleSave();
		}
	}

	#scheduleSave(): void {
		if (this.#saveTimer || this.#closed) return;
		this.#saveTimer = setTimeout(() => {
			this.#saveTimer = null;
			void this.save().catch(() => undefined);
		}, this.#saveAfterMs);
	}

	/** Writes every large table that follows a complete document back to the cache. */
	async save(): Promise<void> {
		const cache = this.#cache;
		if (!cache) return;
		// Stored first, so the watermark covers every change the tables show.
		await this.documents.flush();
		for (const pending of this.#entries.values()) {
			const entry = await pending.catch(() => null);
			if (!entry?.projector || entry.table.size < this.#minRows) continue;
			// Any change to the document moves its watermark, whichever collection it touched.
			const watermark = await storedWatermark(this.db, entry.docId);
			if (watermark === entry.saved) continue;
			await this.documents.catchUp(entry.docId);
			if (!(await this.documents.isComplete(entry.docId))) continue;
			const quarantined = this.quarantine
				.all()
				.some((r) => r.docId === entry.docId && r.collection === entry.spec.collection);
			if (quarantined) continue;
			await cache.write(
				entry.docId,
				entry.ref.area,
				entry.spec.collection,
				watermark,
				entry.table.all()
			);
			entry.saved = watermark;
		}
	}

	/** Rebuilds every table from its document (opening those that were filled from the cache). */
	async rebuild(): Promise<void> {
		for (const pending of this.#entries.values()) {
			const entry = await pending;
			if (entry.projector) entry.projector.rebuild();
			else this.#attach(entry, await this.documents.open(entry.ref));
		}
	}

	/** Stops following, empties every table and forgets them. */
	async close(): Promise<void> {
		this.#closed = true;
		if (this.#saveTimer) clearTimeout(this.#saveTimer);
		for (const stop of this.#unsubscribe) stop();
		for (const pending of this.#entries.values()) {
			// Tables handed out to views are emptied too, so no plaintext outlives the session.
			await pending
				.then(({ table, projector }) => {
					projector?.stop();
					table.clear();
				})
				.catch(() => undefined);
		}
		this.#entries.clear();
		this.#waiting.clear();
	}
}
