/**
 * Keeps this device's update log in step with the relay (docs/sync-protocol.md).
 *
 * Lifecycle: `start` connects; every lost connection is retried after a backoff (0.5 s doubling
 * to 30 s, with jitter, reset after READY) until `stop`. A fatal refusal that names this device
 * (revoked, unknown) ends in state 'refused' without retrying: retrying cannot help.
 *
 * On READY the client SUBSCRIBEs with its cursors and starts pushing its outbox at once, and
 * moves blobs alongside (blob-sync.ts): it hears of new blobs and wants on the blob channel that
 * every tab's LocalBlobStore posts to, and asks again for missing ones every `blobRetryMs`. Frames
 * from the relay are handled strictly one after another (session.ts), so a page is stored before
 * the next one is looked at and ACKs are seen in the order the relay sent them.
 *
 * Register or authenticate: the device that created the office passes `register: true`; it sends
 * REGISTER until the relay has answered READY once, remembers that in meta, and uses AUTH from
 * then on. Every other device uses AUTH and must first be added by an enrolled device
 * (`addDevice`, ADD_DEVICE).
 */
import { blobChannelName } from '../blobs/local-blob-store';
import type { DocumentCipher } from '../documents/cipher';
import type { DocumentStore } from '../documents/document-store';
import { Backoff } from './backoff';
import { countUnsyncedBlobs } from './blob-rows';
import { BlobNotices } from './blob-notices';
import { BlobSync } from './blob-sync';
import { Connection, type CloseReason } from './connection';
import { LocalNotices } from './local-notices';
import { DeviceRequests } from './device-requests';
import type { ClientMessage, DeviceStatus } from './messages';
import { Outbox } from './outbox';
import { countUnsynced } from './outbox-rows';
import { RelaySnapshots, type SnapshotOutcome, type SnapshotSource } from './relay-snapshots';
import { resealDocument } from './reseal';
import { Session } from './session';
import { defaultWebSocket } from './socket';
import {
	enableSync,
	isRegistered,
	markRegistered,
	readLastSynced,
	writeLastSynced
} from './sync-meta';
import { REFUSING_CODES, type SyncClientOptions } from './sync-options';
import { describeError, StatusStore, type StatusListener, type SyncStatus } from './sync-status';

export type { SyncClientOptions } from './sync-options';

export class SyncClient {
	readonly #options: SyncClientOptions;
	readonly #status = new StatusStore();
	readonly #backoff: Backoff;
	readonly #outbox: Outbox;
	readonly #blobs: BlobSync;
	readonly #blobNotices = new BlobNotices();
	readonly #snapshots: RelaySnapshots;
	readonly #requests = new DeviceRequests();
	readonly #notices = new LocalNotices();
	#connection: Connection | null = null;
	#session: Session | null = null;
	#running = false;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#devices: DeviceStatus[] = [];
	#pendingTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(options: SyncClientOptions) {
		this.#options = options;
		this.#backoff = new Backoff(options.backoff);
		this.#outbox = new Outbox({
			db: options.db,
			deviceId: options.deviceId,
			signingKey: options.signingKey,
			maxInFlight: options.maxInFlight,
			rate: options.pushRate,
			onChanged: () => this.#refreshPending(),
			onError: () => this.#connection?.close({ kind: 'invalid', detail: 'storage' })
		});
		this.#blobs = new BlobSync({
			db: options.db,
			deviceId: options.deviceId,
			signingKey: options.signingKey,
			now: options.now ?? (() => new Date()),
			onChanged: () => this.#refreshPending(),
			onError: () => this.#connection?.close({ kind: 'invalid', detail: 'storage' })
		});
		this.#snapshots = new RelaySnapshots(options.db, options.signingKey, options.snapshotAfter);
	}

	get status(): SyncStatus {
		return this.#status.current;
	}

	/** The office's devices as the relay last listed them. */
	get devices(): DeviceStatus[] {
		return this.#devices;
	}

	/** Calls the listener with the status now and after every change; returns an unsubscribe. */
	subscribe(listener: StatusListener): () => void {
		return this.#status.subscribe(listener);
	}

	/** Connects and keeps connecting until `stop`. */
	async start(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		const { db, documents, channelName } = this.#options;
		this.#notices.start(
			channelName === undefined ? `${db.name}:docs` : channelName,
			documents,
			() => this.#localWrite()
		);
		this.#blobNotices.start(
			this.#options.blobChannelName === undefined
				? blobChannelName(db)
				: this.#options.blobChannelName,
			this.#options.blobRetryMs ?? 30_000,
			{
				onNotice: () => {
					this.#blobs.fill();
					this.#refreshPending();
				},
				onRetry: () => this.#blobs.retryMissing()
			}
		);
		await enableSync(db, this.#options.deviceId);
		const [lastSyncedAt, pending] = await Promise.all([readLastSynced(db), countPending(db)]);
		this.#status.update({ lastSyncedAt, pending, error: undefined });
		if (this.#running) await this.#connect();
	}

	/** Disconnects and stops retrying; resolves once received pages and ACKs are stored. */
	async stop(): Promise<void> {
		this.#running = false;
		this.#notices.stop();
		this.#blobNotices.stop();
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		const session = this.#session;
		this.#connection?.close();
		await session?.settled();
		await this.#outbox.settle();
		await this.#blobs.settle();
		if (this.#pendingTimer) clearTimeout(this.#pendingTimer);
		this.#pendingTimer = null;
		const { lastSyncedAt } = this.#status.current;
		if (lastSyncedAt) await writeLastSynced(this.#options.db, lastSyncedAt).catch(() => undefined);
		if (this.#status.current.state !== 'refused') this.#status.update({ state: 'offline' });
	}

	/** Pushes what is pending now; when offline, reconnects at once instead of waiting. */
	pushNow(): void {
		if (this.#session) {
			this.#blobs.fill();
			return this.#outbox.fill();
		}
		if (!this.#running || this.#connection || this.#status.current.state === 'refused') return;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		void this.#connect();
	}

	/**
	 * The browser lost the network: drops the socket now (browsers keep it open, silently dead,
	 * until the heartbeat notices), so the status says so at once. `pushNow` reconnects.
	 */
	disconnect(): void {
		this.#connection?.close();
	}

	/** Uses these documents (after sign-in) or none (after sign-out) from now on. */
	attach(documents?: DocumentStore, cipher?: DocumentCipher): void {
		this.#options.documents = documents;
		this.#options.cipher = cipher;
		if (this.#running) this.#notices.attach(documents);
	}

	/**
	 * Seals and sends a snapshot of the document now, whatever the 500-item threshold (after a key
	 * rotation); 'sent' once the relay acknowledged it (reseal.ts tells every outcome).
	 */
	resealNow(docId: string): Promise<SnapshotOutcome> {
		const context = {
			db: this.#options.db,
			session: () => this.#session,
			snapshots: this.#snapshots,
			source: () => this.#source(),
			send: (message: ClientMessage) => this.#connection?.send(message) ?? false
		};
		return resealDocument(docId, context, this.#options.resealTimeoutMs);
	}

	/** Enrolls another device of the office (it can AUTH afterwards); resolves with the list. */
	addDevice(deviceId: string, publicRaw: Uint8Array): Promise<DeviceStatus[]> {
		return this.#requests.add(this.#connection, deviceId, publicRaw);
	}

	/** Removes a device from the office: the relay refuses it from now on. */
	revokeDevice(deviceId: string): Promise<DeviceStatus[]> {
		return this.#requests.revoke(this.#connection, deviceId);
	}

	async #connect(): Promise<void> {
		const options = this.#options;
		// No network by the browser's account: do not try (and say 'Connecting…') in vain.
		if (globalThis.navigator?.onLine === false) {
			this.#status.update({ state: 'offline' });
			return this.#retryLater();
		}
		let connection: Connection;
		try {
			const register =
				options.register === true && !(await isRegistered(options.db, options.officeId));
			if (!this.#running || this.#connection) return;
			this.#status.update({ state: 'connecting' });
			connection = new Connection(
				{
					WebSocketImpl: options.WebSocketImpl ?? defaultWebSocket(),
					url: options.url,
					officeId: options.officeId,
					deviceId: options.deviceId,
					signingKey: options.signingKey,
					signingPublicRaw: options.signingPublicRaw,
					register,
					pingIntervalMs: options.pingIntervalMs ?? 25_000
				},
				{
					onReady: (devices) => this.#ready(connection, devices, register),
					onMessage: (message) => this.#session?.receive(message),
					onClose: (reason) => this.#closed(connection, reason)
				}
			);
		} catch (cause) {
			// No WebSocket here, or the database is gone: say why, and try again later.
			const error = cause instanceof Error ? cause.message : String(cause);
			this.#status.update({ state: 'offline', error });
			return this.#retryLater();
		}
		this.#connection = connection;
	}

	#ready(connection: Connection, devices: DeviceStatus[], registered: boolean): void {
		const { db, officeId, deviceId } = this.#options;
		if (registered) void markRegistered(db, officeId).catch(() => undefined);
		this.#backoff.reset();
		this.#devices = devices;
		this.#session = new Session({
			db,
			deviceId,
			connection,
			outbox: this.#outbox,
			blobs: this.#blobs,
			snapshots: this.#snapshots,
			requests: this.#requests,
			source: () => this.#source(),
			notify: (docId) => this.#notices.stored(docId),
			status: this.#status,
			onDevices: (list) => (this.#devices = list),
			onProgress: () => this.#refreshPending(),
			now: this.#options.now ?? (() => new Date())
		});
		this.#status.update({ state: 'connected', error: undefined });
		this.#session.begin();
	}

	/** The open documents and their cipher, to seal relay snapshots from (signed in). */
	#source(): SnapshotSource | undefined {
		const { documents, cipher } = this.#options;
		return documents && cipher ? { documents, cipher } : undefined;
	}

	#closed(connection: Connection, reason: CloseReason): void {
		if (this.#connection !== connection) return;
		this.#connection = null;
		this.#session?.end();
		this.#session = null;
		this.#outbox.end();
		this.#blobs.end();
		this.#snapshots.reset();
		this.#requests.failAll('The connection to the sync server was lost.');
		if (reason.kind === 'refused' && reason.error.code === 'office-exists') {
			// Registered before, but the note of it was lost: this device is enrolled, so AUTH.
			void markRegistered(this.#options.db, this.#options.officeId).catch(() => undefined);
		} else if (reason.kind === 'refused' && REFUSING_CODES.has(reason.error.code)) {
			this.#running = false;
			this.#status.update({
				state: 'refused',
				backlog: undefined,
				error: describeError(reason.error.code, reason.error.message)
			});
			return;
		}
		this.#status.update({ state: 'offline', backlog: undefined });
		this.#retryLater();
	}

	#retryLater(): void {
		if (!this.#running || this.#retry) return;
		this.#retry = setTimeout(() => {
			this.#retry = null;
			void this.#connect();
		}, this.#backoff.next());
	}

	#localWrite(): void {
		this.#outbox.fill();
		this.#refreshPending();
	}

	/** Recounts pending rows soon (coalesced), then tells whether this device is in step. */
	#refreshPending(): void {
		if (this.#pendingTimer) return;
		this.#pendingTimer = setTimeout(() => {
			this.#pendingTimer = null;
			countPending(this.#options.db).then(
				(pending) => {
					this.#status.update({ pending });
					this.#session?.checkInStep();
				},
				() => undefined
			);
		}, 20);
	}
}

/** Changes not yet acknowledged: update rows and files (each blob counts as one change). */
async function countPending(db: SyncClientOptions['db']): Promise<number> {
	const [updates, blobs] = await Promise.all([countUnsynced(db), countUnsyncedBlobs(db)]);
	return updates + blobs;
}
