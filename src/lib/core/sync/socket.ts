/**
 * The little of WebSocket the sync client uses, so the browser's WebSocket and Node's `ws`
 * (tests, Node 20 has no global WebSocket) both fit. The client takes the constructor as an
 * option and defaults to the global one.
 */

export interface SocketLike {
	binaryType: BinaryType;
	readonly readyState: number;
	send(data: Uint8Array<ArrayBuffer>): void;
	close(code?: number, reason?: string): void;
	onopen: ((event: Event) => void) | null;
	onmessage: ((event: MessageEvent) => void) | null;
	onclose: ((event: CloseEvent) => void) | null;
	onerror: ((event: Event) => void) | null;
}

export type WebSocketConstructor = new (url: string) => SocketLike;

export const SOCKET_OPEN = 1;

/** The global WebSocket, or an error that says which option to pass. */
export function defaultWebSocket(): WebSocketConstructor {
	const impl = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
	if (!impl) throw new Error('No WebSocket here: pass WebSocketImpl (e.g. from the ws package).');
	return impl;
}
