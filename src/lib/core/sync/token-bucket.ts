/**
 * A token bucket: `burst` tokens at most, refilled at `perSecond`. The outbox spends one per push
 * so a long offline outbox drains below the relay's per-device rate limit instead of into it.
 */

export class TokenBucket {
	#tokens: number;
	#updatedAt: number;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
		private readonly now: () => number = () => performance.now()
	) {
		this.#tokens = burst;
		this.#updatedAt = now();
	}

	/** Whole tokens available now. */
	available(): number {
		this.#refill();
		return Math.floor(this.#tokens);
	}

	/** Milliseconds until one token is available (0 if one is). */
	waitMs(): number {
		this.#refill();
		return this.#tokens >= 1 ? 0 : Math.ceil(((1 - this.#tokens) / this.perSecond) * 1000);
	}

	/** Spends one token. */
	take(): void {
		this.#refill();
		this.#tokens -= 1;
	}

	#refill(): void {
		const now = this.now();
		const elapsed = (now - this.#updatedAt) / 1000;
		this.#updatedAt = now;
		this.#tokens = Math.min(this.burst, this.#tokens + elapsed * this.perSecond);
	}
}
