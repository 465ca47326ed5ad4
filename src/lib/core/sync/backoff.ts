/**
 * Reconnect delays: 0.5 s doubling to 30 s, each drawn with jitter (between half and all of the
 * step) so the devices of an office that lost the relay together do not return in lockstep.
 * `reset` after a successful handshake starts the next outage from the first step again.
 */

export interface BackoffOptions {
	initialMs?: number;
	maxMs?: number;
	random?: () => number;
}

export class Backoff {
	readonly #initialMs: number;
	readonly #maxMs: number;
	readonly #random: () => number;
	#attempt = 0;

	constructor(options: BackoffOptions = {}) {
		this.#initialMs = options.initialMs ?? 500;
		this.#maxMs = options.maxMs ?? 30_000;
		this.#random = options.random ?? Math.random;
	}

	/** The delay before the next attempt; each call moves one step further. */
	next(): number {
		const step = Math.min(this.#maxMs, this.#initialMs * 2 ** this.#attempt);
		this.#attempt = Math.min(this.#attempt + 1, 30);
		return Math.round(step / 2 + (step / 2) * this.#random());
	}

	/** Starts again from the first step. */
	reset(): void {
		this.#attempt = 0;
	}
}
