/**
 * The frames one test socket has received and not yet taken. `take` removes the first frame that
 * matches (waiting for it if needed) and leaves the others queued, so a test can read frames in
 * any order. Every frame records its arrival order on the socket.
 */
import { decodeFrame, type Header } from '../src/protocol';

export interface Received<T = Header> {
	type: number;
	header: T;
	payload: Buffer;
	/** Arrival order on this socket. */
	n: number;
}

interface Waiter {
	match: (frame: Received) => boolean;
	resolve: (frame: Received) => void;
	reject: (error: Error) => void;
	timer: NodeJS.Timeout;
}

export class FrameQueue {
	private readonly frames: Received[] = [];
	private waiters: Waiter[] = [];
	private closedBecause: string | undefined;
	private arrivals = 0;

	/** How many frames have arrived so far (the `n` the next one will get). */
	get count(): number {
		return this.arrivals;
	}

	/** Decodes a frame the relay sent (no header limit: relay headers may be large). */
	receive(data: Buffer): void {
		const decoded = decodeFrame(data, () => Number.MAX_SAFE_INTEGER);
		if (!decoded.ok) throw new Error(`the relay sent a malformed frame: ${decoded.reason}`);
		const frame: Received = { ...decoded.frame, n: this.arrivals++ };
		const waiter = this.waiters.find((w) => w.match(frame));
		if (!waiter) {
			this.frames.push(frame);
			return;
		}
		this.waiters = this.waiters.filter((w) => w !== waiter);
		clearTimeout(waiter.timer);
		waiter.resolve(frame);
	}

	/** The first frame matching, now or when it arrives; rejects on timeout or close. */
	take(match: (frame: Received) => boolean, timeoutMs: number, what: string): Promise<Received> {
		const index = this.frames.findIndex(match);
		if (index >= 0) return Promise.resolve(this.frames.splice(index, 1)[0]);
		if (this.closedBecause) return Promise.reject(new Error(this.closedBecause));
		return new Promise((resolve, reject) => {
			const waiter: Waiter = {
				match,
				resolve,
				reject,
				timer: setTimeout(() => {
					this.waiters = this.waiters.filter((w) => w !== waiter);
					reject(new Error(`no ${what} within ${timeoutMs} ms`));
				}, timeoutMs)
			};
			this.waiters.push(waiter);
		});
	}

	/** Queued frames matching, left in the queue. */
	peek(match: (frame: Received) => boolean): Received[] {
		return this.frames.filter(match);
	}

	/** Removes and returns every queued frame matching. */
	takeAll(match: (frame: Received) => boolean): Received[] {
		const taken = this.frames.filter(match);
		for (let i = this.frames.length - 1; i >= 0; i--) {
			if (match(this.frames[i])) this.frames.splice(i, 1);
		}
		return taken;
	}

	/** The socket closed: pending and later `take`s reject. */
	close(reason: string): void {
		this.closedBecause = reason;
		for (const waiter of this.waiters) {
			clearTimeout(waiter.timer);
			waiter.reject(new Error(reason));
		}
		this.waiters = [];
	}
}
