/**
 * Devices of one office syncing through a real relay, for the sync client's tests. Each device
 * has its own fake IndexedDB database, device key pair, DocumentStore and SyncClient; they share
 * the office's area keys in memory (what pairing would have given them). Sockets are `ws`
 * WebSockets that record every frame sent and can be cut abruptly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import WebSocket from 'ws';
import { startRelay, type Relay, type RelayOptions } from '../../../../sync-server/src/relay';
import type { DocumentCipher } from '../documents/cipher';
import { DocumentStore, type DocumentStoreOptions } from '../documents/document-store';
import type { AreaKeyring } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import { createOffice, ensureDevice } from '../keys/vault';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import type { WebSocketConstructor } from '../sync/socket';
import { SyncClient, type SyncClientOptions } from '../sync/sync-client';
import {
	deleteDatabase,
	FAST_ITERATIONS,
	TEST_AREAS,
	TEST_PASSPHRASE,
	testDatabase
} from './test-office';

/** A relay on 127.0.0.1 with its SQLite files in a fresh temporary folder. */
export async function startTestRelay(
	options: Partial<RelayOptions> = {}
): Promise<Relay & { dir: string; dbPath: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'po-relay-'));
	const dbPath = join(dir, 'relay.sqlite');
	const relay = await startRelay({ host: '127.0.0.1', port: 0, dbPath, ...options });
	return {
		...relay,
		dir,
		dbPath,
		async close() {
			await relay.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A `ws` WebSocket class that records what is sent and lets a test cut the line. */
export function recordingWebSocket(): {
	WebSocketImpl: WebSocketConstructor;
	sent: Uint8Array[];
	sockets: WebSocket[];
	/** Cuts the newest socket without a closing handshake. */
	cut(): void;
} {
	const sent: Uint8Array[] = [];
	const sockets: WebSocket[] = [];
	class Recording extends WebSocket {
		constructor(url: string) {
			super(url, { perMessageDeflate: false });
			sockets.push(this);
		}
		override send(data: Uint8Array): void {
			sent.push(new Uint8Array(data));
			super.send(data);
		}
	}
	return {
		WebSocketImpl: Recording as unknown as WebSocketConstructor,
		sent,
		sockets,
		cut: () => sockets.at(-1)?.terminate()
	};
}

export interface SyncOffice {
	officeId: string;
	keyring: AreaKeyring;
}

/** A new office id sharing one set of area keys (made once: keys are not what is tested). */
let sharedKeyring: Promise<AreaKeyring> | null = null;
export async function newSyncOffice(): Promise<SyncOffice> {
	sharedKeyring ??= (async () => {
		const db = testDatabase();
		const keys = await createOffice(db, {
			passphrase: TEST_PASSPHRASE,
			areas: TEST_AREAS,
			iterations: FAST_ITERATIONS
		});
		await deleteDatabase(db);
		return keys.keyring;
	})();
	return { officeId: ulid(), keyring: await sharedKeyring };
}

export interface TestDevice {
	name: string;
	db: OfficeDatabase;
	device: DeviceRow;
	cipher: DocumentCipher;
	documents: DocumentStore;
	client: SyncClient;
	socket: ReturnType<typeof recordingWebSocket>;
	/** Options for another SyncClient of this device (another tab), on these documents. */
	clientOptions(documents: DocumentStore): SyncClientOptions;
	/** A new DocumentStore and SyncClient on the same database, like a reload of the page. */
	reload(): Promise<void>;
	dispose(): Promise<void>;
}

export interface DeviceOptions {
	relay: { url: string };
	office: SyncOffice;
	name?: string;
	register?: boolean;
	store?: DocumentStoreOptions;
	client?: Partial<SyncClientOptions>;
}

/** A device of the office with its own database; not started. */
export async function createTestDevice(options: DeviceOptions): Promise<TestDevice> {
	const db = testDatabase();
	const device = await ensureDevice(db);
	const cipher = keyringCipher(options.office.keyring, device.deviceId);
	const socket = recordingWebSocket();
	const makeStore = () =>
		new DocumentStore(db, cipher, device.deviceId, { channelName: null, ...options.store });
	const clientOptions = (documents: DocumentStore): SyncClientOptions => ({
		db,
		url: options.relay.url,
		officeId: options.office.officeId,
		deviceId: device.deviceId,
		signingKey: device.signingPrivateKey,
		signingPublicRaw: device.signingPublicRaw,
		WebSocketImpl: socket.WebSocketImpl,
		register: options.register,
		documents,
		cipher,
		channelName: null,
		backoff: { initialMs: 10, maxMs: 100 },
		...options.client
	});
	const makeClient = (documents: DocumentStore) => new SyncClient(clientOptions(documents));
	const documents = makeStore();
	const result: TestDevice = {
		name: options.name ?? device.deviceId,
		db,
		device,
		cipher,
		documents,
		client: makeClient(documents),
		socket,
		clientOptions,
		async reload() {
			await result.client.stop();
			await result.documents.close();
			result.documents = makeStore();
			result.client = makeClient(result.documents);
		},
		async dispose() {
			await result.client.stop();
			await result.documents.close();
			await deleteDatabase(db);
		}
	};
	return result;
}

/** Resolves once the client is connected (READY), or rejects after a while. */
export function connected(client: SyncClient, timeoutMs = 5000): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			stop();
			reject(new Error(`Not connected: ${JSON.stringify(client.status)}`));
		}, timeoutMs);
		const stop = client.subscribe((status) => {
			if (status.state !== 'connected') return;
			clearTimeout(timer);
			queueMicrotask(() => stop());
			resolve();
		});
	});
}

/** An office on the relay: the first device registers it and enrolls the others (ADD_DEVICE). */
export async function enrolledDevices(
	relay: { url: string },
	count: number,
	options: Partial<DeviceOptions> = {}
): Promise<{ office: SyncOffice; devices: TestDevice[] }> {
	const office = await newSyncOffice();
	const devices: TestDevice[] = [];
	for (let i = 0; i < count; i++) {
		const name = String.fromCharCode(65 + i);
		devices.push(await createTestDevice({ ...options, relay, office, name, register: i === 0 }));
	}
	const [first, ...others] = devices;
	await first.client.start();
	await connected(first.client);
	for (const other of others) {
		await first.client.addDevice(other.device.deviceId, other.device.signingPublicRaw);
	}
	return { office, devices };
}
