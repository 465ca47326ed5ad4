/**
 * Compaction at the relay (docs/sync-protocol.md): when a document has `sinceSnapshot` ≥ 500
 * items, this device has stored every item up to `latest`, holds the area key, and a manager is
 * signed in here (an admin signer is attached), it seals its whole Yjs state
 * (`Y.encodeStateAsUpdate`, never a rebuild) and sends SNAPSHOT with `covers = latest`, signed by
 * the device and countersigned by the admin. The relay keeps it pending until another device
 * confirms that it opens (SNAPSHOT_ACK means "stored, pending"; SNAPSHOT_DONE tells the outcome).
 *
 * Never sealed: a document that cannot be read completely here (a row that does not decrypt,
 * which the DocumentStore sets aside: `isComplete`; or a received item held back unverified) —
 * the relay deletes what a snapshot covers, and the devices that can read that row would lose it
 * ('unreadable'); a document whose chains show a hole ('gap', snapshot-heads.ts); a state or
 * link too large for one relay frame ('too-large': the relay would close the socket and every
 * reconnect would try again). The snapshot's link names the chain heads it folds in.
 *
 * One snapshot per document is in flight at a time; a refusal or a lost connection just lets a
 * later page try again. While one is pending at the relay, the next waits for another
 * `snapshotAfter` items, so a device alone online does not replace it on every reconnect; after
 * one was disputed, the next waits for the next connection.
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
import type { AdminSigner } from './admin-signer';
import type { ClientMessage, SnapshotDone, UpdatesHeader } from './messages';
import { claimDeviceSeq } from './outbox-rows';
import { compactionText, signItem } from './signing-text';
import { snapshotHeads } from './snapshot-heads';

export const DEFAULT_SNAPSHOT_AFTER = 500;

/** Largest sealed snapshot sent: the relay's 16 MiB frame limit less room for the header. */
export const MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024 - 64 * 1024;
/** Longest link the relay admits. */
export const MAX_LINK_CHARS = 4096;

/** What became of a snapshot asked for: sent, or why not. */
export type SnapshotOutcome = 'sent' | 'too-large' | 'unreadable' | 'gap' | 'no-admin' | 'offline';

export interface SnapshotSource {
	documents: DocumentStore;
	cipher: DocumentCipher;
	/** A signed-in manager's key: without it no relay snapshot is made here. */
	admin?: AdminSigner;
}

export interface RelaySnapshotsOptions {
	db: OfficeDatabase;
	officeId: string;
	deviceId: string;
	signingKey: CryptoKey;
	snapshotAfter?: number;
	maxSnapshotBytes?: number;
}

type Send = (message: ClientMessage) => boolean;

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
	/** Documents with a snapshot of ours pending at the relay, and what it covers. */
	readonly #pending = new Map<string, number>();
	readonly #listeners = new Set<(done: SnapshotDone) => void>();
	readonly #snapshotAfter: number;
	readonly #maxBytes: number;

	constructor(private readonly options: RelaySnapshotsOptions) {
		this.#snapshotAfter = options.snapshotAfter ?? DEFAULT_SNAPSHOT_AFTER;
		this.#maxBytes = options.maxSnapshotBytes ?? MAX_SNAPSHOT_BYTES;
	}

	/** Whether this page leaves the document ready for a snapshot made here. */
	due(header: UpdatesHeader, cursor: number): boolean {
		const pending = this.#pending.get(header.docId);
		return (
			!header.more &&
			header.sinceSnapshot >= this.#snapshotAfter &&
			(pending === undefined || header.latest - pending >= this.#snapshotAfter) &&
			cursor === header.latest &&
			!this.#inFlight.has(header.docId) &&
			!this.#unable.has(header.docId)
		);
	}

	/** Seals and sends a snapshot covering `covers`; false when it could not be made here. */
	async upload(docId: string, covers: number, source: SnapshotSource, send: Send) {
		if (!source.admin) return false;
		const outcome = await this.sendNow(docId, covers, source, send);
		if (outcome === 'too-large' || outcome === 'unreadable' || outcome === 'gap') {
			this.#unable.add(docId);
		}
		return outcome === 'sent';
	}

	/** Seals and sends a snapshot covering `covers` now, whatever the threshold; says what became of it. */
	async sendNow(
		docId: string,
		covers: number,
		source: SnapshotSource,
		send: Send
	): Promise<SnapshotOutcome> {
		if (!source.admin) return 'no-admin';
		const answer = new Answer();
		this.#inFlight.set(docId, answer);
		let outcome: SnapshotOutcome;
		try {
			const message = await this.#snapshot(docId, covers, source, source.admin);
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

	/** SNAPSHOT_ACK: the relay stored the snapshot as the document's pending one. */
	acknowledged(docId: string, covers: number): void {
		this.#pending.set(docId, covers);
		const answer = this.#inFlight.get(docId);
		if (answer) this.#settle(docId, answer, true);
	}

	/** The relay refused the snapshot; one it will refuse again is not retried on this socket. */
	refused(docId: string, code: string): void {
		if (code === 'not-admin' || code === 'bad-signature') this.#unable.add(docId);
		const answer = this.#inFlight.get(docId);
		if (answer) this.#settle(docId, answer, false);
	}

	/**
	 * SNAPSHOT_DONE: the pending snapshot was applied (`ok`) or disputed and dropped. A disputed
	 * one did not open on another device: sealing the same way again would only be disputed again,
	 * so the document waits for the next connection.
	 */
	done(done: SnapshotDone): void {
		if (this.#pending.get(done.docId) === done.covers) this.#pending.delete(done.docId);
		if (!done.ok) this.#unable.add(done.docId);
		for (const listener of this.#listeners) listener(done);
	}

	/** Calls the listener with every SNAPSHOT_DONE; returns an unsubscribe. */
	onDone(listener: (done: SnapshotDone) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#settle(docId: string, answer: Answer, acknowledged: boolean): void {
		if (this.#inFlight.get(docId) === answer) this.#inFlight.delete(docId);
		answer.resolve(acknowledged);
	}

	/** The signed, countersigned SNAPSHOT of the document's state, or why none can be made here. */
	async #snapshot(
		docId: string,
		covers: number,
		source: SnapshotSource,
		admin: AdminSigner
	): Promise<ClientMessage | Exclude<SnapshotOutcome, 'sent' | 'offline' | 'no-admin'>> {
		const { db, officeId, deviceId, signingKey } = this.options;
		if ((await db.heldItems.where('docId').equals(docId).count()) > 0) return 'unreadable';
		const heads = await snapshotHeads(db, docId, deviceId);
		if (heads === 'gap') return 'gap';
		const ref = parseDocumentId(docId);
		const document = await source.documents.open(ref);
		await source.documents.notifyStored(docId);
		if (!(await source.documents.isComplete(docId))) return 'unreadable';
		const state = Y.encodeStateAsUpdate(document.doc);
		// Throws MissingKeyError when this person does not hold the area key: no snapshot.
		const chain = { chainSeq: 0, prev: '', authSeq: 0, at: Date.now(), heads };
		const sealed = await source.cipher.seal(docId, ref.area, state, chain);
		const link = sealed.link ?? '';
		if (sealed.ciphertext.length > this.#maxBytes || link.length > MAX_LINK_CHARS) {
			return 'too-large';
		}
		const facts = {
			docId,
			deviceSeq: await claimDeviceSeq(db, docId),
			epoch: sealed.epoch,
			nonce: toBase64(sealed.nonce),
			covers,
			link
		};
		const payload = sealed.ciphertext;
		const signature = await signItem(signingKey, { kind: 'snapshot', ...facts }, payload);
		const adminSignature = await admin.sign(compactionText(officeId, docId, covers, signature));
		const header = { ...facts, signature, admin: admin.key, adminSignature };
		return { type: 'SNAPSHOT', header, payload };
	}

	/** Forgets what was in flight (connection lost): their answers resolve false. */
	reset(): void {
		for (const answer of this.#inFlight.values()) answer.resolve(false);
		this.#inFlight.clear();
		this.#unable.clear();
	}
}
