/**
 * One socket per browser profile: the tabs elect a leader with the Web Lock
 * `practice-office:sync`, held until the tab stops syncing (or closes, which releases it). The
 * leader runs the SyncClient and publishes its status on the BroadcastChannel
 * `practice-office:sync-status`; the other tabs wait for the lock and show the leader's status
 * meanwhile, and ask the leader to push or to check held items again. Every tab sees the data
 * itself through IndexedDB and the documents channel.
 *
 * Without Web Locks (Node, very old browsers) this tab simply leads.
 */
import type { DocumentCipher } from '../documents/cipher';
import type { DocumentStore } from '../documents/document-store';
import type { AdminSigner } from './admin-signer';
import type { DeviceList, DeviceStatus } from './messages';
import type { SnapshotOutcome } from './relay-snapshots';
import { SyncClient, type SyncClientOptions } from './sync-client';
import { StatusStore, type StatusListener, type SyncStatus } from './sync-status';

/** Device changes and reseals go through the socket, which only the leading tab holds. */
export class NotLeaderError extends Error {
	override name = 'NotLeaderError';
	constructor() {
		super(
			'Another Practice Office window on this device is syncing. Use that window, or close it.'
		);
	}
}

export const SYNC_LOCK_NAME = 'practice-office:sync';
export const SYNC_STATUS_CHANNEL = 'practice-office:sync-status';

/** The part of the Web Locks API used here (navigator.locks fits). */
export interface TabLocks {
	request(
		name: string,
		options: { signal?: AbortSignal },
		callback: () => Promise<void>
	): Promise<unknown>;
}

export interface TabSyncOptions extends SyncClientOptions {
	/** Default: navigator.locks; null: no election (this tab leads). */
	locks?: TabLocks | null;
	statusChannelName?: string;
}

export interface TabSync {
	readonly isLeader: boolean;
	subscribe(listener: StatusListener): () => void;
	/** Asks the leader (this tab or another) to push now. */
	pushNow(): void;
	/** Uses these documents, cipher and manager's key (sign-in) or none (sign-out) from now on. */
	attach(documents?: DocumentStore, cipher?: DocumentCipher, admin?: AdminSigner): void;
	/** The office's devices as the relay last listed them (this tab must lead). */
	devices(): DeviceStatus[];
	/** The office's admin keys as the relay last listed them (this tab must lead). */
	admins(): string[];
	/** Enrols another device at the relay, signed by an admin (this tab must lead, connected). */
	addDevice(deviceId: string, publicRaw: Uint8Array, admin: AdminSigner): Promise<DeviceList>;
	/** Removes a device from the office at the relay (this tab must lead and be connected). */
	revokeDevice(deviceId: string, admin: AdminSigner): Promise<DeviceList>;
	/** Lets a removed device sign in again (this tab must lead and be connected). */
	restoreDevice(deviceId: string, admin: AdminSigner): Promise<DeviceList>;
	/** Makes another manager's key an admin (this tab must lead and be connected). */
	addAdmin(key: string, proof: string, admin: AdminSigner): Promise<DeviceList>;
	/** Removes an admin key (this tab must lead and be connected). */
	removeAdmin(key: string, admin: AdminSigner): Promise<DeviceList>;
	/** Has the leader (this tab or another) check held items again; the office's devices changed. */
	recheckHeld(): Promise<void>;
	/** Sends a fresh snapshot of the document now, after a key rotation (this tab must lead). */
	reseal(docId: string): Promise<SnapshotOutcome>;
	/** Stops syncing in this tab; another tab takes over the lock. */
	stop(): Promise<void>;
}

type TabMessage =
	{ kind: 'status'; status: SyncStatus } | { kind: 'ask' } | { kind: 'push' } | { kind: 'recheck' };

/** Starts sync for this tab: leads when it gets the lock, follows the leader's status until then. */
export function startSyncForTab(tabOptions: TabSyncOptions): TabSync {
	const options = { ...tabOptions };
	const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
	const status = new StatusStore();
	const channel =
		typeof BroadcastChannel === 'undefined'
			? null
			: new BroadcastChannel(options.statusChannelName ?? SYNC_STATUS_CHANNEL);
	const abort = new AbortController();
	let client: SyncClient | null = null;
	let stopped = false;
	let release: () => void = () => undefined;
	const released = new Promise<void>((resolve) => (release = resolve));

	const post = (message: TabMessage) => channel?.postMessage(message);
	channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => {
		const message = event.data;
		if (message.kind === 'status' && !client) status.update(message.status);
		if (message.kind === 'ask' && client) post({ kind: 'status', status: client.status });
		if (message.kind === 'push') client?.pushNow();
		if (message.kind === 'recheck') void client?.recheckHeld().catch(() => undefined);
	});

	const lead = async () => {
		if (stopped) return;
		client = new SyncClient(options);
		client.subscribe((current) => {
			status.update(current);
			post({ kind: 'status', status: current });
		});
		await client.start();
		await released;
		await client.stop();
	};

	if (locks) {
		locks.request(SYNC_LOCK_NAME, { signal: abort.signal }, lead).catch(() => undefined);
		post({ kind: 'ask' });
	} else {
		void lead().catch(() => undefined);
	}
	// The network is back: try at once instead of waiting out the backoff.
	const online = () => client?.pushNow();
	globalThis.addEventListener?.('online', online);
	// The network is gone: drop the socket at once rather than wait for the heartbeat.
	const offline = () => client?.disconnect();
	globalThis.addEventListener?.('offline', offline);

	/** Runs `work` on the leading client, or rejects with NotLeaderError in another tab. */
	const leading = <T>(work: (leader: SyncClient) => Promise<T>): Promise<T> =>
		client ? work(client) : Promise.reject(new NotLeaderError());

	return {
		get isLeader() {
			return client !== null;
		},
		subscribe: (listener) => status.subscribe(listener),
		pushNow() {
			if (client) client.pushNow();
			else post({ kind: 'push' });
		},
		attach(documents, cipher, admin) {
			options.documents = documents;
			options.cipher = cipher;
			options.admin = admin;
			client?.attach(documents, cipher, admin);
		},
		devices() {
			if (!client) throw new NotLeaderError();
			return client.devices;
		},
		admins() {
			if (!client) throw new NotLeaderError();
			return client.admins;
		},
		addDevice: (deviceId, publicRaw, admin) =>
			leading((leader) => leader.addDevice(deviceId, publicRaw, admin)),
		revokeDevice: (deviceId, admin) => leading((leader) => leader.revokeDevice(deviceId, admin)),
		restoreDevice: (deviceId, admin) => leading((leader) => leader.restoreDevice(deviceId, admin)),
		addAdmin: (key, proof, admin) => leading((leader) => leader.addAdmin(key, proof, admin)),
		removeAdmin: (key, admin) => leading((leader) => leader.removeAdmin(key, admin)),
		async recheckHeld() {
			if (client) return client.recheckHeld();
			post({ kind: 'recheck' });
		},
		reseal: (docId) => leading((leader) => leader.resealNow(docId)),
		async stop() {
			stopped = true;
			globalThis.removeEventListener?.('online', online);
			globalThis.removeEventListener?.('offline', offline);
			abort.abort();
			release();
			await client?.stop();
			channel?.close();
		}
	};
}
