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
 *
 * `sendNow` is the same sealing without the threshold, for fresh snapshots after a key rotation
 * (reseal.ts): it says why no snapshot was sent, and `answer` tells how the relay answered.
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

/** What became of a snapshot asked for: sent, or why not (no socket, too large, unreadable). */
export type SnapshotOutcome = 'sent' | 'too-large' | 'unreadable' | 'offline';

export interface SnapshotSource {
	documents: DocumentStore;
	cipher: DocumentCipher;
}

/** The relay's answer to one snapshot, settled once. */
class Answer {
	resolve: (acknowledged: boolean) => void = () => undefined;
	readonly promise = new Promise<boolean>((resolve) => (this.resolve = resolve));
}

export class RelaySnapshots {
	/** Documents with a snapshot in flight, each with how to settle its `answer`. */
	readonly #inFlight = new Map<string, Answer>();
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
		const outcome = await this.sendNow(docId, covers, source, send);
		if (outcome === 'too-large' || outcome === 'unreadable') this.#unable.add(docId);
		return outcome === 'sent';
	}

	/** Seals and sends a snapshot covering `covers` now, whatever the threshold; says what became of it. */
	async sendNow(
		docId: string,
		covers: number,
		source: SnapshotSource,
		send: (message: ClientMessage) => boolean
	): Promise<SnapshotOutcome> {
		const answer = new Answer();
		this.#inFlight.set(docId, answer);
		let outcome: SnapshotOutcome;
		try {
			const message = await this.#snapshot(docId, covers, source);
			outcome = typeof message === 'string' ? message : send(message) ? 'sent' : 'offline';
		} catch {
			// No key, a document this version cannot open or read: leave it to another device.
			outcome = 'unreadable';
		}
		if (outcome !== 'sent') this.#settle(docId, answer, false);
		return outcome;
	}

	/** Whether a snapshot of this document awaits the relay's answer. */
	isInFlight(docId: string): boolean {
		return this.#inFlight.has(docId);
	}

	/**
	 * How the relay answers the snapshot of this document in flight: true for SNAPSHOT_ACK, false
	 * for a refusal or a lost connection (at once when none is in flight).
	 */
	answer(docId: string): Promise<boolean> {
		return this.#inFlight.get(docId)?.promise ?? Promise.resolve(false);
	}

	/** The relay answered for this document: SNAPSHOT_ACK (`acknowledged`) or a refusal. */
	settled(docId: string, acknowledged = false): void {
		const answer = this.#inFlight.get(docId);
		if (answer) this.#settle(docId, answer, acknowledged);
	}

	#settle(docId: string, answer: Answer, acknowledged: boolean): void {
		if (this.#inFlight.get(docId) === answer) this.#inFlight.delete(docId);
		answer.resolve(acknowledged);
	}

	/** The signed SNAPSHOT of the document's state, or why none can be made here. */
	async #snapshot(
		docId: string,
		covers: number,
		source: SnapshotSource
	): Promise<ClientMessage | 'unreadable' | 'too-large'> {
		const ref = parseDocumentId(docId);
		const document = await source.documents.open(ref);
		await source.documents.notifyStored(docId);
		if (!(await source.documents.isComplete(docId))) return 'unreadable';
		const state = Y.encodeStateAsUpdate(document.doc);
		// Throws MissingKeyError when this person does not hold the area key: no snapshot.
		const sealed = await source.cipher.seal(docId, ref.area, state);
		if (sealed.ciphertext.length > this.maxSnapshotBytes) return 'too-large';
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

	/** Forgets what was in flight (connection lost): their answers resolve false. */
	reset(): void {
		for (const answer of this.#inFlight.values()) answer.resolve(false);
		this.#inFlight.clear();
		this.#unable.clear();
	}
}
