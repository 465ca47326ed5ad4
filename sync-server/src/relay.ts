/**
 * The relay: an HTTP(S) server answering `GET /health`, upgrading `/sync` to WebSocket, and one
 * Session per socket over a shared store, commit queue, fan-out registry and pairing mailboxes.
 */
import {
	createServer as createHttpServer,
	type IncomingMessage,
	type ServerResponse
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CommitQueue } from './commit-queue';
import type { RelayContext } from './context';
import { Fanout } from './fanout';
import { resolveLimits, type Limits } from './limits';
import { createLogger, type LogSink } from './log';
import { Pairing } from './pairing';
import { DeviceBuckets } from './rate-limit';
import { Session } from './session';
import { Store } from './store';

export interface RelayOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: any free port (see `Relay.port`). */
	port?: number;
	/** SQLite file, created if missing (its folder must exist). */
	dbPath: string;
	/** Overrides of DEFAULT_LIMITS. */
	limits?: Partial<Limits>;
	/** Receives one object per event; nothing is logged without it. */
	log?: LogSink;
	/** PEM certificate and key: serve https and wss. */
	tls?: { cert: string; key: string };
}

export interface Relay {
	/** ws(s)://host:port/sync */
	url: string;
	/** http(s)://host:port */
	httpUrl: string;
	port: number;
	/** Stops accepting, closes every socket with 1001, commits what is queued, closes the db. */
	close(): Promise<void>;
}

const SYNC_PATH = '/sync';
const CLOSE_GRACE_MS = 2000;

/** Starts a relay and resolves once it listens. */
export async function startRelay(options: RelayOptions): Promise<Relay> {
	const limits = resolveLimits(options.limits);
	const log = createLogger(options.log);
	const store = Store.open(options.dbPath);
	const ctx: RelayContext = {
		store,
		queue: new CommitQueue(store.db, () => log('internal-error', { code: 'internal:callback' })),
		fanout: new Fanout(),
		pairing: new Pairing(limits.mailboxTtlMs, log),
		buckets: new DeviceBuckets(limits),
		limits,
		log
	};
	const sockets = new Map<WebSocket, Session>();
	let connections = 0;
	let closing = false;

	const answer = (request: IncomingMessage, response: ServerResponse) => {
		const path = (request.url ?? '/').split('?')[0];
		if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
			const ok = !closing && store.healthy();
			response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ ok }));
			return;
		}
		response.writeHead(404, { 'content-type': 'application/json' });
		response.end(JSON.stringify({ ok: false, error: 'not-found' }));
	};
	const server = options.tls
		? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, answer)
		: createHttpServer(answer);
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: limits.maxFrameBytes,
		perMessageDeflate: false,
		clientTracking: false
	});

	server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
		const path = (request.url ?? '/').split('?')[0];
		if (path !== SYNC_PATH || closing) {
			const status = closing ? '503 Service Unavailable' : '404 Not Found';
			socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
			return;
		}
		wss.handleUpgrade(request, socket, head, (ws) => {
			if (closing || sockets.size >= limits.maxConnections) {
				log('refused-connection', { code: 'too-many-connections' });
				ws.close(1013, 'too-many-connections');
				return;
			}
			const session = new Session(ws, ctx, ++connections);
			sockets.set(ws, session);
			ws.on('close', () => sockets.delete(ws));
			log('open', { conn: session.conn, count: sockets.size });
		});
	});
	server.on('clientError', (_error, socket: Duplex) => socket.destroy());

	const heartbeat = setInterval(() => {
		for (const [ws, session] of sockets) {
			if (!session.alive) {
				ws.terminate();
				continue;
			}
			session.alive = false;
			if (ws.readyState === ws.OPEN) ws.ping();
		}
	}, limits.heartbeatMs);
	heartbeat.unref();

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const secure = options.tls !== undefined;
	const httpUrl = `${secure ? 'https' : 'http'}://${host}:${address.port}`;
	const url = `${secure ? 'wss' : 'ws'}://${host}:${address.port}${SYNC_PATH}`;
	log('listening', { host: address.address, port: address.port, tls: secure });

	async function close(): Promise<void> {
		if (closing) return;
		closing = true;
		clearInterval(heartbeat);
		const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
		ctx.queue.flush();
		await closeSockets([...sockets.keys()]);
		server.closeAllConnections();
		await stopped;
		ctx.pairing.close();
		ctx.queue.flush();
		store.close();
		log('closed');
	}

	return { url, httpUrl, port: address.port, close };
}

/** Closes sockets with 1001 (going away), terminating those that do not finish in time. */
async function closeSockets(sockets: WebSocket[]): Promise<void> {
	await Promise.all(
		sockets.map(
			(ws) =>
				new Promise<void>((resolve) => {
					if (ws.readyState === ws.CLOSED) return resolve();
					const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
					ws.once('close', () => {
						clearTimeout(timer);
						resolve();
					});
					ws.close(1001, 'relay shutting down');
				})
		)
	);
}
