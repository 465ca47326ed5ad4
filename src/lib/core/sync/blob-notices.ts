/**
 * How the sync client hears about blob work: every tab's LocalBlobStore posts on the blob
 * channel after storing a blob or asking for one, and a timer asks again, now and then, for
 * blobs the relay did not have yet (another device may have uploaded them since).
 */

export class BlobNotices {
	#channel: BroadcastChannel | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;

	/** Starts listening on `channelName` (null: no channel) and retrying every `retryMs`. */
	start(
		channelName: string | null,
		retryMs: number,
		handlers: { onNotice: () => void; onRetry: () => void }
	): void {
		this.stop();
		if (channelName !== null && typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(channelName);
			this.#channel.addEventListener('message', () => handlers.onNotice());
		}
		this.#timer = setInterval(() => handlers.onRetry(), retryMs);
	}

	stop(): void {
		this.#channel?.close();
		this.#channel = null;
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}
}
