/**
 * One authenticated connection's work: SUBSCRIBE with the stored cursors, then handle the relay's
 * frames strictly in order (a page is checked and stored, cursor included, before the next frame
 * is looked at), push the outbox and move blobs (blob-sync.ts) alongside, answer snapshot offers,
 * and keep the status current.
 *
 * A page that cannot be stored (a full disk) ends the connection: the cursor did not move, so the
 * page comes again after the reconnect. At CAUGHT_UP the writers' chains are checked for holes
 * (gap-review.ts): documents with a new hole are fetched again on a new connection before this
 * one counts as caught up. "In step" — caught up, nothing pending, nothing in flight — is when
 * `lastSyncedAt` moves.
 */
import type { OfficeDatabase } from '../storage/db';
import type { BlobSync } from './blob-sync';
import type { Connection } from './connection';
import type { DeviceRequests } from './device-requests';
import { reportedGaps, reviewGaps } from './gap-review';
import { countHeld } from './held-items';
import type { SignatureCheck } from './item-verify';
import type { DeviceList, RelayMessage, UpdatesHeader } from './messages';
import type { Outbox } from './outbox';
import { BacklogProgress, storePage } from './receiver';
import { handleRefusal } from './refusals';
import type { RelaySnapshots, SnapshotSource } from './relay-snapshots';
import type { SnapshotOffers } from './snapshot-offers';
import { readCursors, writeLastSynced } from './sync-meta';
import { describeError, type StatusStore } from './sync-status';

const PERSIST_LAST_SYNCED_MS = 5000;

export interface SessionOptions {
	db: OfficeDatabase;
	deviceId: string;
	connection: Connection;
	outbox: Outbox;
	blobs: BlobSync;
	snapshots: RelaySnapshots;
	offers: SnapshotOffers;
	requests: DeviceRequests;
	check: SignatureCheck;
	source: () => SnapshotSource | undefined;
	notify: (docId: string) => void;
	status: StatusStore;
	onDevices: (list: DeviceList) => void;
	onProgress: () => void;
	now: () => Date;
}

export class Session {
	#chain: Promise<void> = Promise.resolve();
	#ended = false;
	#caughtUp = false;
	#progress = new BacklogProgress();
	#persistedAt = 0;

	constructor(private readonly options: SessionOptions) {}

	/** Whether the backlog since SUBSCRIBE has arrived (CAUGHT_UP) and the connection is still on. */
	get caughtUp(): boolean {
		return this.#caughtUp && !this.#ended;
	}

	/** Subscribes and starts pushing. */
	begin(): void {
		this.#enqueue(async () => {
			const cursors = await readCursors(this.options.db);
			const { connection, outbox, blobs } = this.options;
			connection.send({ type: 'SUBSCRIBE', header: { cursors } });
			outbox.begin((message) => connection.send(message));
			blobs.begin((message) => connection.send(message));
		});
	}

	/** Queues a frame from the relay behind the ones before it. */
	receive(message: RelayMessage): void {
		this.#enqueue(() => this.#handle(message));
	}

	/** The connection is gone: frames still queued are dropped. */
	end(): void {
		this.#ended = true;
	}

	/** Resolves when the frame being handled is done. */
	settled(): Promise<void> {
		return this.#chain;
	}

	/** Moves `lastSyncedAt` when this device is in step with the relay. */
	checkInStep(): void {
		const { status, outbox, now, db } = this.options;
		if (this.#ended || !this.#caughtUp || status.current.pending > 0 || outbox.inFlight > 0) return;
		// Blob gets in flight do not hold this back: fetching a file is not being out of step.
		const at = now();
		status.update({ lastSyncedAt: at.toISOString() });
		if (at.getTime() - this.#persistedAt < PERSIST_LAST_SYNCED_MS) return;
		this.#persistedAt = at.getTime();
		void writeLastSynced(db, at.toISOString()).catch(() => undefined);
	}

	#enqueue(work: () => Promise<void> | void): void {
		this.#chain = this.#chain.then(async () => {
			if (this.#ended) return;
			try {
				await work();
			} catch {
				this.options.status.update({ error: describeError('storage-failed') });
				this.options.connection.close({ kind: 'invalid', detail: 'storage' });
			}
		});
	}

	async #handle(message: RelayMessage): Promise<void> {
		const { outbox, blobs, snapshots, requests, status, connection } = this.options;
		switch (message.type) {
			case 'BLOB_ACK':
				return blobs.acknowledged(message.header.blobId);
			case 'BLOB':
				return blobs.received(message.header, message.payload);
			case 'BLOB_MISSING':
				return blobs.missing(message.header.blobId);
			case 'UPDATES':
				return this.#store(message.header, message.ciphertexts);
			case 'ACK':
				outbox.acknowledge(message.header.deviceSeq, message.header.seq);
				if (status.current.error) status.update({ error: undefined });
				return;
			case 'SNAPSHOT_ACK':
				return snapshots.acknowledged(message.header.docId, message.header.covers);
			case 'SNAPSHOT_DONE':
				return snapshots.done(message.header);
			case 'SNAPSHOT_OFFER': {
				const send = connection.send.bind(connection);
				const { header, payload } = message;
				await this.options.offers.answer(header, payload, this.options.source(), send);
				return;
			}
			case 'CAUGHT_UP':
				return this.#caughtUpNow();
			case 'DEVICES':
				this.options.onDevices(message.header);
				return requests.devices(message.header);
			case 'ADMIN_NONCE':
				return requests.nonce(message.header.nonce);
			case 'ERROR':
				return handleRefusal(message.header, this.options);
		}
	}

	async #store(header: UpdatesHeader, ciphertexts: Uint8Array[]): Promise<void> {
		const { db, deviceId, status, snapshots, connection, check } = this.options;
		const page = await storePage(db, deviceId, header, ciphertexts, check);
		if (page.stored > 0) this.options.notify(header.docId);
		if (page.held > 0) status.update({ held: await countHeld(db) });
		if (!this.#caughtUp) status.update({ backlog: this.#progress.record(page, header.latest) });
		else this.checkInStep();
		// A hole reported earlier may just have been filled by an update that came late.
		if (this.#caughtUp && status.current.gaps.length > 0) {
			status.update({ gaps: await reportedGaps(db) });
		}
		const source = this.options.source();
		if (source && snapshots.due(header, page.cursor)) {
			void snapshots.upload(header.docId, header.latest, source, (m) => connection.send(m));
		}
	}

	/** The backlog is in: fetch documents with new holes again, or count as caught up. */
	async #caughtUpNow(): Promise<void> {
		const { db, status, connection } = this.options;
		const { refetch, gaps } = await reviewGaps(db);
		status.update({ gaps });
		if (refetch.length > 0) return connection.close({ kind: 'refetch' });
		this.#caughtUp = true;
		status.update({ backlog: undefined });
		this.options.onProgress();
	}
}
