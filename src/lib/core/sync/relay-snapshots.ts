/**
 * Compaction at the relay (docs/sync-protocol.md): when a document has `sinceSnapshot` ≥ 500
 * items and this device has stored every item up to `latest` and holds the area key, it seals
 * its whole Yjs state (`Y.encodeStateAsUpdate`, never a rebuild) and sends SNAPSHOT with
 * `covers = latest`. The open document first catches up with every stored row, so the state
 * covers at least items 1..latest. A document that cannot be read completely here (a row that
 * does not decrypt, which the DocumentStore sets aside: `isComplete`) is never sealed, since the
 * relay deletes what a snapshot covers and the devices that can read that row would lose it. One
 * snapshot per document is in flight at a time; a `stale-snapshot` refusal or a lost connection
 * just lets a later page try again.
 *
 * A state too large for one relay frame is not sent either: the relay would close the socket
 * (1009) and every reconnect would try again, stopping sync for the whole office. Such a document
 * keeps syncing as updates; it just is not compacted at the relay (docs/sync-protocol.md).
 */
import * as Y from 'yjs';
import { toBase64 } from '../bytes';
import type { DocumentCipher } from '../documents/cipher';
import { parseDocumentId } from '../documents/document-id';
import type { DocumentStore } from '../documents/document-store';
import type { OfficeDatabase } from '../storage/db';
import type { ClientMessage, UpdatesHeader } from './messages';
import { claimDeviceSeq } from './outbox-rows';
import { signItem } from './signing-text';

export const DEFAULT_SNAPSHOT_AFTER = 500;

/** Largest sealed snapshot sent: the relay's 16 MiB frame limit less room for the header. */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024 - 64 * 1024;

export interface SnapshotSource {
	documents: DocumentStore;
	cipher: DocumentCipher;
}

export class RelaySnapshots {
	readonly #inFlight = new Set<string>();
	/** Documents that could not be sealed here (no key, unreadable): not retried until reconnect. */
	readonly #unable = new Set<string>();

	constructor(
		private readonly db: OfficeDatabase,
		private readonly signingKey: CryptoKey,
		private readonly snapshotAfter: number = DEFAULT_SNAPSHOT_AFTER,
		private readonly maxSnapshotBytes: number = MAX_SNAPSHOT_BYTES
	) {}

	/** Whether this page leaves the document ready for a snapshot made here. */
	due(header: UpdatesHeader, cursor: number): boolean {
		return (
			!header.more &&
			header.sinceSnapshot >= this.snapshotAfter &&
			cursor === header.latest &&
			!this.#inFlight.has(header.docId) &&
			!this.#unable.has(header.docId)
		);
	}

	/** Seals and sends a snapshot covering `covers`; false when it could not be made here. */
	async upload(
		docId: string,
		covers: number,
		source: SnapshotSource,
		send: (message: ClientMessage) => boolean
	): Promise<boolean> {
		this.#inFlight.add(docId);
		try {
			const message = await this.#snapshot(docId, covers, source);
			if (!message) this.#unable.add(docId);
			else if (send(message)) return true;
		} catch {
			// No key, a document this version cannot open or read: leave it to another device.
			this.#unable.add(docId);
		}
		this.#inFlight.delete(docId);
		return false;
	}

	/** The relay answered (SNAPSHOT_ACK or stale-snapshot) for this document. */
	settled(docId: string): void {
		this.#inFlight.delete(docId);
	}

	/** The signed SNAPSHOT of the document's state; null when unreadable here or too large. */
	async #snapshot(
		docId: string,
		covers: number,
		source: SnapshotSource
	): Promise<ClientMessage | null> {
		const ref = parseDocumentId(docId);
		const document = await source.documents.open(ref);
		await source.documents.notifyStored(docId);
		if (!(await source.documents.isComplete(docId))) return null;
		const state = Y.encodeStateAsUpdate(document.doc);
		// Throws MissingKeyError when this person does not hold the area key: no snapshot.
		const sealed = await source.cipher.seal(docId, ref.area, state);
		if (sealed.ciphertext.length > this.maxSnapshotBytes) return null;
		const facts = {
			docId,
			deviceSeq: await claimDeviceSeq(this.db, docId),
			epoch: sealed.epoch,
			nonce: toBase64(sealed.nonce),
			covers
		};
		const signature = await signItem(
			this.signingKey,
			{ kind: 'snapshot', ...facts },
			sealed.ciphertext
		);
		return { type: 'SNAPSHOT', header: { ...facts, signature }, payload: sealed.ciphertext };
	}

	/** Forgets what was in flight (connection lost). */
	reset(): void {
		this.#inFlight.clear();
		this.#unable.clear();
	}
}
