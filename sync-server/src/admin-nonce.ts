/**
 * A socket's admin nonce (ADMIN_CHALLENGE → ADMIN_NONCE): the fresh value an admin signs into
 * every device or admin change, so a signed change cannot be replayed. One is outstanding per
 * socket (a new challenge replaces it); it is used up by the first change that presents any
 * nonce, matching or not, and expires after `ttlMs`.
 */
import { randomBytes } from 'node:crypto';

export class AdminNonce {
	private value = '';
	private expiresAt = 0;

	constructor(private readonly ttlMs: number) {}

	/** A new nonce (32 random bytes, base64), replacing any outstanding one. */
	issue(): string {
		this.value = randomBytes(32).toString('base64');
		this.expiresAt = Date.now() + this.ttlMs;
		return this.value;
	}

	/** Uses up the outstanding nonce; whether `presented` was it, in time. */
	take(presented: string): boolean {
		const valid = this.value !== '' && presented === this.value && Date.now() <= this.expiresAt;
		this.value = '';
		return valid;
	}
}
