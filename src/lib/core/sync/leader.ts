/**
 * One socket per browser profile: the tabs elect a leader with the Web Lock
 * `practice-office:sync`, held until the tab stops syncing (or closes, which releases it). The
 * leader runs the SyncClient and publishes its status on the BroadcastChannel
 * `practice-office:sync-status`; the other tabs wait for the lock and show the leader's status
 * meanwhile. Every tab sees the data itself through IndexedDB and the documents channel.
 *
 * Without Web Locks (Node, very old browsers) this tab simply leads.
 */
import type { DocumentCipher } from '../documents/cipher';
import type { DocumentStore } from '../documents/document-store';
import type { DeviceStatus } from './messages';
import type { SnapshotOutcome } from './relay-snapshots';
import { SyncClient, type SyncClientOptions } from './sync-client';

/** Device changes and reseals go through the socket, which only the leading tab holds. */
export class NotLeaderError extends Error {
	override name = 'NotLeaderError';
	constructor() {
		super(
			'Another Practice Office window on this device is syncing. Use that window, or close it.'
		);
	}
}
import { StatusStore, type StatusListener, type SyncStatus } from './sync-status';

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
	/** Uses these documents from now on (sign-in) or none (sign-out). */
	attach(documents?: DocumentStore, cipher?: DocumentCipher): void;
	/** The office's devices as the relay last listed them (this tab must lead). */
	devices(): DeviceStatus[];
	/** Enrols another device at the relay (this tab must lead and be connected). */
	addDevice(deviceId: string, publicRaw: Uint8Array): Promise<DeviceStatus[]>;
	/** Removes a device from the office at the relay (this tab must lead and be connected). */
	revokeDevice(deviceId: string): Promise<DeviceStatus[]>;
	/** Sends a fresh snapshot of the document now, after a key rotation (this tab must lead). */
	reseal(docId: string): Promise<SnapshotOutcome>;
	/** Stops syncing in this tab; another tab takes over the lock. */
	stop(): Promise<void>;
}

type TabMessage = { kind: 'status'; status: SyncStatus } | { kind: 'ask' } | { kind: 'push' };

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

	return {
		get isLeader() {
			return client !== null;
		},
		subscribe: (listener) => status.subscribe(listener),
		pushNow() {
			if (client) client.pushNow();
			else post({ kind: 'push' });
		},
		attach(documents, cipher) {
			options.documents = documents;
			options.cipher = cipher;
			client?.attach(documents, cipher);
		},
		devices() {
			if (!client) throw new NotLeaderError();
			return client.devices;
		},
		addDevice(deviceId, publicRaw) {
			if (!client) return Promise.reject(new NotLeaderError());
			return client.addDevice(deviceId, publicRaw);
		},
		revokeDevice(deviceId) {
			if (!client) return Promise.reject(new NotLeaderError());
			return client.revokeDevice(deviceId);
		},
		reseal(docId) {
			if (!client) return Promise.reject(new NotLeaderError());
			return client.resealNow(docId);
		},
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
