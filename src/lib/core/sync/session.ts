/**
 * One authenticated connection's work: SUBSCRIBE with the stored cursors, then handle the relay's
 * frames strictly in order (a page is stored, cursor included, before the next frame is looked
 * at), push the outbox and move blobs (blob-sync.ts) alongside, and keep the status current.
 *
 * A page that cannot be stored (a full disk) ends the connection: the cursor did not move, so the
 * page comes again after the reconnect. "In step" — caught up, nothing pending, nothing in flight
 * — is when `lastSyncedAt` moves.
 */
import type { OfficeDatabase } from '../storage/db';
import type { BlobSync } from './blob-sync';
import type { Connection } from './connection';
import type { DeviceRequests } from './device-requests';
import type { DeviceStatus, ErrorHeader, RelayMessage, UpdatesHeader } from './messages';
import type { Outbox } from './outbox';
import { MESSAGE_TYPES } from './protocol';
import { BacklogProgress, storePage } from './receiver';
import type { RelaySnapshots, SnapshotSource } from './relay-snapshots';
import { readCursors, writeLastSynced } from './sync-meta';
import { describeError, type StatusStore } from './sync-status';

const RATE_LIMIT_PAUSE_MS = 1000;
const QUOTA_PAUSE_MS = 60_000;
const PERSIST_LAST_SYNCED_MS = 5000;

export interface SessionOptions {
	db: OfficeDatabase;
	deviceId: string;
	connection: Connection;
	outbox: Outbox;
	blobs: BlobSync;
	snapshots: RelaySnapshots;
	requests: DeviceRequests;
	source: () => SnapshotSource | undefined;
	notify: (docId: string) => void;
	status: StatusStore;
	onDevices: (devices: DeviceStatus[]) => void;
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
		const { outbox, blobs, snapshots, requests, status } = this.options;
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
				return snapshots.settled(message.header.docId, true);
			case 'CAUGHT_UP':
				this.#caughtUp = true;
				status.update({ backlog: undefined });
				return this.options.onProgress();
			case 'DEVICES':
				this.options.onDevices(message.header.devices);
				return requests.devices(message.header.devices);
			case 'ERROR':
				return this.#refused(message.header);
		}
	}

	async #store(header: UpdatesHeader, ciphertexts: Uint8Array[]): Promise<void> {
		const { db, deviceId, status, snapshots, connection } = this.options;
		const page = await storePage(db, deviceId, header, ciphertexts);
		if (page.stored > 0) this.options.notify(header.docId);
		if (!this.#caughtUp) status.update({ backlog: this.#progress.record(page, header.latest) });
		else this.checkInStep();
		const source = this.options.source();
		if (source && snapshots.due(header, page.cursor)) {
			void snapshots.upload(header.docId, header.latest, source, (m) => connection.send(m));
		}
	}

	#refused(error: ErrorHeader): void {
		const { outbox, blobs, snapshots, requests, status } = this.options;
		const ref = (typeof error.ref === 'object' && error.ref !== null ? error.ref : {}) as {
			type?: unknown;
			docId?: unknown;
			deviceSeq?: unknown;
			blobId?: unknown;
		};
		if (ref.type === MESSAGE_TYPES.PUSH) {
			if (typeof ref.deviceSeq === 'number') outbox.refuse(ref.deviceSeq);
			else outbox.refuseUnnamed();
		}
		if (ref.type === MESSAGE_TYPES.SNAPSHOT && typeof ref.docId === 'string') {
			snapshots.settled(ref.docId);
		}
		requests.refused(ref.type, describeError(error.code, error.message));
		if (error.code === 'rate-limited') {
			outbox.pause(RATE_LIMIT_PAUSE_MS);
			blobs.pause(RATE_LIMIT_PAUSE_MS);
		}
		if (error.code === 'quota') {
			outbox.pause(QUOTA_PAUSE_MS);
			blobs.pause(QUOTA_PAUSE_MS);
			status.update({ error: describeError('quota') });
		}
		const blobId = typeof ref.blobId === 'string' ? ref.blobId : undefined;
		if (ref.type === MESSAGE_TYPES.BLOB_PUT) blobs.refused('put', blobId, error.code);
		if (ref.type === MESSAGE_TYPES.BLOB_GET) blobs.refused('get', blobId, error.code);
		// A refused SUBSCRIBE (rate limited) would leave the backlog unsent: start over.
		if (ref.type === MESSAGE_TYPES.SUBSCRIBE) {
			this.options.connection.close({ kind: 'invalid', detail: 'subscribe refused' });
		}
	}
}
