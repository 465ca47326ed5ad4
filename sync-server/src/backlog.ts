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
 * Pages are sent at the pace the socket drains, so a large backlog never sits in memory.
 */
import type { RelayContext } from './context';
import { encodeFrame, MSG } from './protocol';
import { updatesFrame } from './updates';

export interface BacklogHost {
	readonly conn: number;
	readonly officeId: string;
	readonly ctx: RelayContext;
	isOpen(): boolean;
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

	constructor(private readonly host: BacklogHost) {}

	/** Whether newly stored items of this document may be forwarded live now. */
	follows(docId: string): boolean {
		return this.subscribed && !(this.pending?.has(docId) ?? false);
	}

	/** Starts (or restarts) sending everything past the cursors; absent documents from 0. */
	start(cursors: ReadonlyMap<string, number>): void {
		const generation = ++this.generation;
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
	}

	private step(generation: number, docs: Pending[], index: number): void {
		if (generation !== this.generation || !this.host.isOpen()) return;
		if (index >= docs.length) {
			this.pending = undefined;
			this.host.send(encodeFrame(MSG.CAUGHT_UP, {}));
			this.host.ctx.log('caught-up', { conn: this.host.conn, count: docs.length });
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
}
