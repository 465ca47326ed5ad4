/**
 * A `ws` WebSocket class for SyncClients that lets a benchmark wait for a frame the relay sends
 * (CAUGHT_UP, SNAPSHOT_ACK). The client has no event for them, and waiting on the frame itself
 * adds nothing to what is timed, where polling would add its interval. Only frames of a type
 * someone waits for are decoded, so watching costs nothing on large backlog pages.
 */
import WebSocket from 'ws';
import { decodeFrame, MAX_RELAY_HEADER_BYTES, MESSAGE_TYPES } from '$lib/core/sync/protocol';
import type { MessageName } from '$lib/core/sync/protocol';
import type { WebSocketConstructor } from '$lib/core/sync';

type Header = Record<string, unknown>;

interface Waiter {
	type: number;
	match: (header: Header) => boolean;
	resolve: () => void;
}

export class WatchedSockets {
	readonly WebSocketImpl: WebSocketConstructor;
	readonly #sockets = new Set<WebSocket>();
	readonly #waiters = new Set<Waiter>();

	constructor() {
		const watch = (socket: WebSocket) => this.#watch(socket);
		class Watched extends WebSocket {
			constructor(url: string) {
				super(url, { perMessageDeflate: false });
				watch(this);
			}
		}
		this.WebSocketImpl = Watched as unknown as WebSocketConstructor;
	}

	/** Resolves when a frame of this type (and matching header) arrives on any socket. */
	next(
		name: MessageName,
		match: (header: Header) => boolean = () => true,
		timeoutMs = 30_000
	): Promise<void> {
		return new Promise((resolve, reject) => {
			const waiter: Waiter = {
				type: MESSAGE_TYPES[name],
				match,
				resolve: () => {
					clearTimeout(timer);
					resolve();
				}
			};
			const timer = setTimeout(() => {
				this.#waiters.delete(waiter);
				reject(new Error(`No ${name} from the relay within ${timeoutMs} ms.`));
			}, timeoutMs);
			this.#waiters.add(waiter);
		});
	}

	/** Cuts every socket still open (cleanup after a failure; clients close their own normally). */
	terminateAll(): void {
		for (const socket of this.#sockets) socket.terminate();
		this.#sockets.clear();
	}

	#watch(socket: WebSocket): void {
		this.#sockets.add(socket);
		socket.on('close', () => this.#sockets.delete(socket));
		socket.on('message', (data: unknown) => {
			if (this.#waiters.size === 0) return;
			const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array);
			const waiting = [...this.#waiters].filter((waiter) => waiter.type === bytes[0]);
			if (waiting.length === 0) return;
			const decoded = decodeFrame(bytes, { maxHeaderBytes: MAX_RELAY_HEADER_BYTES });
			if (!decoded.ok) return;
			for (const waiter of waiting) {
				if (!waiter.match(decoded.frame.header)) continue;
				this.#waiters.delete(waiter);
				waiter.resolve();
			}
		});
	}
}
