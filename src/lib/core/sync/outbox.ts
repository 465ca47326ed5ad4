/**
 * Pushes this device's unsynced rows — the outbox is the update log itself — in row id order,
 * which is the `deviceSeq` the relay dedupes by. Up to `maxInFlight` pushes are pipelined on the
 * socket, paced by a token bucket below the relay's per-device rate limit. A row is marked synced
 * only when its ACK arrives; on a new connection everything unacknowledged is pushed again and
 * the relay acknowledges what it already stored without keeping a second copy.
 *
 * The relay remembers the highest `deviceSeq` it stored per device and treats anything lower as a
 * retransmission. So a push the relay refused (or dropped) while a later one was stored must never
 * be sent again under its old id: it is moved to a fresh, higher row id (outbox-rows.ts) and
 * pushed again from there. Two signs tell: an ERROR naming the push, or an ACK for a later push
 * while this one is unanswered. The safety net for refusals this client never saw (the socket
 * dropped first) is the ACK of a repeat with `seq: 0` — "taken for a repeat, but I hold no such
 * item": the row is moved and pushed again. At worst the relay then stores an item twice (the
 * first copy was compacted), which Yjs applies as a no-op. Marks are batched into one
 * transaction per burst of ACKs, which also moves a document's cursor past an acknowledged item
 * that directly follows it (outbox-rows.ts).
 */
import { toBase64 } from '../bytes';
import type { OfficeDatabase } from '../storage/db';
import type { ClientMessage } from './messages';
import { markSynced, moveToEnd, nextUnsynced, type AckedItem } from './outbox-rows';
import { signItem } from './signing-text';
import { TokenBucket } from './token-bucket';

export interface OutboxOptions {
	db: OfficeDatabase;
	deviceId: string;
	signingKey: CryptoKey;
	maxInFlight?: number;
	/** Pushes per second and burst; keep below the relay's RATE_PER_SECOND / RATE_BURST. */
	rate?: { perSecond: number; burst: number };
	/** Called after rows were marked synced or moved (the pending count changed). */
	onChanged?: () => void;
	/** Called when a row could not be marked or moved (IndexedDB failed). */
	onError?: (cause: unknown) => void;
}

type Send = (message: ClientMessage) => boolean;

export class Outbox {
	readonly #options: OutboxOptions;
	readonly #maxInFlight: number;
	readonly #bucket: TokenBucket;
	/** deviceSeq → docId, in the order sent. */
	readonly #inFlight = new Map<number, string>();
	#send: Send | null = null;
	#session = 0;
	#position = 0;
	#filling = false;
	#fillAgain = false;
	#pausedUntil = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	/** Pushes the relay refused without naming them (rate limited, a failed batch). */
	#unnamedRefusals = 0;
	#toMark: number[] = [];
	/** Relay seqs of the acknowledged pushes, which may move their documents' cursors. */
	#acked: AckedItem[] = [];
	#marking: Promise<void> | null = null;

	constructor(options: OutboxOptions) {
		this.#options = options;
		this.#maxInFlight = options.maxInFlight ?? 64;
		const rate = options.rate ?? { perSecond: 150, burst: 1500 };
		this.#bucket = new TokenBucket(rate.perSecond, rate.burst);
	}

	/** Pushes sent and not yet acknowledged. */
	get inFlight(): number {
		return this.#inFlight.size;
	}

	/** Starts pushing on a new authenticated connection. */
	begin(send: Send): void {
		this.end();
		this.#send = send;
		this.fill();
	}

	/** Forgets the connection; whatever was in flight is pushed again on the next one. */
	end(): void {
		this.#session++;
		this.#send = null;
		this.#inFlight.clear();
		this.#position = 0;
		this.#pausedUntil = 0;
		this.#unnamedRefusals = 0;
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}

	/** Resolves once every acknowledged row is marked synced. */
	async settle(): Promise<void> {
		while (this.#marking) await this.#marking;
	}

	/** Stops pushing for a while (rate limited, quota), then resumes. */
	pause(ms: number): void {
		this.#pausedUntil = Date.now() + ms;
		this.#wakeIn(ms);
	}

	/** Looks for rows to push now (a write happened, a slot freed up). */
	fill(): void {
		if (this.#filling) {
			this.#fillAgain = true;
			return;
		}
		this.#filling = true;
		void this.#fillLoop();
	}

	/**
	 * The relay answered the push `deviceSeq` with an ACK: it holds the item (`seq` > 0), or took
	 * the push for a repeat of an item it no longer holds (`seq` 0), which is then pushed anew.
	 */
	acknowledge(deviceSeq: number, seq: number): void {
		const skipped: number[] = [];
		const docId = this.#inFlight.get(deviceSeq);
		if (docId !== undefined && seq > 0) this.#acked.push({ docId, seq });
		if (this.#inFlight.has(deviceSeq)) {
			for (const id of this.#inFlight.keys()) {
				if (id === deviceSeq) break;
				skipped.push(id);
			}
			for (const id of skipped) this.#inFlight.delete(id);
			this.#inFlight.delete(deviceSeq);
		}
		if (seq > 0) this.#mark(deviceSeq);
		else skipped.push(deviceSeq);
		// Acknowledged past them: the relay dropped these, and would now take them for repeats.
		if (skipped.length > 0) {
			const dropped = seq > 0 ? skipped.length : skipped.length - 1;
			this.#unnamedRefusals = Math.max(0, this.#unnamedRefusals - dropped);
			this.#move(skipped);
		}
		this.#reconcile();
		this.fill();
	}

	/** The relay refused the push `deviceSeq`; returns whether it was one of ours in flight. */
	refuse(deviceSeq: number): boolean {
		if (!this.#inFlight.delete(deviceSeq)) return false;
		this.#move([deviceSeq]);
		return true;
	}

	/** The relay refused a push without saying which (it answers every push exactly once). */
	refuseUnnamed(): void {
		this.#unnamedRefusals++;
		this.#reconcile();
	}

	/** When every push still in flight has been answered by an unnamed refusal, push them anew. */
	#reconcile(): void {
		if (this.#unnamedRefusals === 0 || this.#inFlight.size > this.#unnamedRefusals) return;
		const ids = [...this.#inFlight.keys()];
		this.#inFlight.clear();
		this.#unnamedRefusals = 0;
		if (ids.length > 0) this.#move(ids);
	}

	async #fillLoop(): Promise<void> {
		try {
			do {
				this.#fillAgain = false;
				await this.#fillOnce().catch((cause: unknown) => this.#options.onError?.(cause));
			} while (this.#fillAgain);
		} finally {
			// In the same turn as the last check: a fill() after this starts a new loop.
			this.#filling = false;
		}
	}

	async #fillOnce(): Promise<void> {
		const session = this.#session;
		while (this.#send && session === this.#session) {
			const wait = Math.max(this.#pausedUntil - Date.now(), this.#bucket.waitMs());
			if (wait > 0) return this.#wakeIn(wait);
			const room = Math.min(this.#maxInFlight - this.#inFlight.size, this.#bucket.available());
			if (room <= 0) return;
			const { db, deviceId, signingKey } = this.#options;
			const rows = await nextUnsynced(db, deviceId, this.#position, room);
			if (rows.length === 0) return;
			const messages = await Promise.all(
				rows.map(async (row): Promise<ClientMessage> => {
					const facts = {
						docId: row.docId,
						deviceSeq: row.id!,
						epoch: row.epoch,
						nonce: toBase64(row.nonce),
						link: row.link ?? ''
					};
					const signature = await signItem(
						signingKey,
						{ kind: 'update', ...facts },
						row.ciphertext
					);
					return { type: 'PUSH', header: { ...facts, signature }, payload: row.ciphertext };
				})
			);
			if (session !== this.#session || !this.#send) return;
			for (const message of messages) {
				if (message.type !== 'PUSH' || !this.#send(message)) return;
				this.#inFlight.set(message.header.deviceSeq, message.header.docId);
				this.#position = message.header.deviceSeq;
				this.#bucket.take();
			}
		}
	}

	#wakeIn(ms: number): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			this.fill();
		}, ms);
	}

	#mark(deviceSeq: number): void {
		this.#toMark.push(deviceSeq);
		this.#marking ??= this.#markLoop();
	}

	async #markLoop(): Promise<void> {
		try {
			while (this.#toMark.length > 0) {
				const batch = this.#toMark;
				const acked = this.#acked;
				this.#toMark = [];
				this.#acked = [];
				try {
					await markSynced(this.#options.db, batch, acked);
					this.#options.onChanged?.();
				} catch (cause) {
					// Not marked: pushed again on the next connection and acknowledged as repeats.
					this.#options.onError?.(cause);
				}
			}
		} finally {
			// In the same turn as the last check: a mark after this starts a new loop.
			this.#marking = null;
		}
	}

	#move(ids: number[]): void {
		moveToEnd(this.#options.db, ids).then(
			() => {
				this.#options.onChanged?.();
				this.fill();
			},
			(cause: unknown) => this.#options.onError?.(cause)
		);
	}
}
