/**
 * Sending a socket the backlog it asked for with SUBSCRIBE, page by page, then CAUGHT_UP.
 *
 * Ordering invariant: a client stores items in seq order per document (its cursor is the highest
 * seq it holds), so a live item must never overtake the backlog of its document. While a
 * document is pending here, live items of it are not forwarded; every page is read fresh from
 * the store up to the then-latest seq, so they arrive with the backlog instead. Once the last
 * page of a document is read (synchronously with the check that it was the last), later items
 * of that document go live. Reads, commits and fan-out all run on the one JS thread, so no item
 * can slip between the two.
 *
 * After the last page of every document come the SNAPSHOT_OFFERs of the office's pending
 * snapshots that other devices wrote, then CAUGHT_UP. The list is read in the same turn that the
 * socket starts taking offers live, so each pending snapshot reaches it once per SUBSCRIBE:
 * listed if it was pending by then, live if it was stored later.
 *
 * Pages and offers are sent at the pace the socket drains, so a large backlog never sits in
 * memory; an offer that would pass the socket's send-buffer bound is skipped (the next
 * SUBSCRIBE offers it again).
 */
import type { PendingRef } from './compaction';
import type { RelayContext } from './context';
import { encodeFrame, MSG } from './protocol';
import { offerFrame, updatesFrame } from './updates';

export interface BacklogHost {
	readonly conn: number;
	readonly officeId: string;
	readonly deviceKey: number;
	readonly ctx: RelayContext;
	isOpen(): boolean;
	/** Whether `bytes` more may be queued without passing the send-buffer bound. */
	hasRoomFor(bytes: number): boolean;
	/** Sends a frame; `drained` runs once the socket has room for more. */
	sendPaced(frame: Buffer, drained: () => void): void;
	send(frame: Buffer): void;
	internalError(error: unknown, type: number): void;
}

interface Pending {
	key: number;
	docId: string;
	cursor: number;
}

export class Backlog {
	private generation = 0;
	private pending: Set<string> | undefined;
	private subscribed = false;
	private offersLive = false;

	constructor(private readonly host: BacklogHost) {}

	/** Whether newly stored items of this document may be forwarded live now. */
	follows(docId: string): boolean {
		return this.subscribed && !(this.pending?.has(docId) ?? false);
	}

	/** Whether newly stored pending snapshots may be offered live now. */
	takesOffers(): boolean {
		return this.offersLive;
	}

	/** Starts (or restarts) sending everything past the cursors; absent documents from 0. */
	start(cursors: ReadonlyMap<string, number>): void {
		const generation = ++this.generation;
		this.offersLive = false;
		const docs: Pending[] = [];
		for (const doc of this.host.ctx.store.documents.list(this.host.officeId)) {
			const cursor = cursors.get(doc.docId) ?? 0;
			if (doc.latest > cursor) docs.push({ key: doc.key, docId: doc.docId, cursor });
		}
		this.pending = new Set(docs.map((doc) => doc.docId));
		this.subscribed = true;
		this.host.ctx.log('subscribe', { conn: this.host.conn, count: docs.length });
		this.step(generation, docs, 0);
	}

	/** Stops sending (socket closed). */
	cancel(): void {
		this.generation += 1;
		this.pending = undefined;
		this.subscribed = false;
		this.offersLive = false;
	}

	private step(generation: number, docs: Pending[], index: number): void {
		if (generation !== this.generation || !this.host.isOpen()) return;
		if (index >= docs.length) {
			this.pending = undefined;
			this.startOffers(generation, docs.length);
			return;
		}
		const doc = docs[index];
		const { pageMaxItems, pageMaxBytes } = this.host.ctx.limits;
		let frame: Buffer | undefined;
		try {
			const page = this.host.ctx.store.documents.page(
				doc.key,
				doc.cursor,
				pageMaxItems,
				pageMaxBytes
			);
			const last = page.items.at(-1);
			if (last) {
				frame = updatesFrame(doc.docId, page.items, page);
				doc.cursor = Math.max(doc.cursor, last.seq);
			}
			// No items although more were announced cannot happen (seqs are contiguous); never spin.
			if (!page.more || !last) {
				this.pending?.delete(doc.docId);
				index += 1;
			}
		} catch (error) {
			this.cancel();
			this.host.internalError(error, MSG.SUBSCRIBE);
			return;
		}
		const next = () => this.step(generation, docs, index);
		if (frame) this.host.sendPaced(frame, next);
		else setImmediate(next);
	}

	private startOffers(generation: number, documents: number): void {
		let offers: PendingRef[];
		try {
			const { deviceKey } = this.host;
			offers = this.host.ctx.store.compaction
				.pendingOf(this.host.officeId)
				.filter((ref) => ref.deviceKey !== deviceKey);
		} catch (error) {
			this.cancel();
			this.host.internalError(error, MSG.SUBSCRIBE);
			return;
		}
		this.offersLive = true;
		this.offer(generation, offers, 0, documents);
	}

	private offer(generation: number, offers: PendingRef[], index: number, documents: number): void {
		if (generation !== this.generation || !this.host.isOpen()) return;
		if (index >= offers.length) {
			this.host.send(encodeFrame(MSG.CAUGHT_UP, {}));
			this.host.ctx.log('caught-up', { conn: this.host.conn, count: documents });
			return;
		}
		const ref = offers[index];
		let frame: Buffer | undefined;
		try {
			const snapshot = this.host.ctx.store.compaction.pending(ref.docKey);
			// Gone or replaced since it was listed: a replacement was offered live.
			if (snapshot?.nonce.equals(ref.nonce)) frame = offerFrame(snapshot);
		} catch (error) {
			this.cancel();
			this.host.internalError(error, MSG.SUBSCRIBE);
			return;
		}
		const next = () => this.offer(generation, offers, index + 1, documents);
		if (frame && this.host.hasRoomFor(frame.length)) this.host.sendPaced(frame, next);
		else setImmediate(next);
	}
}
