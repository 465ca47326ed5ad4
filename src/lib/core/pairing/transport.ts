/**
 * How the two devices reach each other: a mailbox at the relay, or (in tests) a wire in memory.
 * A transport carries opaque bytes and says whether the other side is there; it trusts nothing
 * and is trusted with nothing — everything that matters is authenticated above it.
 */

export interface PairingTransport {
	/** Sends one message to the other side (queued until the transport is open). */
	send(payload: Uint8Array): void;
	/** Calls back with every message from the other side; returns an unsubscribe. */
	onMessage(callback: (payload: Uint8Array) => void): () => void;
	/** Calls back when the other side arrives (true) or leaves (false); returns an unsubscribe. */
	onPeer(callback: (present: boolean) => void): () => void;
	/** Calls back once if the transport stops by itself (socket lost, relay refused the mailbox). */
	onClose(callback: (reason: string) => void): () => void;
	/** Leaves the mailbox and releases the connection; messages already sent still go out. */
	close(): void;
}

/** Makes a PairingTransport for a mailbox id. */
export type TransportFactory = (mailbox: string) => PairingTransport;

/** Two transports wired to each other in memory, both present from the start. */
export function memoryTransportPair(): [PairingTransport, PairingTransport] {
	const a = new MemoryEnd();
	const b = new MemoryEnd();
	a.other = b;
	b.other = a;
	return [a, b];
}

class MemoryEnd implements PairingTransport {
	other!: MemoryEnd;
	closed = false;
	readonly #messages = new Set<(payload: Uint8Array) => void>();
	readonly #peers = new Set<(present: boolean) => void>();
	// Held until someone listens, as a mailbox would: the other side may speak first.
	readonly #held: Uint8Array[] = [];

	send(payload: Uint8Array): void {
		if (this.closed) return;
		const copy = new Uint8Array(payload);
		// Delivered later and in order, like a network; still delivered if we close meanwhile.
		queueMicrotask(() => this.other.#deliver(copy));
	}

	onMessage(callback: (payload: Uint8Array) => void): () => void {
		this.#messages.add(callback);
		for (const payload of this.#held.splice(0)) queueMicrotask(() => this.#deliver(payload));
		return () => this.#messages.delete(callback);
	}

	onPeer(callback: (present: boolean) => void): () => void {
		this.#peers.add(callback);
		queueMicrotask(() => {
			if (!this.closed && !this.other.closed && this.#peers.has(callback)) callback(true);
		});
		return () => this.#peers.delete(callback);
	}

	onClose(): () => void {
		// A wire in memory never breaks by itself.
		return () => undefined;
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		queueMicrotask(() => this.other.#peerLeft());
	}

	#deliver(payload: Uint8Array): void {
		if (this.closed) return;
		if (this.#messages.size === 0) this.#held.push(payload);
		for (const callback of [...this.#messages]) callback(payload);
	}

	#peerLeft(): void {
		if (this.closed) return;
		for (const callback of [...this.#peers]) callback(false);
	}
}
