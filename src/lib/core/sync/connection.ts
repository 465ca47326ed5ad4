/**
 * One WebSocket to the relay and its handshake: HELLO → CHALLENGE → AUTH (or REGISTER, which
 * names the office's first admin with its proof) → READY.
 * After READY every valid frame goes to `onMessage`, in the order received. The connection ends
 * exactly once, with the reason: a fatal ERROR (the relay refused this device), a frame that is
 * not valid protocol, silence past the heartbeat, or the socket closing. A PING goes out every
 * `pingIntervalMs`; a relay silent for two intervals is taken for gone (browsers do not expose
 * WebSocket-level pings, and a half-open socket can otherwise look alive for minutes).
 */
import { toBase64 } from '../bytes';
import type { AdminKeyProof } from './admin-signer';
import {
	encodeClientMessage,
	type ClientMessage,
	type DeviceList,
	type ErrorHeader,
	type RelayMessage
} from './messages';
import { PROTOCOL_VERSION } from './protocol';
import { readRelayMessage } from './relay-messages';
import { signAuth } from './signing-text';
import { SOCKET_OPEN, type SocketLike, type WebSocketConstructor } from './socket';

export interface ConnectionOptions {
	WebSocketImpl: WebSocketConstructor;
	url: string;
	officeId: string;
	deviceId: string;
	signingKey: CryptoKey;
	signingPublicRaw: Uint8Array;
	/** Send REGISTER (create the office on the relay, with this first admin) instead of AUTH. */
	register: AdminKeyProof | null;
	pingIntervalMs: number;
}

export type CloseReason =
	| { kind: 'refused'; error: ErrorHeader }
	| { kind: 'invalid'; detail: string }
	| { kind: 'silent' }
	| { kind: 'closed'; code: number }
	/** Documents had their cursors reset to be fetched again (gap-review.ts): reconnect now. */
	| { kind: 'refetch' }
	| { kind: 'local' };

export interface ConnectionEvents {
	onReady(list: DeviceList): void;
	onMessage(message: RelayMessage): void;
	onClose(reason: CloseReason): void;
}

export class Connection {
	readonly #socket: SocketLike;
	#ready = false;
	#ended = false;
	#heardAt = Date.now();
	readonly #heartbeat: ReturnType<typeof setInterval>;

	constructor(
		private readonly options: ConnectionOptions,
		private readonly events: ConnectionEvents
	) {
		const socket = new options.WebSocketImpl(options.url);
		this.#socket = socket;
		socket.binaryType = 'arraybuffer';
		socket.onopen = () => {
			const { officeId, deviceId } = options;
			this.send({ type: 'HELLO', header: { v: PROTOCOL_VERSION, officeId, deviceId } });
		};
		socket.onmessage = (event) => this.#receive(event.data);
		socket.onclose = (event) => this.#end({ kind: 'closed', code: event.code });
		socket.onerror = () => undefined;
		this.#heartbeat = setInterval(() => this.#beat(), options.pingIntervalMs);
	}

	/** Sends a message; false when the socket is not open (the caller retries on reconnect). */
	send(message: ClientMessage): boolean {
		if (this.#ended || this.#socket.readyState !== SOCKET_OPEN) return false;
		try {
			this.#socket.send(encodeClientMessage(message));
			return true;
		} catch {
			return false;
		}
	}

	/** Closes the socket; `onClose` runs with the given reason unless it already ran. */
	close(reason: CloseReason = { kind: 'local' }): void {
		this.#end(reason);
	}

	#receive(data: unknown): void {
		if (this.#ended) return;
		this.#heardAt = Date.now();
		const message = readRelayMessage(data);
		if (message.type === 'invalid') return this.#end({ kind: 'invalid', detail: message.reason });
		if (message.type === 'ERROR' && message.header.fatal) {
			return this.#end({ kind: 'refused', error: message.header });
		}
		if (this.#ready) return this.events.onMessage(message);
		if (message.type === 'CHALLENGE') return void this.#answer(message.header.nonce);
		if (message.type === 'READY') {
			this.#ready = true;
			return this.events.onReady(message.header);
		}
	}

	async #answer(nonce: string): Promise<void> {
		const { signingKey, officeId, deviceId, signingPublicRaw, register } = this.options;
		try {
			const signature = await signAuth(signingKey, officeId, deviceId, nonce);
			const publicKey = toBase64(signingPublicRaw);
			this.send(
				register
					? { type: 'REGISTER', header: { publicKey, signature, admin: register } }
					: { type: 'AUTH', header: { signature } }
			);
		} catch {
			this.#end({ kind: 'invalid', detail: 'The device key could not sign.' });
		}
	}

	#beat(): void {
		if (Date.now() - this.#heardAt > 2 * this.options.pingIntervalMs) {
			return this.#end({ kind: 'silent' });
		}
		this.send({ type: 'PING', header: {} });
	}

	#end(reason: CloseReason): void {
		if (this.#ended) return;
		this.#ended = true;
		clearInterval(this.#heartbeat);
		const socket = this.#socket;
		socket.onopen = socket.onmessage = socket.onclose = null;
		try {
			socket.close(reason.kind === 'local' || reason.kind === 'refetch' ? 1000 : 4000);
		} catch {
			// Already closed or never opened: nothing to release.
		}
		this.events.onClose(reason);
	}
}
