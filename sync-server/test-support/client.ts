/**
 * RelayTestClient: a device talking to the relay over a real WebSocket, the way the app's sync
 * client will: register or authenticate, subscribe, push and snapshot with real signatures.
 * `next(type)` takes the first received frame of a type (see frame-queue.ts).
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { encodeFrame, MSG, type Header } from '../src/protocol';
import { FrameQueue, type Received } from './frame-queue';
import type * as F from './frames';
import { createDevice, signBlob, signChallenge, signItem, type DeviceIdentity } from './identity';

const DEFAULT_TIMEOUT_MS = 5000;
const opened = new Set<RelayTestClient>();

export class RelayTestClient {
	readonly closed: Promise<{ code: number; reason: string }>;
	private readonly queue = new FrameQueue();
	private isClosed = false;

	private constructor(
		readonly ws: WebSocket,
		readonly device: DeviceIdentity
	) {
		this.closed = new Promise((resolve) => {
			ws.on('close', (code, reason) => {
				this.isClosed = true;
				this.queue.close(`socket closed (${code} ${reason.toString()})`);
				resolve({ code, reason: reason.toString() });
			});
		});
		ws.on('error', () => {});
		ws.on('message', (data: Buffer) => this.queue.receive(data));
	}

	/** Opens a socket to the relay for a device (a new device of a new office by default). */
	static async connect(
		url: string,
		device: DeviceIdentity = createDevice()
	): Promise<RelayTestClient> {
		const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
		await new Promise<void>((resolve, reject) => {
			ws.once('open', () => resolve());
			ws.once('error', reject);
		});
		const client = new RelayTestClient(ws, device);
		opened.add(client);
		void client.closed.then(() => opened.delete(client));
		return client;
	}

	/** Closes every client still open (for afterEach). */
	static async closeAll(): Promise<void> {
		await Promise.all([...opened].map((client) => client.close()));
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

	/** Frames received and not taken yet, of one type. */
	queued(type: number): Received[] {
		return this.queue.peek((frame) => frame.type === type);
	}

	/** The next ERROR frame's header (optionally with this code). */
	async error(code?: string, timeoutMs?: number): Promise<F.ErrorHeader> {
		const where = (h: F.ErrorHeader) => code === undefined || h.code === code;
		return (await this.next<F.ErrorHeader>(MSG.ERROR, where, timeoutMs)).header;
	}

	/** HELLO, answered by CHALLENGE; returns the nonce. */
	async hello(device: DeviceIdentity = this.device): Promise<string> {
		this.send(MSG.HELLO, { v: 1, officeId: device.officeId, deviceId: device.deviceId });
		return (await this.next<{ nonce: string }>(MSG.CHALLENGE)).header.nonce;
	}

	/** HELLO + REGISTER (a new office with this device) up to READY. */
	async register(): Promise<F.DevicesHeader> {
		const nonce = await this.hello();
		const { publicKey } = this.device;
		this.send(MSG.REGISTER, { publicKey, signature: signChallenge(this.device, nonce) });
		return (await this.next<F.DevicesHeader>(MSG.READY)).header;
	}

	/** HELLO + AUTH up to READY. */
	async auth(): Promise<F.DevicesHeader> {
		const nonce = await this.hello();
		this.send(MSG.AUTH, { signature: signChallenge(this.device, nonce) });
		return (await this.next<F.DevicesHeader>(MSG.READY)).header;
	}

	/** SUBSCRIBE, then every UPDATES page until CAUGHT_UP. */
	async subscribe(cursors: Record<string, number> = {}, timeoutMs = 10_000): Promise<F.Backlog> {
		const from = this.queue.count;
		this.send(MSG.SUBSCRIBE, { cursors });
		const caughtUp = await this.next(MSG.CAUGHT_UP, () => true, timeoutMs);
		const backlog = (f: Received) => f.type === MSG.UPDATES && f.n >= from && f.n < caughtUp.n;
		const pages = this.queue
			.takeAll(backlog)
			.map((f) => toPage(f as unknown as Received<F.UpdatesHeader>));
		return { pages, items: pages.flatMap((page) => page.items) };
	}

	/** The next UPDATES frame as a page (a live item arrives as a one-item page). */
	async nextPage(
		where: (h: F.UpdatesHeader) => boolean = () => true,
		timeoutMs?: number
	): Promise<F.Page> {
		return toPage(await this.next<F.UpdatesHeader>(MSG.UPDATES, where, timeoutMs));
	}

	/** Sends a signed PUSH. */
	push(docId: string, deviceSeq: number, payload: Uint8Array, epoch = 1): F.PushHeader {
		const nonce = randomBytes(12).toString('base64');
		const fields = { kind: 'update' as const, docId, deviceSeq, epoch, nonce };
		const header = {
			docId,
			deviceSeq,
			epoch,
			nonce,
			signature: signItem(this.device, fields, payload)
		};
		this.send(MSG.PUSH, header, payload);
		return header;
	}

	/** Sends a signed PUSH and waits for its ACK. */
	async pushAndAck(docId: string, deviceSeq: number, payload: Uint8Array): Promise<F.AckHeader> {
		this.push(docId, deviceSeq, payload);
		const where = (h: F.AckHeader) => h.docId === docId && h.deviceSeq === deviceSeq;
		return (await this.next<F.AckHeader>(MSG.ACK, where)).header;
	}

	/** Pushes payloads with consecutive deviceSeqs from `firstDeviceSeq`, then awaits every ACK. */
	async pushMany(
		docId: string,
		firstDeviceSeq: number,
		payloads: readonly Uint8Array[]
	): Promise<F.AckHeader[]> {
		payloads.forEach((payload, i) => this.push(docId, firstDeviceSeq + i, payload));
		const acks: F.AckHeader[] = [];
		for (let i = 0; i < payloads.length; i++) {
			const deviceSeq = firstDeviceSeq + i;
			const where = (h: F.AckHeader) => h.docId === docId && h.deviceSeq === deviceSeq;
			acks.push((await this.next<F.AckHeader>(MSG.ACK, where, 20_000)).header);
		}
		return acks;
	}

	/** Sends a signed SNAPSHOT. */
	snapshot(docId: string, covers: number, deviceSeq: number, payload: Uint8Array, epoch = 1): void {
		const nonce = randomBytes(12).toString('base64');
		const fields = { kind: 'snapshot' as const, docId, deviceSeq, epoch, nonce, covers };
		const signature = signItem(this.device, fields, payload);
		this.send(MSG.SNAPSHOT, { docId, covers, deviceSeq, epoch, nonce, signature }, payload);
	}

	/** Sends a signed BLOB_PUT. */
	putBlob(blobId: string, payload: Uint8Array, epoch = 1): F.BlobPutHeader {
		const nonce = randomBytes(12).toString('base64');
		const fields = { blobId, epoch, nonce, size: payload.length };
		const header = { ...fields, signature: signBlob(this.device, fields, payload) };
		this.send(MSG.BLOB_PUT, header, payload);
		return header;
	}

	/** Sends a signed BLOB_PUT and waits for its BLOB_ACK. */
	async putBlobAndAck(blobId: string, payload: Uint8Array): Promise<F.BlobPutHeader> {
		const header = this.putBlob(blobId, payload);
		await this.next<{ blobId: string }>(MSG.BLOB_ACK, (h) => h.blobId === blobId);
		return header;
	}

	/** BLOB_GET, answered by BLOB or BLOB_MISSING. */
	async getBlob(blobId: string): Promise<F.BlobReply> {
		this.send(MSG.BLOB_GET, { blobId });
		const reply = await this.queue.take(
			(f) =>
				(f.type === MSG.BLOB || f.type === MSG.BLOB_MISSING) &&
				(f.header as { blobId?: unknown }).blobId === blobId,
			DEFAULT_TIMEOUT_MS,
			'BLOB or BLOB_MISSING'
		);
		if (reply.type === MSG.BLOB_MISSING) return { missing: true };
		return { blob: reply.header as unknown as F.BlobHeader, payload: reply.payload };
	}

	/** ADD_DEVICE, answered by DEVICES. */
	async addDevice(device: DeviceIdentity): Promise<F.DevicesHeader> {
		this.send(MSG.ADD_DEVICE, { deviceId: device.deviceId, publicKey: device.publicKey });
		const where = (h: F.DevicesHeader) => h.devices.some((d) => d.deviceId === device.deviceId);
		return (await this.next<F.DevicesHeader>(MSG.DEVICES, where)).header;
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

function toPage(frame: Received<F.UpdatesHeader>): F.Page {
	let offset = 0;
	const items = frame.header.items.map((item) => {
		const payload = frame.payload.subarray(offset, offset + item.size);
		offset += item.size;
		return { ...item, docId: frame.header.docId, payload };
	});
	return { ...frame.header, items };
}
