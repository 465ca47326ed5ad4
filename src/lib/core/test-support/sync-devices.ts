/**
 * Devices of one office syncing through a real relay, for the sync client's tests. Each device
 * has its own fake IndexedDB database, device key pair, DocumentStore and SyncClient; they share
 * the office's area keys in memory (what pairing would have given them) and the office manager's
 * admin key, which registers the office, enrols the devices and countersigns relay snapshots.
 * Sockets are `ws` WebSockets that record every frame sent, can be cut abruptly, and let a test
 * stand in for a misbehaving relay: `tap` rewrites or drops the frames that arrive, `inject`
 * delivers one the relay never sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import WebSocket from 'ws';
import { startRelay, type Relay, type RelayOptions } from '../../../../sync-server/src/relay';
import { toBase64 } from '../bytes';
import { generateSigningKeyPair, sign } from '../crypto/signing';
import type { DocumentCipher } from '../documents/cipher';
import { DocumentStore, type DocumentStoreOptions } from '../documents/document-store';
import type { AreaKeyring } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import { ensureDevice } from '../keys/device';
import { createOffice } from '../keys/vault';
import type { DeviceRow, OfficeDatabase } from '../storage/db';
import { proveAdminKey, type AdminSigner } from '../sync/admin-signer';
import type { ItemTrust } from '../sync/item-verify';
import { asBytes } from '../sync/protocol';
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

/** What a test relay in the middle does with a frame from the relay: the frames to deliver. */
export type FrameTap = (frame: Uint8Array) => Uint8Array[];

export interface RecordingSockets {
	WebSocketImpl: WebSocketConstructor;
	sent: Uint8Array[];
	sockets: WebSocket[];
	/** Rewrites what arrives from the relay on every socket (null: delivered as is). */
	tap: FrameTap | null;
	/** Delivers a frame on the newest socket as if the relay had sent it. */
	inject(frame: Uint8Array): void;
	/** Cuts the newest socket without a closing handshake. */
	cut(): void;
}

const ON_MESSAGE = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;

/** A `ws` WebSocket class that records what is sent and lets a test stand in for the relay. */
export function recordingWebSocket(): RecordingSockets {
	const handlers = new Map<WebSocket, (data: unknown) => void>();
	const recorder: RecordingSockets = {
		WebSocketImpl: undefined as unknown as WebSocketConstructor,
		sent: [],
		sockets: [],
		tap: null,
		inject(frame) {
			const newest = recorder.sockets.at(-1);
			if (newest) handlers.get(newest)?.(frame);
		},
		cut: () => recorder.sockets.at(-1)?.terminate()
	};
	class Recording extends WebSocket {
		constructor(url: string) {
			super(url, { perMessageDeflate: false });
			recorder.sockets.push(this);
			// The client sets `onmessage`; frames reach its handler through the tap.
			Object.defineProperty(this, 'onmessage', {
				configurable: true,
				get: () => ON_MESSAGE.get!.call(this) as unknown,
				set: (handler: ((event: { data: unknown }) => void) | null) => {
					const deliver = (data: unknown) => handler?.({ data });
					handlers.set(this, deliver);
					const arriving = (event: { data: unknown }) => {
						const bytes = asBytes(event.data);
						if (!bytes || !recorder.tap) return deliver(event.data);
						for (const frame of recorder.tap(bytes)) deliver(frame);
					};
					ON_MESSAGE.set!.call(this, handler ? arriving : null);
				}
			});
		}
		override send(data: Uint8Array): void {
			recorder.sent.push(new Uint8Array(data));
			super.send(data);
		}
	}
	recorder.WebSocketImpl = Recording as unknown as WebSocketConstructor;
	return recorder;
}

/** An office manager's admin key pair, as a signer. */
export async function testAdmin(): Promise<AdminSigner> {
	const pair = await generateSigningKeyPair();
	return {
		key: toBase64(pair.publicRaw),
		sign: async (data) => toBase64(await sign(pair.privateKey, data))
	};
}

export interface SyncOffice {
	officeId: string;
	keyring: AreaKeyring;
	/** The office manager's key: registers the office, enrols devices, approves snapshots. */
	admin: AdminSigner;
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
	return { officeId: ulid(), keyring: await sharedKeyring, admin: await testAdmin() };
}

export interface TestDevice {
	name: string;
	office: SyncOffice;
	db: OfficeDatabase;
	device: DeviceRow;
	cipher: DocumentCipher;
	documents: DocumentStore;
	client: SyncClient;
	socket: RecordingSockets;
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
	/** Registers the office at the relay, with the office's admin as its first. */
	register?: boolean;
	/** The manager's key attached for relay snapshots: the office's by default, null for none. */
	admin?: AdminSigner | null;
	/** How the device verifies what arrives; unverified by default. */
	trust?: ItemTrust;
	store?: DocumentStoreOptions;
	client?: Partial<SyncClientOptions>;
}

/** A device of the office with its own database; not started. */
export async function createTestDevice(options: DeviceOptions): Promise<TestDevice> {
	const { office } = options;
	const db = testDatabase();
	const device = await ensureDevice(db);
	const cipher = keyringCipher(office.keyring, device.deviceId);
	const socket = recordingWebSocket();
	const registerAdmin = options.register
		? await proveAdminKey(office.officeId, office.admin)
		: undefined;
	const makeStore = () =>
		new DocumentStore(db, cipher, device.deviceId, { channelName: null, ...options.store });
	const clientOptions = (documents: DocumentStore): SyncClientOptions => ({
		db,
		url: options.relay.url,
		officeId: office.officeId,
		deviceId: device.deviceId,
		signingKey: device.signingPrivateKey,
		signingPublicRaw: device.signingPublicRaw,
		WebSocketImpl: socket.WebSocketImpl,
		register: options.register,
		registerAdmin,
		documents,
		cipher,
		admin: options.admin === null ? undefined : (options.admin ?? office.admin),
		trust: options.trust,
		channelName: null,
		backoff: { initialMs: 10, maxMs: 100 },
		...options.client
	});
	const makeClient = (documents: DocumentStore) => new SyncClient(clientOptions(documents));
	const documents = makeStore();
	const result: TestDevice = {
		name: options.name ?? device.deviceId,
		office,
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

/** The office's devices as a chain of authority lists them: only those listed here verify. */
export class TestTrust implements ItemTrust {
	readonly #keys = new Map<string, Uint8Array>();

	/** Lists these devices with their signing keys. */
	list(...devices: TestDevice[]): this {
		for (const { device } of devices) this.#keys.set(device.deviceId, device.signingPublicRaw);
		return this;
	}

	deviceKey(deviceId: string): Uint8Array | null {
		return this.#keys.get(deviceId) ?? null;
	}
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

/** Enrols a device of the office at the relay through a connected device, as the office's admin. */
export async function enrol(through: TestDevice, other: TestDevice): Promise<void> {
	const { deviceId, signingPublicRaw } = other.device;
	await through.client.addDevice(deviceId, signingPublicRaw, through.office.admin);
}

/** An office on the relay: the first device registers it and enrols the others (ADD_DEVICE). */
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
	for (const other of others) await enrol(first, other);
	return { office, devices };
}
