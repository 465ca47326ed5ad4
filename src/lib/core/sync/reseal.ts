/**
 * A fresh relay snapshot of one document, asked for now rather than after 500 items: after a key
 * rotation every document of the area is resealed under the new epoch, and the relay drops the
 * old ciphertext its snapshot covers (docs/sync-protocol.md, "Fresh snapshots after a key
 * rotation").
 *
 * `covers` must be a seq up to which this device has stored every item: its cursor, or past it
 * over its own acknowledged items (`storedThrough`, outbox-rows.ts). So first the connection's
 * backlog must have arrived (CAUGHT_UP), and this device's unsynced rows of the document are
 * given a while to be acknowledged, so the snapshot folds them too; rows still unsynced after that are left to
 * a later snapshot. A snapshot of the document already in flight is answered first: one per
 * document at a time. The sealing itself, and its rules (never an incomplete document, never more
 * than a frame), are RelaySnapshots'.
 *
 * Outcomes: 'sent' once the relay answered SNAPSHOT_ACK (stored as pending: another device
 * still has to confirm it before the old items go; `SyncClient.onSnapshotDone` tells) — or at
 * once when that seq is 0 after the backlog: the relay holds nothing of the document this device
 * knows of, so there is no old ciphertext to replace and nothing is sent (covers must be ≥ 1).
 * 'offline' when there is no connection, it was lost, the relay refused (a stale snapshot, the
 * quota, a countersignature it does not take) or did not answer in time: asking again later may
 * succeed. 'no-admin' when no manager is signed in here (the relay takes a snapshot only with a
 * manager's countersignature). 'gap' when this device misses updates of the document (a hole in
 * a chain). 'too-large' and 'unreadable' (incomplete here, an item held back unverified, no key,
 * or no documents attached) will not change by asking again on this device.
 */
import type { OfficeDatabase } from '../storage/db';
import type { ClientMessage } from './messages';
import type { RelaySnapshots, SnapshotOutcome, SnapshotSource } from './relay-snapshots';
import type { Session } from './session';
import { storedThrough } from './outbox-rows';

export const DEFAULT_RESEAL_TIMEOUT_MS = 30_000;
const POLL_MS = 25;

export interface ResealContext {
	db: OfficeDatabase;
	/** The current connection's session; null while offline. */
	session: () => Session | null;
	snapshots: RelaySnapshots;
	source: () => SnapshotSource | undefined;
	send: (message: ClientMessage) => boolean;
}

/** Seals and sends a snapshot of the document covering its cursor; resolves what became of it. */
export async function resealDocument(
	docId: string,
	context: ResealContext,
	timeoutMs = DEFAULT_RESEAL_TIMEOUT_MS
): Promise<SnapshotOutcome> {
	const deadline = Date.now() + timeoutMs;
	const source = context.source();
	if (!source) return 'unreadable';
	if (!source.admin) return 'no-admin';
	const ready = await readyToSeal(docId, context, deadline);
	if (ready !== 'ready') return ready;
	const covers = await storedThrough(context.db, docId);
	if (covers === 0) return 'sent';
	const { snapshots } = context;
	const outcome = await snapshots.sendNow(docId, covers, source, context.send);
	if (outcome !== 'sent') return outcome;
	const waitMs = Math.max(deadline - Date.now(), 5000);
	return (await within(snapshots.answer(docId), waitMs, false)) ? 'sent' : 'offline';
}

/** Waits for the backlog, the document's outbox and any snapshot of it in flight. */
async function readyToSeal(
	docId: string,
	context: ResealContext,
	deadline: number
): Promise<'ready' | 'offline'> {
	// Half the time for the outbox: a row that never gets through must not block the snapshot.
	const outboxDeadline = Date.now() + (deadline - Date.now()) / 2;
	for (;;) {
		const session = context.session();
		if (!session) return 'offline';
		const inFlight = context.snapshots.isInFlight(docId);
		if (!inFlight && session.caughtUp) {
			if (Date.now() >= outboxDeadline || !(await hasUnsynced(context.db, docId))) return 'ready';
		}
		if (Date.now() >= deadline) return 'offline';
		if (inFlight) await within(context.snapshots.answer(docId), POLL_MS, false);
		else await sleep(POLL_MS);
	}
}

function hasUnsynced(db: OfficeDatabase, docId: string): Promise<boolean> {
	return db.updates
		.where('synced')
		.equals(0)
		.filter((row) => row.docId === docId)
		.first()
		.then((row) => row !== undefined);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The promise's value, or `fallback` after `ms`. */
function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
