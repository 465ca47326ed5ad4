/**
 * Every bound the relay enforces (docs/sync-protocol.md, "Bounds"), with its default and, where
 * the spec names one, the environment variable that sets it.
 */

const MiB = 1024 * 1024;

export interface Limits {
	/** Largest frame accepted; larger ones close the socket (1009). */
	maxFrameBytes: number;
	/** Frames per device (per socket before authentication): token bucket refill and size. */
	ratePerSecond: number;
	rateBurst: number;
	/** Ciphertext bytes stored per office (items, snapshots and blobs). */
	officeQuotaBytes: number;
	officeMaxDocuments: number;
	officeMaxDevices: number;
	/** Authenticated sockets per office, and sockets in total. */
	officeMaxConnections: number;
	maxConnections: number;
	maxOffices: number;
	/** A socket not READY by then is closed, unless it waits in a pairing mailbox. */
	authTimeoutMs: number;
	mailboxTtlMs: number;
	pairMessageMaxBytes: number;
	/** One UPDATES page: at most this many items and payload bytes (one oversized item alone). */
	pageMaxItems: number;
	pageMaxBytes: number;
	/** Unsent bytes a socket may have queued before the relay drops it (it resumes by cursor). */
	maxBufferedBytes: number;
	maxBadFrames: number;
	/** WebSocket-level ping interval; a socket that missed the previous pong is dropped. */
	heartbeatMs: number;
	/** Devices other than its writer that must confirm a pending snapshot before it is applied. */
	snapshotConfirmations: number;
	/** How long an ADMIN_NONCE may be used. */
	adminNonceTtlMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
	maxFrameBytes: 16 * MiB,
	ratePerSecond: 200,
	rateBurst: 2000,
	officeQuotaBytes: 2 * 1024 * MiB,
	officeMaxDocuments: 20_000,
	officeMaxDevices: 1000,
	officeMaxConnections: 64,
	maxConnections: 5000,
	maxOffices: 10_000,
	authTimeoutMs: 10_000,
	mailboxTtlMs: 10 * 60_000,
	pairMessageMaxBytes: 64 * 1024,
	pageMaxItems: 512,
	pageMaxBytes: MiB,
	maxBufferedBytes: 32 * MiB,
	maxBadFrames: 20,
	heartbeatMs: 30_000,
	snapshotConfirmations: 1,
	adminNonceTtlMs: 60_000
};

/** The environment variables of docs/sync-protocol.md and the limit each one sets. */
export const LIMIT_ENV: Readonly<Record<string, keyof Limits>> = {
	MAX_FRAME_BYTES: 'maxFrameBytes',
	RATE_PER_SECOND: 'ratePerSecond',
	RATE_BURST: 'rateBurst',
	OFFICE_QUOTA_BYTES: 'officeQuotaBytes',
	OFFICE_MAX_DOCUMENTS: 'officeMaxDocuments',
	OFFICE_MAX_DEVICES: 'officeMaxDevices',
	OFFICE_MAX_CONNECTIONS: 'officeMaxConnections',
	MAX_CONNECTIONS: 'maxConnections',
	MAX_OFFICES: 'maxOffices',
	SNAPSHOT_CONFIRMATIONS: 'snapshotConfirmations'
};

/** Defaults overridden by the given values; throws on anything not a positive number. */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
	const limits = { ...DEFAULT_LIMITS, ...overrides };
	for (const [name, value] of Object.entries(limits)) {
		if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
			throw new Error(`limit ${name} must be a positive number`);
		}
	}
	return limits;
}

/** The limits set in the environment (unset variables keep their defaults). */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<Limits> {
	const limits: Partial<Limits> = {};
	for (const [variable, name] of Object.entries(LIMIT_ENV)) {
		const raw = env[variable];
		if (raw === undefined || raw === '') continue;
		const value = Number(raw);
		if (!Number.isFinite(value) || value <= 0) {
			throw new Error(`${variable} must be a positive number`);
		}
		limits[name] = value;
	}
	return limits;
}
