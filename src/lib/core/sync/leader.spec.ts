import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DocumentStore } from '../documents/document-store';
import {
	enrolledDevices,
	recordingWebSocket,
	startTestRelay,
	type TestDevice
} from '../test-support/sync-devices';
import { NotLeaderError, startSyncForTab, type TabSync, type TabSyncOptions } from './leader';
import type { SyncStatus } from './sync-status';

/** Web Locks in memory: one holder per name, the others queue; an aborted wait rejects. */
class MemoryLocks {
	readonly #queues = new Map<string, (() => void)[]>();
	readonly #held = new Set<string>();

	request(
		name: string,
		options: { signal?: AbortSignal },
		callback: () => Promise<unknown>
	): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const grant = () => {
				this.#held.add(name);
				callback()
					.then(resolve, reject)
					.finally(() => {
						this.#held.delete(name);
						this.#queues.get(name)?.shift()?.();
					});
			};
			if (!this.#held.has(name)) return grant();
			const queue = this.#queues.get(name) ?? [];
			this.#queues.set(name, queue);
			queue.push(grant);
			options.signal?.addEventListener('abort', () => {
				queue.splice(queue.indexOf(grant), 1);
				reject(new DOMException('aborted', 'AbortError'));
			});
		});
	}
}

let relay: Awaited<ReturnType<typeof startTestRelay>>;
let device: TestDevice;
let tabs: TabSync[] = [];
let stores: DocumentStore[] = [];
let channel = 0;

beforeAll(async () => {
	relay = await startTestRelay();
});

afterAll(async () => {
	await relay.close();
});

afterEach(async () => {
	for (const tab of tabs) await tab.stop();
	for (const store of stores) await store.close();
	await device.dispose();
	tabs = [];
	stores = [];
});

async function setUp() {
	device = (await enrolledDevices(relay, 1)).devices[0];
	await device.client.stop();
	channel++;
}

/** A tab of the device: its own DocumentStore and socket recorder, one shared lock manager. */
function openTab(locks: TabSyncOptions['locks']) {
	const documents = new DocumentStore(device.db, device.cipher, device.device.deviceId, {
		channelName: null
	});
	stores.push(documents);
	const socket = recordingWebSocket();
	const tab = startSyncForTab({
		...device.clientOptions(documents),
		WebSocketImpl: socket.WebSocketImpl,
		locks,
		statusChannelName: `test-sync-status-${channel}`
	});
	tabs.push(tab);
	const seen: SyncStatus[] = [];
	tab.subscribe((status) => seen.push(status));
	return { tab, socket, seen };
}

describe('startSyncForTab', () => {
	it('connects only from the tab holding the lock; the other tab shows the leader’s status', async () => {
		await setUp();
		const locks = new MemoryLocks();
		const first = openTab(locks);
		const second = openTab(locks);

		expect(first.tab.isLeader).toBe(true);
		expect(second.tab.isLeader).toBe(false);
		await vi.waitFor(() => expect(second.seen.at(-1)?.state).toBe('connected'));
		expect(first.socket.sockets).toHaveLength(1);
		expect(second.socket.sockets).toHaveLength(0);
	});

	it('hands the socket to a waiting tab when the leader stops', async () => {
		await setUp();
		const locks = new MemoryLocks();
		const first = openTab(locks);
		const second = openTab(locks);
		await vi.waitFor(() => expect(first.seen.at(-1)?.state).toBe('connected'));

		await first.tab.stop();
		await vi.waitFor(() => expect(second.tab.isLeader).toBe(true));
		await vi.waitFor(() => expect(second.seen.at(-1)?.state).toBe('connected'));
		expect(second.socket.sockets).toHaveLength(1);
	});

	it('refuses a reseal in a tab that does not hold the socket', async () => {
		await setUp();
		const locks = new MemoryLocks();
		openTab(locks);
		const second = openTab(locks);
		await expect(second.tab.reseal('alpha')).rejects.toBeInstanceOf(NotLeaderError);
	});

	it('refuses admin changes in a tab that does not hold the socket, and makes them in the one that does', async () => {
		await setUp();
		const locks = new MemoryLocks();
		const first = openTab(locks);
		const second = openTab(locks);
		const { admin } = device.office;
		await expect(second.tab.revokeDevice('someone', admin)).rejects.toBeInstanceOf(NotLeaderError);
		await expect(second.tab.removeAdmin(admin.key, admin)).rejects.toBeInstanceOf(NotLeaderError);
		expect(() => second.tab.admins()).toThrow(NotLeaderError);

		await vi.waitFor(() => expect(first.seen.at(-1)?.state).toBe('connected'));
		expect(first.tab.admins()).toEqual([admin.key]);
		await expect(first.tab.revokeDevice('someone', admin)).rejects.toThrow(/does not list/);
	});

	it('leads at once where there are no Web Locks (Node, old browsers)', async () => {
		await setUp();
		const only = openTab(null);
		expect(only.tab.isLeader).toBe(true);
		await vi.waitFor(() => expect(only.seen.at(-1)?.state).toBe('connected'));
	});
});
