/**
 * Sync as the app sees it. Sync runs whenever the app is open on a device whose office syncs —
 * signed in or locked: the sync client moves ciphertext only and needs no key for that. Signing
 * in attaches the open documents, so received changes show at once and relay snapshots can be
 * sealed.
 *
 * The relay address is a device setting. By default it is this app's own origin + `/sync`
 * (`npm start` and the documented Caddy/nginx setups forward /sync to the relay).
 */
import { ensureDevice, type OfficeRecord } from '$lib/core/keys/vault';
import { RELAY_URL_META_KEY } from '$lib/core/pairing';
import type { Workspace } from '$lib/core/session/workspace';
import {
	readMeta,
	SYNC_ENABLED_META_KEY,
	writeMeta,
	type OfficeDatabase
} from '$lib/core/storage/db';
import { startSyncForTab, type DeviceStatus, type SyncStatus, type TabSync } from '$lib/core/sync';
import { defaultRelayUrl } from './relay-url';

/** This device created the office, so it registers the office at the relay. */
const REGISTERS_META_KEY = 'sync:registers';

class OfficeSync {
	#enabled = $state(false);
	#status = $state.raw<SyncStatus | null>(null);
	#relayUrl = $state('');
	#devices = $state.raw<DeviceStatus[]>([]);
	#tab: TabSync | null = null;
	#stopStatus: (() => void) | null = null;
	#workspace: Workspace | null = null;

	/** Whether this device syncs its office through a relay. */
	get enabled(): boolean {
		return this.#enabled;
	}

	/** The sync status while enabled; null while sync is off. */
	get status(): SyncStatus | null {
		return this.#status;
	}

	/** The relay this device uses, or would use: the saved address, else this app's own. */
	get relayUrl(): string {
		return this.#relayUrl || defaultRelayUrl();
	}

	/** The office's devices as the relay last listed them. */
	get devices(): DeviceStatus[] {
		return this.#devices;
	}

	/** Starts syncing if this device's office syncs. */
	async resume(db: OfficeDatabase, office: OfficeRecord): Promise<void> {
		this.#relayUrl = await readMeta(db, RELAY_URL_META_KEY, defaultRelayUrl());
		const enabled = await readMeta(db, SYNC_ENABLED_META_KEY, false);
		if (enabled === true) await this.#start(db, office);
	}

	/** Turns sync on for the office created on this device (it registers the office). */
	async enable(db: OfficeDatabase, office: OfficeRecord, relayUrl: string): Promise<void> {
		await writeMeta(db, RELAY_URL_META_KEY, relayUrl.trim());
		await writeMeta(db, REGISTERS_META_KEY, true);
		this.#relayUrl = relayUrl.trim();
		await this.#start(db, office);
	}

	/** Starts syncing on a device that just joined the office by pairing (it never registers). */
	async startJoined(db: OfficeDatabase, office: OfficeRecord): Promise<void> {
		this.#relayUrl = await readMeta(db, RELAY_URL_META_KEY, defaultRelayUrl());
		await this.#start(db, office);
	}

	/** Gives sync the signed-in person's documents (or none after sign-out). */
	attach(workspace: Workspace | null): void {
		this.#workspace = workspace;
		this.#tab?.attach(workspace?.documents, workspace?.cipher);
	}

	/** Asks the relay to push and fetch now (e.g. from the status indicator). */
	syncNow(): void {
		this.#tab?.pushNow();
	}

	/** Re-reads the device list from the leading tab. */
	refreshDevices(): void {
		try {
			this.#devices = this.#tab?.devices() ?? [];
		} catch {
			this.#devices = [];
		}
	}

	/** Enrols a paired device at the relay. */
	async addDevice(deviceId: string, publicRaw: Uint8Array): Promise<void> {
		if (!this.#tab) throw new Error('Turn on sync before adding a device.');
		this.#devices = await this.#tab.addDevice(deviceId, publicRaw);
	}

	/** Removes a device from the office at the relay. */
	async revokeDevice(deviceId: string): Promise<void> {
		if (!this.#tab) throw new Error('Sync is off.');
		this.#devices = await this.#tab.revokeDevice(deviceId);
	}

	/**
	 * Sends a fresh snapshot of one document to the relay now (after a key rotation); 'offline'
	 * when this tab cannot (sync off, not connected, another tab holds the connection).
	 */
	async reseal(docId: string): Promise<'sent' | 'too-large' | 'unreadable' | 'offline'> {
		if (!this.#tab) return 'offline';
		try {
			return await this.#tab.reseal(docId);
		} catch {
			return 'offline';
		}
	}

	/** Stops syncing in this tab (the app is closing or the office is being replaced). */
	async stop(): Promise<void> {
		this.#stopStatus?.();
		this.#stopStatus = null;
		await this.#tab?.stop();
		this.#tab = null;
	}

	async #start(db: OfficeDatabase, office: OfficeRecord): Promise<void> {
		if (this.#tab) return;
		const device = await ensureDevice(db);
		const registers = await readMeta(db, REGISTERS_META_KEY, false);
		this.#tab = startSyncForTab({
			db,
			url: this.relayUrl,
			officeId: office.officeId,
			deviceId: device.deviceId,
			signingKey: device.signingPrivateKey,
			signingPublicRaw: device.signingPublicRaw,
			register: registers === true,
			documents: this.#workspace?.documents,
			cipher: this.#workspace?.cipher
		});
		this.#enabled = true;
		this.#stopStatus = this.#tab.subscribe((status) => {
			this.#status = status;
			if (status.state === 'connected') this.refreshDevices();
		});
	}
}

export const officeSync = new OfficeSync();
