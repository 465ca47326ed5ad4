/**
 * Sync as the app sees it. Sync runs whenever the app is open on a device whose office syncs —
 * signed in or locked: the sync client moves ciphertext only and needs no key for that. What it
 * receives it checks against the office's signed device list (the authority, which the device
 * reads with its people key, locked or not): items of a device the office does not list are held
 * until it is listed. Signing in attaches the open documents, so received changes show at once
 * and snapshots offered by the relay can be checked; a manager signing in also lends the relay
 * their signature (device changes, compaction) and keeps the relay's device and administrator
 * lists in line with the office's (office-devices.ts).
 *
 * The relay address is a device setting. By default it is this app's own origin + `/sync`
 * (`npm start` and the documented Caddy/nginx setups forward /sync to the relay).
 */
import type { AuthorityLog } from '$lib/core/authority/authority-log';
import { fromBase64 } from '$lib/core/bytes';
import { ensureDevice } from '$lib/core/keys/device';
import type { OfficeRecord } from '$lib/core/keys/vault';
import { RELAY_URL_META_KEY } from '$lib/core/pairing';
import type { Workspace } from '$lib/core/session/workspace';
import {
	readMeta,
	SYNC_ENABLED_META_KEY,
	writeMeta,
	type OfficeDatabase
} from '$lib/core/storage/db';
import {
	startSyncForTab,
	type AdminKeyProof,
	type AdminSigner,
	type DeviceStatus,
	type SnapshotOutcome,
	type SyncStatus,
	type TabSync
} from '$lib/core/sync';
import type { RelayDevices } from './office-devices';
import { defaultRelayUrl } from './relay-url';

/** This device created the office, so it registers the office at the relay. */
const REGISTERS_META_KEY = 'sync:registers';
/** The manager's key (and its proof) the office registers with at the relay. */
const REGISTER_ADMIN_META_KEY = 'sync:register-admin';

class OfficeSync {
	#enabled = $state(false);
	#status = $state.raw<SyncStatus | null>(null);
	#relayUrl = $state('');
	#devices = $state.raw<DeviceStatus[]>([]);
	#admins = $state.raw<string[]>([]);
	#tab: TabSync | null = null;
	#stopStatus: (() => void) | null = null;
	#workspace: Workspace | null = null;
	#admin: AdminSigner | undefined;
	#authority: AuthorityLog | null = null;
	#stopAuthority: (() => void) | null = null;

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

	/** The office's administrators (managers' keys) as the relay last listed them. */
	get admins(): string[] {
		return this.#admins;
	}

	/**
	 * Checks what arrives against this office's signed device list from now on; re-checks held
	 * items whenever the list changes.
	 */
	useAuthority(log: AuthorityLog | null): void {
		this.#stopAuthority?.();
		this.#authority = log;
		this.#stopAuthority =
			log?.subscribe(() => void this.#tab?.recheckHeld().catch(() => undefined)) ?? null;
	}

	/** Starts syncing if this device's office syncs. */
	async resume(db: OfficeDatabase, office: OfficeRecord): Promise<void> {
		this.#relayUrl = await readMeta(db, RELAY_URL_META_KEY, defaultRelayUrl());
		const enabled = await readMeta(db, SYNC_ENABLED_META_KEY, false);
		if (enabled === true) await this.#start(db, office);
	}

	/**
	 * Turns sync on for the office created on this device (it registers the office, with the
	 * signed-in manager as the relay's first administrator).
	 */
	async enable(
		db: OfficeDatabase,
		office: OfficeRecord,
		relayUrl: string,
		registerAdmin: AdminKeyProof
	): Promise<void> {
		await writeMeta(db, RELAY_URL_META_KEY, relayUrl.trim());
		await writeMeta(db, REGISTERS_META_KEY, true);
		await writeMeta(db, REGISTER_ADMIN_META_KEY, registerAdmin);
		this.#relayUrl = relayUrl.trim();
		await this.#start(db, office);
	}

	/** Starts syncing on a device that just joined the office by pairing (it never registers). */
	async startJoined(db: OfficeDatabase, office: OfficeRecord): Promise<void> {
		this.#relayUrl = await readMeta(db, RELAY_URL_META_KEY, defaultRelayUrl());
		await this.#start(db, office);
	}

	/** Gives sync the signed-in person's documents (or none after sign-out), and a manager's key. */
	attach(workspace: Workspace | null, admin?: AdminSigner): void {
		this.#workspace = workspace;
		this.#admin = workspace ? admin : undefined;
		this.#tab?.attach(workspace?.documents, workspace?.cipher, this.#admin);
	}

	/** Asks the relay to push and fetch now (e.g. from the status indicator). */
	syncNow(): void {
		this.#tab?.pushNow();
	}

	/** Re-reads the device list from the leading tab. */
	refreshDevices(): void {
		try {
			this.#devices = this.#tab?.devices() ?? [];
			this.#admins = this.#tab?.admins() ?? [];
		} catch {
			this.#devices = [];
			this.#admins = [];
		}
	}

	/** The relay's side of device changes, for office-devices.ts (this tab must lead). */
	relay(): RelayDevices | null {
		const tab = this.#tab;
		if (!tab) return null;
		const remember = async (change: Promise<{ devices: DeviceStatus[]; admins: string[] }>) => {
			const list = await change;
			this.#devices = list.devices;
			this.#admins = list.admins;
			return list;
		};
		return {
			connected: tab.isLeader && this.#status?.state === 'connected',
			devices: () => tab.devices(),
			admins: () => tab.admins(),
			addDevice: (id, raw, admin) => remember(tab.addDevice(id, raw, admin)),
			revokeDevice: (id, admin) => remember(tab.revokeDevice(id, admin)),
			restoreDevice: (id, admin) => remember(tab.restoreDevice(id, admin)),
			addAdmin: (key, proof, admin) => remember(tab.addAdmin(key, proof, admin)),
			removeAdmin: (key, admin) => remember(tab.removeAdmin(key, admin))
		};
	}

	/**
	 * Sends a fresh snapshot of one document to the relay now (after a key rotation); 'offline'
	 * when this tab cannot (sync off, not connected, another tab holds the connection).
	 */
	async reseal(docId: string): Promise<SnapshotOutcome> {
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
		const registerAdmin = await readMeta<AdminKeyProof | undefined>(
			db,
			REGISTER_ADMIN_META_KEY,
			undefined
		);
		this.#tab = startSyncForTab({
			db,
			url: this.relayUrl,
			officeId: office.officeId,
			deviceId: device.deviceId,
			signingKey: device.signingPrivateKey,
			signingPublicRaw: device.signingPublicRaw,
			register: registers === true,
			registerAdmin,
			documents: this.#workspace?.documents,
			cipher: this.#workspace?.cipher,
			admin: this.#admin,
			trust: {
				deviceKey: (id) => this.#deviceKey(id),
				removedAt: (id) => this.#removedAt(id)
			}
		});
		this.#enabled = true;
		this.#stopStatus = this.#tab.subscribe((status) => {
			const connected = status.state === 'connected' && this.#status?.state !== 'connected';
			this.#status = status;
			if (status.state === 'connected') this.refreshDevices();
			if (connected) this.#onConnected?.();
		});
	}

	/** Called each time this tab connects (the session keeps the relay's lists in line then). */
	onConnected(listener: (() => void) | null): void {
		this.#onConnected = listener;
	}

	#onConnected: (() => void) | null = null;

	/**
	 * The key items of a device must be signed with: the office's signed list says. undefined
	 * while the office has no chain of authority yet (an office still to move onto it), null for a
	 * device it does not list.
	 */
	#deviceKey(deviceId: string): Uint8Array | null | undefined {
		const state = this.#authority?.state;
		if (!state) return undefined;
		const device = state.devices.get(deviceId);
		return device ? fromBase64(device.signingKey) : null;
	}

	/** When the office removed a device (its later items are held), or null. */
	#removedAt(deviceId: string): number | null {
		const removedAt = this.#authority?.state?.devices.get(deviceId)?.removedAt;
		return removedAt ? Date.parse(removedAt) : null;
	}
}

export const officeSync = new OfficeSync();
