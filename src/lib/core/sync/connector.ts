/**
 * Keeps one connection to the relay open while running: connects, and after every lost
 * connection tries again after a backoff (0.5 s doubling to 30 s, with jitter, reset after READY).
 * A fatal refusal that names this device (revoked, unknown) ends in state 'refused' without
 * retrying: retrying cannot help. A connection closed to fetch documents again (gap-review.ts) is
 * replaced at once.
 *
 * Register or authenticate: with `register` and `registerAdmin` set, REGISTER is sent until the
 * relay has answered READY once, which is remembered in meta; a fatal `office-exists` (the note
 * was lost) switches to AUTH as well.
 */
import { Backoff } from './backoff';
import { Connection, type CloseReason } from './connection';
import type { DeviceList, RelayMessage } from './messages';
import { defaultWebSocket } from './socket';
import { isRegistered, markRegistered } from './sync-meta';
import { REFUSING_CODES, type SyncClientOptions } from './sync-options';
import { describeError, type StatusStore } from './sync-status';

export interface ConnectorEvents {
	/** READY: the connection is authenticated. */
	ready(connection: Connection, list: DeviceList): void;
	message(message: RelayMessage): void;
	/** The connection ended: let go of everything tied to it. */
	closed(): void;
}

export class Connector {
	readonly #backoff: Backoff;
	#connection: Connection | null = null;
	#running = false;
	#retry: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly options: SyncClientOptions,
		private readonly status: StatusStore,
		private readonly events: ConnectorEvents
	) {
		this.#backoff = new Backoff(options.backoff);
	}

	/** The connection of the moment, authenticated or not. */
	get connection(): Connection | null {
		return this.#connection;
	}

	/** Connects, and keeps connecting until `stop`. */
	async start(): Promise<void> {
		this.#running = true;
		await this.#connect();
	}

	/** Closes the connection and stops retrying. */
	stop(): void {
		this.#running = false;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		this.#connection?.close();
	}

	/** Connects now when offline and waiting out the backoff. */
	connectNow(): void {
		if (!this.#running || this.#connection || this.status.current.state === 'refused') return;
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
		void this.#connect();
	}

	async #connect(): Promise<void> {
		const options = this.options;
		// No network by the browser's account: do not try (and say 'Connecting…') in vain.
		if (globalThis.navigator?.onLine === false) {
			this.status.update({ state: 'offline' });
			return this.#retryLater();
		}
		let connection: Connection;
		try {
			const { registerAdmin } = options;
			const register =
				options.register === true &&
				registerAdmin !== undefined &&
				!(await isRegistered(options.db, options.officeId))
					? registerAdmin
					: null;
			if (!this.#running || this.#connection) return;
			this.status.update({ state: 'connecting' });
			connection = new Connection(
				{
					WebSocketImpl: options.WebSocketImpl ?? defaultWebSocket(),
					url: options.url,
					officeId: options.officeId,
					deviceId: options.deviceId,
					signingKey: options.signingKey,
					signingPublicRaw: options.signingPublicRaw,
					register,
					pingIntervalMs: options.pingIntervalMs ?? 25_000
				},
				{
					onReady: (list) => this.#ready(connection, list, register !== null),
					onMessage: (message) => this.events.message(message),
					onClose: (reason) => this.#closed(connection, reason)
				}
			);
		} catch (cause) {
			// No WebSocket here, or the database is gone: say why, and try again later.
			const error = cause instanceof Error ? cause.message : String(cause);
			this.status.update({ state: 'offline', error });
			return this.#retryLater();
		}
		this.#connection = connection;
	}

	#ready(connection: Connection, list: DeviceList, registered: boolean): void {
		const { db, officeId } = this.options;
		if (registered) void markRegistered(db, officeId).catch(() => undefined);
		this.#backoff.reset();
		this.status.update({ state: 'connected', error: undefined });
		this.events.ready(connection, list);
	}

	#closed(connection: Connection, reason: CloseReason): void {
		if (this.#connection !== connection) return;
		this.#connection = null;
		this.events.closed();
		if (reason.kind === 'refetch' && this.#running) return void this.#connect();
		if (reason.kind === 'refused' && reason.error.code === 'office-exists') {
			// Registered before, but the note of it was lost: this device is enrolled, so AUTH.
			void markRegistered(this.options.db, this.options.officeId).catch(() => undefined);
		} else if (reason.kind === 'refused' && REFUSING_CODES.has(reason.error.code)) {
			this.#running = false;
			this.status.update({
				state: 'refused',
				backlog: undefined,
				error: describeError(reason.error.code, reason.error.message)
			});
			return;
		}
		this.status.update({ state: 'offline', backlog: undefined });
		this.#retryLater();
	}

	#retryLater(): void {
		if (!this.#running || this.#retry) return;
		this.#retry = setTimeout(() => {
			this.#retry = null;
			void this.#connect();
		}, this.#backoff.next());
	}
}
