/**
 * The sync client's ears and voice on this device. It hears of local writes — from this tab's
 * DocumentStore directly, from other tabs through the documents BroadcastChannel — so the outbox
 * pushes at once instead of polling. It tells open documents about rows it stored: through the
 * DocumentStore (this tab catches up, the others get the channel notice), or, with no documents
 * open here (signed out), on the channel alone.
 */
import type { DocumentStore } from '../documents/document-store';

export class LocalNotices {
	#channel: BroadcastChannel | null = null;
	#documents: DocumentStore | undefined;
	#stopStore: (() => void) | undefined;
	#onWrite: () => void = () => undefined;

	/** Starts listening; `channelName` null turns the channel off. */
	start(channelName: string | null, documents: DocumentStore | undefined, onWrite: () => void) {
		this.stop();
		this.#onWrite = onWrite;
		if (channelName !== null && typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(channelName);
			this.#channel.addEventListener('message', () => this.#onWrite());
		}
		this.attach(documents);
	}

	/** Listens to these documents from now on (or to none). */
	attach(documents: DocumentStore | undefined): void {
		this.#stopStore?.();
		this.#documents = documents;
		this.#stopStore = documents?.onWritten(() => this.#onWrite());
	}

	/** Rows of `docId` were stored: open documents catch up. */
	stored(docId: string): void {
		if (this.#documents) void this.#documents.notifyStored(docId).catch(() => undefined);
		else this.#channel?.postMessage({ docId });
	}

	stop(): void {
		this.#stopStore?.();
		this.#stopStore = undefined;
		this.#channel?.close();
		this.#channel = null;
	}
}
