/**
 * Opens office documents by (area, period), loads them from the encrypted log and keeps every
 * open document persisted. Tabs of the same device share one IndexedDB; a BroadcastChannel tells
 * the other tabs which document has new rows so they catch up without polling. The sync client
 * hears of this tab's writes through `onWritten` and reports the rows it stored with
 * `notifyStored`, which catches up here and tells the other tabs.
 *
 * Rows that do not decrypt are set aside and listed in `unreadable` (see DocumentPersister): the
 * document opens with every row that does, and `isComplete` says whether anything is missing.
 */
import type { OfficeDatabase } from '../storage/db';
import { UnreadableRows } from '../validation/unreadable-rows';
import type { DocumentCipher } from './cipher';
import { documentId, type DocumentRef } from './document-id';
import { DocumentPersister } from './document-persister';
import { OfficeDocument } from './office-document';

export const DEFAULT_COMPACT_AFTER = 500;

export interface DocumentStoreOptions {
	/** Rows after which a document is folded into a snapshot. */
	compactAfter?: number;
	/** Channel name for cross-tab notices; null turns them off (tests, benchmarks). */
	channelName?: string | null;
	/**
	 * Whether compaction keeps rows no relay has acknowledged (the sync outbox). Default: keep
	 * them once this device syncs (meta `sync:enabled`), delete them while sync is off.
	 */
	keepUnsynced?: boolean;
}

export class DocumentStore {
	/** Stored rows of the documents opened here that could not be decrypted. */
	readonly unreadable = new UnreadableRows();
	readonly #opening = new Map<string, Promise<DocumentPersister>>();
	readonly #channel: BroadcastChannel | null;
	readonly #compactAfter: number;
	readonly #keepUnsynced: boolean | undefined;
	readonly #writeListeners = new Set<(docId: string) => void>();
	readonly #storedListeners = new Set<(docId: string) => void>();
	readonly #openedListeners = new Set<(document: OfficeDocument) => void>();

	constructor(
		private readonly db: OfficeDatabase,
		private readonly cipher: DocumentCipher,
		private readonly deviceId: string,
		options: DocumentStoreOptions = {}
	) {
		this.#compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
		this.#keepUnsynced = options.keepUnsynced;
		const channelName = options.channelName === undefined ? `${db.name}:docs` : options.channelName;
		this.#channel =
			channelName !== null && typeof BroadcastChannel !== 'undefined'
				? new BroadcastChannel(channelName)
				: null;
		this.#channel?.addEventListener('message', (event: MessageEvent<{ docId: string }>) => {
			void this.#catchUp(event.data.docId);
			this.#tellStored(event.data.docId);
		});
	}

	/** The open document for this area and period, loading it on first use. */
	async open(ref: DocumentRef): Promise<OfficeDocument> {
		return (await this.#persister(ref)).document;
	}

	/** Ids of the documents open now. */
	openIds(): string[] {
		return [...this.#opening.keys()];
	}

	/** Resolves when every local edit in every open document is durably stored. */
	async flush(): Promise<void> {
		const persisters = await Promise.all(this.#opening.values());
		await Promise.all(persisters.map((persister) => persister.flush()));
	}

	/** Folds one document's log into a snapshot now; skipped while its snapshot is unreadable. */
	async compact(ref: DocumentRef): Promise<void> {
		await (await this.#persister(ref)).compact();
	}

	/** Number of stored rows of one document not yet folded into a snapshot. */
	async logLength(ref: DocumentRef): Promise<number> {
		const id = documentId(ref);
		return this.db.updates.where('docId').equals(id).count();
	}

	/** Rows this device wrote that no relay has acknowledged (all local edits while sync is off). */
	async unsyncedCount(): Promise<number> {
		return this.db.updates
			.where('synced')
			.equals(0)
			.filter((row) => row.deviceId === this.deviceId)
			.count();
	}

	/** Calls the listener after each row this tab writes; returns an unsubscribe. */
	onWritten(listener: (docId: string) => void): () => void {
		this.#writeListeners.add(listener);
		return () => this.#writeListeners.delete(listener);
	}

	/**
	 * Calls the listener whenever rows of a document were stored by another tab or by the sync
	 * client — whether or not the document is open here. Returns an unsubscribe.
	 */
	onStored(listener: (docId: string) => void): () => void {
		this.#storedListeners.add(listener);
		return () => this.#storedListeners.delete(listener);
	}

	/**
	 * Calls the listener with each document as soon as it has loaded, before `open` resolves to
	 * anyone — so a listener can start following it before the first change. Returns an
	 * unsubscribe.
	 */
	onOpened(listener: (document: OfficeDocument) => void): () => void {
		this.#openedListeners.add(listener);
		return () => this.#openedListeners.delete(listener);
	}

	/** Whether the document is open (or opening) in this store. */
	isOpen(docId: string): boolean {
		return this.#opening.has(docId);
	}

	/** Brings the open document up to every row stored for it (nothing when it is not open). */
	async catchUp(docId: string): Promise<void> {
		const persister = await this.#opening.get(docId)?.catch(() => undefined);
		await persister?.catchUp();
	}

	/**
	 * Whether the open document holds every row stored for it (nothing set aside as unreadable).
	 * False when it is not open here: then nothing was checked.
	 */
	async isComplete(docId: string): Promise<boolean> {
		const persister = await this.#opening.get(docId)?.catch(() => undefined);
		return persister?.complete ?? false;
	}

	/**
	 * Says rows of a document were stored from elsewhere (the sync client): the other tabs are
	 * told, and the open document here catches up before this resolves. Rows that do not decrypt
	 * are set aside and listed in `unreadable`, so callers that need the whole document (relay
	 * snapshots) ask `isComplete`. Rejects only when the log could not be read at all.
	 */
	async notifyStored(docId: string): Promise<void> {
		this.#channel?.postMessage({ docId });
		const persister = await this.#opening.get(docId)?.catch(() => undefined);
		await persister?.catchUp();
		this.#tellStored(docId);
	}

	/** Flushes and releases every document; the store is not used afterwards. */
	async close(): Promise<void> {
		const persisters = await Promise.allSettled(this.#opening.values());
		this.#opening.clear();
		for (const result of persisters) {
			if (result.status !== 'fulfilled') continue;
			await result.value.close().catch(() => undefined);
			result.value.document.destroy();
		}
		// Only now: the final flushes above still tell the other tabs what they saved.
		this.#channel?.close();
		this.unreadable.clear();
	}

	#persister(ref: DocumentRef): Promise<DocumentPersister> {
		const id = documentId(ref);
		let opening = this.#opening.get(id);
		if (!opening) {
			opening = this.#load(id, ref);
			this.#opening.set(id, opening);
			opening.catch(() => this.#opening.delete(id));
		}
		return opening;
	}

	async #load(id: string, ref: DocumentRef): Promise<DocumentPersister> {
		const document = new OfficeDocument(id, ref);
		const persister = new DocumentPersister(
			document,
			this.db,
			this.cipher,
			this.#compactAfter,
			(docId) => this.#written(docId),
			this.unreadable,
			this.#keepUnsynced
		);
		await persister.load();
		for (const listener of this.#openedListeners) listener(document);
		return persister;
	}

	#written(docId: string): void {
		this.#channel?.postMessage({ docId });
		for (const listener of this.#writeListeners) listener(docId);
	}

	#tellStored(docId: string): void {
		for (const listener of this.#storedListeners) listener(docId);
	}

	async #catchUp(docId: string): Promise<void> {
		const persister = await this.#opening.get(docId)?.catch(() => undefined);
		await persister?.catchUp().catch(() => undefined);
	}
}
