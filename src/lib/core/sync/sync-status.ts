/**
 * What a person is told about sync: connected or not, how many local changes no relay has
 * acknowledged, when this device was last in step, progress through a large backlog, and what
 * the relay sent that this device did not take: updates missing from a writer's chain, snapshots
 * that did not open, items and files held back unverified. The leader tab computes it; other
 * tabs receive copies over a BroadcastChannel (leader.ts).
 */
import type { ChainGap } from './chain-watch';

export type SyncState = 'connecting' | 'connected' | 'offline' | 'refused';

export interface SyncStatus {
	state: SyncState;
	/** Changes this device made that no relay has acknowledged yet: update rows and files. */
	pending: number;
	/** ISO instant this device was last caught up with nothing pending; null if never. */
	lastSyncedAt: string | null;
	/** Progress of the backlog being received, in relay sequence numbers. */
	backlog?: { received: number; total: number };
	/** Why sync is refused or degraded, in words a person can act on. */
	error?: string;
	/** Holes in writers' chains still there after fetching the documents again (gap-review.ts). */
	gaps: ChainGap[];
	/** Documents whose snapshot offered by the relay did not open here (disputed). */
	disputed: string[];
	/** Received items held back: their device is not listed, or their signature is bad. */
	held: number;
	/** Files the relay sent that did not verify and were not stored (since the client started). */
	unverifiedBlobs: number;
}

export type StatusListener = (status: SyncStatus) => void;

export const INITIAL_STATUS: SyncStatus = {
	state: 'offline',
	pending: 0,
	lastSyncedAt: null,
	gaps: [],
	disputed: [],
	held: 0,
	unverifiedBlobs: 0
};

const MESSAGES: Record<string, string> = {
	revoked: 'This device was removed from the office. Ask the office manager to add it again.',
	'unknown-device': 'The sync server does not know this device. Pair it with the office again.',
	'unknown-office': 'The sync server does not know this office.',
	'bad-signature': 'The sync server did not accept this device’s signature.',
	quota: 'The office has used all the storage the sync server allows. Changes stay on this device.',
	'rate-limited': 'The sync server asked this device to slow down; changes are sent shortly.',
	'not-admin': 'Only an office manager can do this: the sync server does not know this key as one.',
	'bad-nonce': 'The sync server asked for a fresh signature. Try again.',
	'last-admin': 'The office needs at least one manager who can add devices.',
	'device-exists':
		'The sync server already lists this device (it may have been removed: restore it instead).',
	'unsupported-version': 'The sync server speaks another version of the sync protocol.',
	'storage-failed': 'Changes from other devices could not be saved on this device; retrying.'
};

/** A person-readable sentence for a relay error code. */
export function describeError(code: string, fallback?: string): string {
	return MESSAGES[code] ?? fallback ?? `The sync server reported a problem (${code}).`;
}

/** Holds the current status and tells subscribers about every change. */
export class StatusStore {
	#status: SyncStatus = INITIAL_STATUS;
	readonly #listeners = new Set<StatusListener>();

	get current(): SyncStatus {
		return this.#status;
	}

	/** Merges a change into the status; listeners hear only real changes. */
	update(change: Partial<SyncStatus>): void {
		const next: SyncStatus = { ...this.#status, ...change };
		for (const key of Object.keys(change) as (keyof SyncStatus)[]) {
			if (change[key] === undefined) delete next[key];
		}
		if (sameStatus(next, this.#status)) return;
		this.#status = next;
		for (const listener of this.#listeners) listener(next);
	}

	/** Calls the listener now and after every change; returns an unsubscribe. */
	subscribe(listener: StatusListener): () => void {
		this.#listeners.add(listener);
		listener(this.#status);
		return () => this.#listeners.delete(listener);
	}
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
