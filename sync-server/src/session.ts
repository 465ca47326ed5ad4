/**
 * One WebSocket connection: its state machine, frame intake and replies.
 *
 *   open ──HELLO──► challenged ──AUTH / REGISTER──► ready ──► closed
 *
 * Before READY only HELLO, AUTH, REGISTER, PAIR_* and PING are accepted; a socket neither READY
 * nor waiting in a pairing mailbox is closed after `authTimeoutMs`. Every frame is handled inside
 * a try/catch: a refusal becomes an ERROR frame, an unexpected exception `ERROR internal` (logged
 * by code only), and the socket stays usable unless the error is fatal or the socket has sent
 * `maxBadFrames` bad frames. Per-socket state is kept small: ids, a key object, a rate bucket,
 * an admin nonce.
 */
import type { KeyObject } from 'node:crypto';
import { WebSocket, type RawData } from 'ws';
import { AdminNonce } from './admin-nonce';
import { Backlog, type BacklogHost } from './backlog';
import type { RelayContext } from './context';
import { BAD_FRAME_CODES, RelayError } from './errors';
import type { OfficePeer } from './fanout';
import { ROUTES } from './handlers';
import type { PairPeer } from './pairing';
import { decodeFrame, encodeFrame, MSG, type Frame } from './protocol';
import type { TokenBucket } from './rate-limit';
import type { DeviceRecord } from './store';

export type Phase = 'open' | 'challenged' | 'registering' | 'ready' | 'closed';

const toBuffer = (data: RawData): Buffer =>
	Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/**
 * What an ERROR frame refers to: the message type, and for writes the document and deviceSeq
 * (or the blob id).
 */
function refOf(type: number, frame?: Frame): Record<string, unknown> {
	const ref: Record<string, unknown> = { type };
	const { docId, deviceSeq, blobId } = frame?.header ?? {};
	if (typeof docId === 'string' && docId.length <= 128) ref.docId = docId;
	if (typeof deviceSeq === 'number') ref.deviceSeq = deviceSeq;
	if (typeof blobId === 'string' && blobId.length <= 128) ref.blobId = blobId;
	return ref;
}

export class Session implements OfficePeer, PairPeer, BacklogHost {
	phase: Phase = 'open';
	officeId = '';
	deviceId = '';
	deviceKey = 0;
	publicKey: KeyObject | undefined;
	nonce = '';
	mailbox: string | undefined;
	alive = true;
	readonly backlog: Backlog = new Backlog(this);
	readonly adminNonce: AdminNonce;
	private bucket: TokenBucket;
	private badFrames = 0;
	private dropped = 0;
	private authTimer: NodeJS.Timeout | undefined;

	constructor(
		private readonly ws: WebSocket,
		readonly ctx: RelayContext,
		readonly conn: number
	) {
		this.bucket = ctx.buckets.forSocket();
		this.adminNonce = new AdminNonce(ctx.limits.adminNonceTtlMs);
		this.authTimer = setTimeout(() => this.authTimeout(), ctx.limits.authTimeoutMs);
		ws.on('message', (data, isBinary) => {
			try {
				this.receive(toBuffer(data), isBinary);
			} catch (error) {
				// receive() answers every frame itself; this only guards the process.
				this.internalError(error, 0);
			}
		});
		ws.on('close', (code) => this.closed(code));
		ws.on('error', (error: Error & { code?: string }) =>
			ctx.log('socket-error', { conn, code: error.code ?? 'unknown' })
		);
		ws.on('pong', () => (this.alive = true));
	}

	isOpen(): boolean {
		return this.phase !== 'closed' && this.ws.readyState === WebSocket.OPEN;
	}

	send(frame: Buffer): void {
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
	}

	sendPaced(frame: Buffer, drained: () => void): void {
		if (!this.isOpen()) return;
		let waiting = false;
		this.ws.send(frame, () => {
			if (waiting) drained();
			waiting = false;
		});
		if (this.ws.bufferedAmount <= this.ctx.limits.pageMaxBytes) setImmediate(drained);
		else waiting = true;
	}

	/** Whether `bytes` more may be queued on this socket without passing `maxBufferedBytes`. */
	hasRoomFor(bytes: number): boolean {
		return this.ws.bufferedAmount + bytes <= this.ctx.limits.maxBufferedBytes;
	}

	/** Forwards a newly stored item unless this socket does not follow its document live yet. */
	deliver(docId: string, frame: Buffer): void {
		if (this.phase !== 'ready' || !this.backlog.follows(docId)) return;
		if (this.ws.bufferedAmount + frame.length > this.ctx.limits.maxBufferedBytes) {
			this.close(1013, 'slow-consumer');
			return;
		}
		this.send(frame);
	}

	/** Offers a pending snapshot, skipped when too early (see Backlog) or the buffer is full. */
	offer(frame: Buffer): boolean {
		if (this.phase !== 'ready' || !this.backlog.takesOffers() || !this.hasRoomFor(frame.length)) {
			return false;
		}
		this.send(frame);
		return true;
	}

	/** Device authenticated (or office registered): joins the office and answers READY. */
	becomeReady(device: DeviceRecord, key: KeyObject): void {
		const { fanout, buckets, store, limits, log } = this.ctx;
		if (fanout.count(this.officeId) >= limits.officeMaxConnections) {
			this.close(1013, 'too-many-connections');
			return;
		}
		this.phase = 'ready';
		this.deviceKey = device.key;
		this.publicKey = key;
		this.nonce = '';
		clearTimeout(this.authTimer);
		this.bucket = buckets.acquire(this.officeId, this.deviceId);
		fanout.join(this.officeId, this);
		this.send(encodeFrame(MSG.READY, store.roster(this.officeId)));
		log('ready', { conn: this.conn, officeId: this.officeId, deviceId: this.deviceId });
	}

	/** The socket waits in a pairing mailbox: it may now live until the mailbox expires. */
	enteredMailbox(): void {
		clearTimeout(this.authTimer);
	}

	mailboxExpired(): void {
		const error = new RelayError('mailbox-expired', 'the pairing mailbox expired', !this.ready);
		if (error.fatal) this.fail(error);
		else this.sendError(error, { type: MSG.PAIR_OPEN });
	}

	get ready(): boolean {
		return this.phase === 'ready';
	}

	/** Answers a refused or failed frame: ERROR, and closing when fatal or too many bad frames. */
	reject(error: unknown, type: number, frame?: Frame): void {
		if (!(error instanceof RelayError)) {
			this.internalError(error, type);
			return;
		}
		const ref = refOf(type, frame);
		const tooMany =
			BAD_FRAME_CODES.has(error.code) && ++this.badFrames >= this.ctx.limits.maxBadFrames;
		const refusal =
			tooMany && !error.fatal ? new RelayError(error.code, 'too many bad frames', true) : error;
		this.ctx.log('refused', { conn: this.conn, type, code: refusal.code, fatal: refusal.fatal });
		if (refusal.fatal) this.fail(refusal, ref);
		else this.sendError(refusal, ref);
	}

	internalError(error: unknown, type: number): void {
		const name = error instanceof Error ? error.name : typeof error;
		const code = (error as { code?: unknown } | null)?.code;
		this.ctx.log('internal-error', {
			conn: this.conn,
			type,
			code: typeof code === 'string' ? `internal:${name}:${code}` : `internal:${name}`
		});
		this.sendError(new RelayError('internal', 'the relay failed to handle this frame'), { type });
	}

	/** Sends a fatal ERROR and closes the socket (1008). */
	fail(error: RelayError, ref?: Record<string, unknown>): void {
		if (this.phase === 'closed') return;
		this.sendError(error, ref);
		this.close(1008, error.code);
	}

	private sendError(error: RelayError, ref?: Record<string, unknown>): void {
		const header = { code: error.code, message: error.message, fatal: error.fatal, ref };
		this.send(encodeFrame(MSG.ERROR, header));
	}

	private receive(data: Buffer, isBinary: boolean): void {
		if (this.phase === 'closed') return;
		this.alive = true;
		const type = data.length > 0 ? data[0] : 0;
		if (!this.bucket.take()) {
			this.dropped += 1;
			this.sendError(new RelayError('rate-limited', 'too many frames; slow down'), { type });
			return;
		}
		if (!isBinary)
			return this.reject(new RelayError('bad-frame', 'text frames are not accepted'), 0);
		const decoded = decodeFrame(data);
		if (!decoded.ok) return this.reject(new RelayError('bad-frame', decoded.reason), type);
		const { frame } = decoded;
		const route = ROUTES.get(frame.type);
		try {
			if (!route) throw new RelayError('bad-frame', 'not a message type a client may send');
			if (route.ready && !this.ready) {
				throw new RelayError('not-authenticated', 'authenticate first');
			}
			if (!route.payload && frame.payload.length > 0) {
				throw new RelayError('bad-header', 'this message type carries no payload');
			}
			route.handle(this, frame);
		} catch (error) {
			this.reject(error, type, frame);
		}
	}

	private authTimeout(): void {
		if (this.phase === 'ready' || this.phase === 'closed' || this.mailbox !== undefined) return;
		this.close(1008, 'auth-timeout');
	}

	/** Closes the socket and lets go of everything it held. */
	close(code: number, reason: string): void {
		if (this.phase === 'closed') return;
		this.ctx.log('closing', { conn: this.conn, closeCode: code, code: reason });
		this.release();
		this.ws.close(code, reason);
	}

	private closed(code: number): void {
		this.release();
		this.ctx.log('close', { conn: this.conn, closeCode: code, dropped: this.dropped });
	}

	private release(): void {
		if (this.phase === 'closed') return;
		if (this.phase === 'ready') {
			this.ctx.fanout.leave(this.officeId, this);
			this.ctx.buckets.release(this.officeId, this.deviceId);
		}
		this.phase = 'closed';
		clearTimeout(this.authTimer);
		this.backlog.cancel();
		this.ctx.pairing.leave(this);
	}
}
