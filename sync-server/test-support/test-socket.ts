/**
 * TestSocket: a real WebSocket to the relay with the frames it received queued for the test to
 * take in any order (frame-queue.ts). RelayTestClient builds the protocol on top of it.
 * `closeAll()` in afterEach closes every socket a test left open.
 */
import WebSocket from 'ws';
import { encodeFrame, MSG, type Header } from '../src/protocol';
import { FrameQueue, type Received } from './frame-queue';
import type * as F from './frames';

export const DEFAULT_TIMEOUT_MS = 5000;
const opened = new Set<TestSocket>();

/** Opens a WebSocket to `url` (no compression, large frames allowed). */
export async function openWebSocket(url: string): Promise<WebSocket> {
	const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	return ws;
}

export class TestSocket {
	readonly closed: Promise<{ code: number; reason: string }>;
	protected readonly queue = new FrameQueue();
	private isClosed = false;

	protected constructor(readonly ws: WebSocket) {
		this.closed = new Promise((resolve) => {
			ws.on('close', (code, reason) => {
				this.isClosed = true;
				this.queue.close(`socket closed (${code} ${reason.toString()})`);
				resolve({ code, reason: reason.toString() });
			});
		});
		ws.on('error', () => {});
		ws.on('message', (data: Buffer) => this.queue.receive(data));
		opened.add(this);
		void this.closed.then(() => opened.delete(this));
	}

	/** Closes every socket still open (for afterEach). */
	static async closeAll(): Promise<void> {
		await Promise.all([...opened].map((socket) => socket.close()));
	}

	get open(): boolean {
		return !this.isClosed && this.ws.readyState === WebSocket.OPEN;
	}

	send(type: number, header: object, payload?: Uint8Array): void {
		this.ws.send(encodeFrame(type, header, payload));
	}

	/** Sends bytes as they are (binary), or a string as a text frame. */
	sendRaw(data: Buffer | string): void {
		this.ws.send(data, { binary: typeof data !== 'string' });
	}

	/** The first frame of `type` (optionally also matching `where`), waiting for it if needed. */
	next<T = Header>(
		type: number,
		where: (header: T) => boolean = () => true,
		timeoutMs = DEFAULT_TIMEOUT_MS
	): Promise<Received<T>> {
		const match = (frame: Received) => frame.type === type && where(frame.header as T);
		const what = `frame of type 0x${type.toString(16)}`;
		return this.queue.take(match, timeoutMs, what) as Promise<Received<T>>;
	}

	/** Runs `send`, then takes the first frame of `type` that arrived after it and `where` accepts. */
	async reply<T = Header>(
		send: () => void | Promise<void>,
		type: number,
		where: (header: T) => boolean = () => true
	): Promise<T> {
		const from = this.queue.count;
		await send();
		const match = (f: Received) => f.type === type && f.n >= from && where(f.header as T);
		const frame = await this.queue.take(match, DEFAULT_TIMEOUT_MS, `0x${type.toString(16)} reply`);
		return frame.header as T;
	}

	/** Frames received and not taken yet, of one type. */
	queued(type: number): Received[] {
		return this.queue.peek((frame) => frame.type === type);
	}

	/** The next ERROR frame's header (optionally with this code). */
	async error(code?: string, timeoutMs?: number): Promise<F.ErrorHeader> {
		const where = (h: F.ErrorHeader) => code === undefined || h.code === code;
		return (await this.next<F.ErrorHeader>(MSG.ERROR, where, timeoutMs)).header;
	}

	/** PING, answered by PONG. */
	async ping(timeoutMs?: number): Promise<void> {
		this.send(MSG.PING, {});
		await this.next(MSG.PONG, () => true, timeoutMs);
	}

	/** Closes the socket (if open) and waits until it is closed. */
	async close(): Promise<void> {
		if (!this.isClosed) this.ws.close();
		const timer = setTimeout(() => this.ws.terminate(), 1000);
		await this.closed;
		clearTimeout(timer);
	}
}
