/**
 * Keeps this device's update log in step with the relay (docs/sync-protocol.md).
 *
 * Lifecycle: `start` connects and keeps connecting until `stop` (connector.ts, which also tells
 * REGISTER from AUTH). On READY the client SUBSCRIBEs with its cursors and starts pushing its
 * outbox at once, and moves blobs alongside (blob-sync.ts): it hears of new blobs and wants on
 * the blob channel that every tab's LocalBlobStore posts to, and asks again for missing ones
 * every `blobRetryMs`. Frames from the relay are handled strictly one after another (session.ts),
 * so a page is stored before the next one is looked at and ACKs are seen in the order the relay
 * sent them. What arrives is verified against `trust` (item-verify.ts); what does not verify is
 * held (held-items.ts) until `recheckHeld` finds its device listed.
 *
 * The device that created the office passes `register: true` and the office's first admin
 * (`registerAdmin`). Every other device must first be added with an admin's signature
 * (`addDevice`, ADD_DEVICE). Admin changes go one at a time (device-requests.ts).
 */
import { blobChannelName } from '../blobs/local-blob-store';
import { toBase64 } from '../bytes';
import type { DocumentCipher } from '../documents/cipher';
import type { DocumentStore } from '../documents/document-store';
import type { AdminSigner } from './admin-signer';
import { countUnsyncedBlobs } from './blob-rows';
import { BlobNotices } from './blob-notices';
import { BlobSync } from './blob-sync';
import type { Connection } from './connection';
import { Connector } from './connector';
import { CHANGES, DeviceRequests } from './device-requests';
import { countHeld, releaseHeld } from './held-items';
import { SignatureCheck } from './item-verify';
import { LocalNotices } from './local-notices';
import type { ClientMessage, DeviceList, DeviceStatus, SnapshotDone } from './messages';
import { Outbox } from './outbox';
import { countUnsynced } from './outbox-rows';
import { RelaySnapshots, type SnapshotOutcome, type SnapshotSource } from './relay-snapshots';
import { resealDocument } from './reseal';
import { Session } from './session';
import { SnapshotOffers } from './snapshot-offers';
import { enableSync, readLastSynced, writeLastSynced } from './sync-meta';
import type { SyncClientOptions } from './sync-options';
import { StatusStore, type StatusListener, type SyncStatus } from './sync-status';

export type { SyncClientOptions } from './sync-options';

export class SyncClient {
	readonly #options: SyncClientOptions;
	readonly #status = new StatusStore();
	readonly #connector: Connector;
	readonly #check: SignatureCheck;
	readonly #outbox: Outbox;
	readonly #blobs: BlobSync;
	readonly #blobNotices = new BlobNotices();
	readonly #snapshots: RelaySnapshots;
	readonly #offers: SnapshotOffers;
	readonly #requests: DeviceRequests;
	readonly #notices = new LocalNotices();
	readonly #unverifiedBlobs = new Set<string>();
	#session: Session | null = null;
	#started = false;
	#list: DeviceList = { devices: [], admins: [] };
	#pendingTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(options: SyncClientOptions) {
		this.#options = options;
		const { db, officeId, deviceId, signingKey } = options;
		const onError = () => this.#connector.connection?.close({ kind: 'invalid', detail: 'storage' });
		this.#connector = new Connector(options, this.#status, {
			ready: (connection, list) => this.#ready(connection, list),
			message: (message) => this.#session?.receive(message),
			closed: () => this.#closed()
		});
		this.#check = new SignatureCheck(() => this.#options.trust);
		this.#outbox = new Outbox({
			db,
			deviceId,
			signingKey,
			maxInFlight: options.maxInFlight,
			rate: options.pushRate,
			onChanged: () => this.#refreshPending(),
			onError
		});
		this.#blobs = new BlobSync({
			db,
			deviceId,
			signingKey,
			check: this.#check,
			now: options.now ?? (() => new Date()),
			onChanged: () => this.#refreshPending(),
			onError,
			onUnverified: (blobId) => {
				this.#unverifiedBlobs.add(blobId);
				this.#status.update({ unverifiedBlobs: this.#unverifiedBlobs.size });
			}
		});
		const { snapshotAfter } = options;
		this.#snapshots = new RelaySnapshots({ db, officeId, deviceId, signingKey, snapshotAfter });
		this.#offers = new SnapshotOffers(this.#check, (disputed) => this.#status.update({ disputed }));
		// Admin changes only on a READY connection: before it the relay refuses them.
		this.#requests = new DeviceRequests(officeId, () =>
			this.#session ? this.#connector.connection : null
		);
	}

	get status(): SyncStatus {
		return this.#status.current;
	}

	/** The office's devices as the relay last listed them. */
	get devices(): DeviceStatus[] {
		return this.#list.devices;
	}

	/** The office's admin keys (base64 raw) as the relay last listed them. */
	get admins(): string[] {
		return this.#list.admins;
	}

	/** Calls the listener with the status now and after every change; returns an unsubscribe. */
	subscribe(listener: StatusListener): () => void {
		return this.#status.subscribe(listener);
	}

	/** Calls the listener when the relay applied (ok) or dropped a snapshot this device wrote. */
	onSnapshotDone(listener: (done: SnapshotDone) => void): () => void {
		return this.#snapshots.onDone(listener);
	}

	/** Connects and keeps connecting until `stop`. */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
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
		const [lastSyncedAt, pending, held] = await Promise.all([
			readLastSynced(db),
			countPending(db),
			countHeld(db)
		]);
		this.#status.update({ lastSyncedAt, pending, held, error: undefined });
		if (this.#started) await this.#connector.start();
	}

	/** Disconnects and stops retrying; resolves once received pages and ACKs are stored. */
	async stop(): Promise<void> {
		this.#started = false;
		const session = this.#session;
		this.#connector.stop();
		this.#notices.stop();
		this.#blobNotices.stop();
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
		this.#connector.connectNow();
	}

	/**
	 * The browser lost the network: drops the socket now (browsers keep it open, silently dead,
	 * until the heartbeat notices), so the status says so at once. `pushNow` reconnects.
	 */
	disconnect(): void {
		this.#connector.connection?.close();
	}

	/** Uses these documents, cipher and manager's key (sign-in) or none (sign-out) from now on. */
	attach(documents?: DocumentStore, cipher?: DocumentCipher, admin?: AdminSigner): void {
		this.#options.documents = documents;
		this.#options.cipher = cipher;
		this.#options.admin = admin;
		if (this.#started) this.#notices.attach(documents);
	}

	/**
	 * Seals and sends a snapshot of the document now, whatever the 500-item threshold (after a key
	 * rotation); 'sent' once the relay stored it as pending (reseal.ts tells every outcome).
	 */
	resealNow(docId: string): Promise<SnapshotOutcome> {
		const context = {
			db: this.#options.db,
			session: () => this.#session,
			snapshots: this.#snapshots,
			source: () => this.#source(),
			send: (message: ClientMessage) => this.#connector.connection?.send(message) ?? false
		};
		return resealDocument(docId, context, this.#options.resealTimeoutMs);
	}

	/**
	 * Checks the held items again against `trust` (call it when the office's device list
	 * changed): those that verify now are stored like received rows, and open documents catch up.
	 */
	async recheckHeld(): Promise<void> {
		const { db, deviceId, documents } = this.#options;
		const released = await releaseHeld(db, deviceId, this.#check);
		for (const docId of released) {
			if (documents) await documents.notifyStored(docId).catch(() => undefined);
			else this.#notices.stored(docId);
		}
		this.#status.update({ held: await countHeld(db) });
	}

	/** Enrols another device of the office (it can AUTH afterwards), signed by an admin. */
	addDevice(deviceId: string, publicRaw: Uint8Array, admin: AdminSigner): Promise<DeviceList> {
		return this.#requests.request(CHANGES.addDevice(deviceId, toBase64(publicRaw), admin));
	}

	/** Removes a device from the office: the relay refuses it until it is restored. */
	revokeDevice(deviceId: string, admin: AdminSigner): Promise<DeviceList> {
		return this.#requests.request(CHANGES.revokeDevice(deviceId, admin));
	}

	/** Lets a revoked device sign in again, with the key it had. */
	restoreDevice(deviceId: string, admin: AdminSigner): Promise<DeviceList> {
		return this.#requests.request(CHANGES.restoreDevice(deviceId, admin));
	}

	/** Makes another key (a manager's) an admin; `proof` is that key's (proveAdminKey). */
	addAdmin(key: string, proof: string, admin: AdminSigner): Promise<DeviceList> {
		return this.#requests.request(CHANGES.addAdmin(key, proof, admin));
	}

	/** Removes an admin key; the relay refuses to remove the last one. */
	removeAdmin(key: string, admin: AdminSigner): Promise<DeviceList> {
		return this.#requests.request(CHANGES.removeAdmin(key, admin));
	}

	#ready(connection: Connection, list: DeviceList): void {
		const { db, deviceId } = this.#options;
		this.#list = list;
		this.#session = new Session({
			db,
			deviceId,
			connection,
			outbox: this.#outbox,
			blobs: this.#blobs,
			snapshots: this.#snapshots,
			offers: this.#offers,
			requests: this.#requests,
			check: this.#check,
			source: () => this.#source(),
			notify: (docId) => this.#notices.stored(docId),
			status: this.#status,
			onDevices: (next) => (this.#list = next),
			onProgress: () => this.#refreshPending(),
			now: this.#options.now ?? (() => new Date())
		});
		this.#session.begin();
	}

	/** The open documents, their cipher and a manager's key, for relay snapshots (signed in). */
	#source(): SnapshotSource | undefined {
		const { documents, cipher, admin } = this.#options;
		return documents && cipher ? { documents, cipher, admin } : undefined;
	}

	/** The connection ended: whatever was in flight on it is sent again on the next one. */
	#closed(): void {
		this.#session?.end();
		this.#session = null;
		this.#outbox.end();
		this.#blobs.end();
		this.#snapshots.reset();
		this.#requests.failAll('The connection to the sync server was lost.');
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
