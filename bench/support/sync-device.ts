/**
 * One device of an office for the sync benchmarks, set up as the app sets one up: its own
 * (fake) IndexedDB database and device key, a DocumentStore, and a SyncClient talking to a real
 * relay over a `ws` socket. Devices of one office share the area keys in memory, as pairing would
 * have given them. Whoever made the database deletes it, after `dispose`.
 */
import { DocumentStore } from '$lib/core/documents/document-store';
import type { AreaKeyring } from '$lib/core/keys/area-keyring';
import { keyringCipher } from '$lib/core/keys/document-cipher';
import { ensureDevice } from '$lib/core/keys/device';
import type { DeviceRow, OfficeDatabase } from '$lib/core/storage/db';
import {
	proveAdminKey,
	SyncClient,
	type AdminSigner,
	type SyncClientOptions,
	type SyncStatus
} from '$lib/core/sync';
import { countUnsynced } from '$lib/core/sync/outbox-rows';
import { WatchedSockets } from './watched-socket';

export interface SyncDeviceOptions {
	db: OfficeDatabase;
	officeId: string;
	keyring: AreaKeyring;
	/** ws://…/sync */
	url: string;
	/** The device that created the office registers it on the relay, with `admin` as its admin. */
	register?: boolean;
	/** The office manager: registers the office, enrols devices, countersigns relay snapshots. */
	admin: AdminSigner;
	client?: Partial<SyncClientOptions>;
}

export interface SyncDevice {
	db: OfficeDatabase;
	device: DeviceRow;
	documents: DocumentStore;
	client: SyncClient;
	sockets: WatchedSockets;
	/** A new SyncClient on the same database and documents, as when the app starts again. */
	restart(client?: Partial<SyncClientOptions>): Promise<void>;
	/** Stops syncing and closes the documents (the database stays). */
	dispose(): Promise<void>;
}

export async function syncDevice(options: SyncDeviceOptions): Promise<SyncDevice> {
	const { db, officeId, keyring, url, register, admin } = options;
	const device = await ensureDevice(db);
	const registerAdmin = register ? await proveAdminKey(officeId, admin) : undefined;
	const cipher = keyringCipher(keyring, device.deviceId);
	const documents = new DocumentStore(db, cipher, device.deviceId, { channelName: null });
	const sockets = new WatchedSockets();
	const makeClient = (overrides: Partial<SyncClientOptions> = {}) =>
		new SyncClient({
			db,
			url,
			officeId,
			deviceId: device.deviceId,
			signingKey: device.signingPrivateKey,
			signingPublicRaw: device.signingPublicRaw,
			WebSocketImpl: sockets.WebSocketImpl,
			register,
			registerAdmin,
			admin,
			documents,
			cipher,
			channelName: null,
			...overrides
		});
	const result: SyncDevice = {
		db,
		device,
		documents,
		client: makeClient(options.client),
		sockets,
		async restart(client) {
			await result.client.stop();
			result.client = makeClient({ ...options.client, ...client });
			await result.client.start();
		},
		async dispose() {
			try {
				await result.client.stop();
				await documents.close();
			} finally {
				sockets.terminateAll();
			}
		}
	};
	return result;
}

/** Resolves when the client's status satisfies `done`, or rejects after `timeoutMs`. */
export function untilStatus(
	client: SyncClient,
	done: (status: SyncStatus) => boolean,
	what: string,
	timeoutMs = 30_000
): Promise<void> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const timer = setTimeout(() => {
			settled = true;
			stop();
			reject(new Error(`Not ${what} within ${timeoutMs} ms: ${JSON.stringify(client.status)}`));
		}, timeoutMs);
		const stop = client.subscribe((status) => {
			if (settled || !done(status)) return;
			settled = true;
			clearTimeout(timer);
			// Deferred: subscribe calls the listener at once, before `stop` exists.
			queueMicrotask(() => stop());
			resolve();
		});
	});
}

/** Resolves once the client is connected (READY). */
export function connected(client: SyncClient): Promise<void> {
	return untilStatus(client, (status) => status.state === 'connected', 'connected', 10_000);
}

/**
 * Resolves once every row this device wrote has been acknowledged by the relay. Polls the store:
 * the status' pending count is refreshed lazily and can still read 0 right after a write. Setup
 * only, never inside a timed section.
 */
export async function allPushed(db: OfficeDatabase, timeoutMs = 60_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while ((await countUnsynced(db)) > 0) {
		if (performance.now() > deadline) throw new Error(`Rows still unsynced after ${timeoutMs} ms.`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
