/**
 * A pairing mailbox at the relay, over a WebSocket of its own (docs/sync-protocol.md, PAIR_*).
 * The relay sees the mailbox id and opaque payloads, nothing more. Any ERROR ends the transport:
 * a refused or dropped pairing message would leave the handshake waiting forever.
 */
import { encodeClientMessage, type ClientMessage } from '../sync/messages';
import { readRelayMessage } from '../sync/relay-messages';
import { defaultWebSocket, type SocketLike, type WebSocketConstructor } from '../sync/socket';
import type { PairingTransport } from './transport';

export interface RelayTransportOptions {
	/** The relay's address (ws, wss, http or https); the socket goes to its `/sync` path. */
	url: string;
	/** 64 hex characters, from deriveCodeSecrets. */
	mailbox: string;
	/** For Node and tests; the browser's WebSocket otherwise. */
	WebSocketImpl?: WebSocketConstructor;
}

/** Opens the mailbox at the relay; messages sent before the socket is open are queued. */
export function relayPairingTransport(options: RelayTransportOptions): PairingTransport {
	const Impl = options.WebSocketImpl ?? defaultWebSocket();
	return new RelayTransport(new Impl(relaySocketUrl(options.url)), options.mailbox);
}

/** The WebSocket address of a relay: ws(s), path ending in `/sync`. */
export function relaySocketUrl(relayUrl: string): string {
	const url = new URL(relayUrl);
	if (url.protocol === 'http:') url.protocol = 'ws:';
	if (url.protocol === 'https:') url.protocol = 'wss:';
	if (!url.pathname.endsWith('/sync')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/sync`;
	return url.toString();
}

class RelayTransport implements PairingTransport {
	readonly #messages = new Set<(payload: Uint8Array) => void>();
	readonly #peers = new Set<(present: boolean) => void>();
	readonly #closes = new Set<(reason: string) => void>();
	readonly #queue: Uint8Array[] = [];
	#open = false;
	#closed = false;

	constructor(
		private readonly socket: SocketLike,
		private readonly mailbox: string
	) {
		socket.binaryType = 'arraybuffer';
		socket.onopen = () => {
			this.#open = true;
			this.#write({ type: 'PAIR_OPEN', header: { mailbox } });
			for (const payload of this.#queue.splice(0)) this.#sendNow(payload);
		};
		socket.onmessage = (event: MessageEvent) => this.#receive(event.data);
		socket.onclose = (event: CloseEvent) =>
			this.#stop(`The relay closed the connection (${event.code}).`);
		// A failed socket is always followed by a close event, which reports it.
		socket.onerror = () => undefined;
	}

	send(payload: Uint8Array): void {
		if (this.#closed) return;
		if (this.#open) this.#sendNow(payload);
		else this.#queue.push(payload);
	}

	onMessage(callback: (payload: Uint8Array) => void): () => void {
		this.#messages.add(callback);
		return () => this.#messages.delete(callback);
	}

	onPeer(callback: (present: boolean) => void): () => void {
		this.#peers.add(callback);
		return () => this.#peers.delete(callback);
	}

	onClose(callback: (reason: string) => void): () => void {
		this.#closes.add(callback);
		return () => this.#closes.delete(callback);
	}

	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.socket.close(1000);
	}

	#sendNow(payload: Uint8Array): void {
		this.#write({ type: 'PAIR_MSG', header: { mailbox: this.mailbox }, payload });
	}

	#write(message: ClientMessage): void {
		this.socket.send(encodeClientMessage(message));
	}

	#receive(data: unknown): void {
		if (this.#closed) return;
		const message = readRelayMessage(data);
		if (message.type === 'PAIR_MSG' && message.header.mailbox === this.mailbox) {
			for (const callback of [...this.#messages]) callback(message.payload);
		} else if (message.type === 'PAIR_PEER' && message.header.mailbox === this.mailbox) {
			for (const callback of [...this.#peers]) callback(message.header.present);
		} else if (message.type === 'ERROR') {
			this.#stop(`The relay refused the pairing (${message.header.code}).`);
		}
		// Anything else (PONG, frames for other mailboxes, invalid frames) means nothing here.
	}

	#stop(reason: string): void {
		if (this.#closed) return;
		this.#closed = true;
		for (const callback of [...this.#closes]) callback(reason);
		this.socket.close(1000);
	}
}
