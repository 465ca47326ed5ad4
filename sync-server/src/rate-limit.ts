/**
 * Frame rate limiting with token buckets: one per device once authenticated (shared by all its
 * sockets), one per socket before that. A frame that finds its bucket empty is dropped and
 * answered with `ERROR rate-limited`.
 */
import type { Limits } from './limits';

/** A token bucket: `burst` frames at once, refilled at `rate` per second. */
export class TokenBucket {
	private tokens: number;
	private last = performance.now();

	constructor(
		private readonly rate: number,
		private readonly burst: number
	) {
		this.tokens = burst;
	}

	/** Takes one token; false when the bucket is empty. */
	take(): boolean {
		const now = performance.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
		this.last = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

/** The buckets of the devices that have at least one socket open. */
export class DeviceBuckets {
	private readonly buckets = new Map<string, { bucket: TokenBucket; sockets: number }>();

	constructor(private readonly limits: Pick<Limits, 'ratePerSecond' | 'rateBurst'>) {}

	/** A bucket for one unauthenticated socket. */
	forSocket(): TokenBucket {
		return new TokenBucket(this.limits.ratePerSecond, this.limits.rateBurst);
	}

	/** The device's bucket; pair every call with `release` when the socket closes. */
	acquire(officeId: string, deviceId: string): TokenBucket {
		const key = `${officeId}|${deviceId}`;
		let entry = this.buckets.get(key);
		if (!entry) {
			entry = { bucket: this.forSocket(), sockets: 0 };
			this.buckets.set(key, entry);
		}
		entry.sockets += 1;
		return entry.bucket;
	}

	release(officeId: string, deviceId: string): void {
		const key = `${officeId}|${deviceId}`;
		const entry = this.buckets.get(key);
		if (!entry) return;
		entry.sockets -= 1;
		if (entry.sockets <= 0) this.buckets.delete(key);
	}
}
