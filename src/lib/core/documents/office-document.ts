/**
 * One open Yjs document of an area and period. Local edits go through `transact`; edits that
 * arrive from storage, other tabs or other devices are applied with `REMOTE_ORIGIN` so the store
 * knows not to persist them a second time.
 */
import * as Y from 'yjs';
import type { DocumentRef } from './document-id';

export const REMOTE_ORIGIN = Symbol('remote');

export interface DocumentChange {
	/** true when this device made the change, false when it was loaded or received. */
	local: boolean;
}

export class OfficeDocument {
	readonly doc = new Y.Doc({ gc: true });
	readonly #listeners = new Set<(change: DocumentChange) => void>();

	constructor(
		readonly id: string,
		readonly ref: DocumentRef
	) {
		this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
			if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
			const change = { local: transaction.origin !== REMOTE_ORIGIN };
			for (const listener of this.#listeners) listener(change);
		});
	}

	/** Runs a local change as one transaction (one update, one undo step). */
	transact<T>(change: (doc: Y.Doc) => T): T {
		let result!: T;
		this.doc.transact(() => {
			result = change(this.doc);
		}, this);
		return result;
	}

	/** Applies bytes that came from storage, another tab or another device. */
	applyRemote(update: Uint8Array): void {
		Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
	}

	/**
	 * Applies several stored updates as one transaction (one change notice). Applying them one
	 * by one is much cheaper than `Y.mergeUpdates` when one of them is a whole-document snapshot.
	 */
	applyRemoteAll(updates: Uint8Array[]): void {
		if (updates.length === 1) return this.applyRemote(updates[0]);
		this.doc.transact(() => {
			for (const update of updates) Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
		}, REMOTE_ORIGIN);
	}

	/** Calls the listener after every transaction that changed something; returns an unsubscribe. */
	onChange(listener: (change: DocumentChange) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Releases the Yjs document and its listeners. */
	destroy(): void {
		this.#listeners.clear();
		this.doc.destroy();
	}
}
