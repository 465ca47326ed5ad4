/**
 * How a SyncClient is set up: the device, the relay, and the optional parts (open documents,
 * their cipher and a manager's admin signer for notices and relay snapshots; the office's device
 * keys to verify what arrives; timings for tests). Kept apart so tabs, tests and the app can
 * build options without the client.
 */
import type { DocumentCipher } from '../documents/cipher';
import type { DocumentStore } from '../documents/document-store';
import type { OfficeDatabase } from '../storage/db';
import type { AdminKeyProof, AdminSigner } from './admin-signer';
import type { BackoffOptions } from './backoff';
import type { ItemTrust } from './item-verify';
import type { WebSocketConstructor } from './socket';

export interface SyncClientOptions {
	db: OfficeDatabase;
	/** ws(s)://relay/sync */
	url: string;
	officeId: string;
	deviceId: string;
	/** This device's Ed25519 private key (DeviceRow.signingPrivateKey). */
	signingKey: CryptoKey;
	signingPublicRaw: Uint8Array;
	/** Default: globalThis.WebSocket (Node 20 has none: pass `WebSocket` from `ws`). */
	WebSocketImpl?: WebSocketConstructor;
	/** This device created the office: REGISTER it on the relay on the first connection. */
	register?: boolean;
	/**
	 * The office's first admin for REGISTER: an office manager's key with its proof
	 * (`proveAdminKey`), made once while the manager is signed in. Without it no REGISTER is sent.
	 */
	registerAdmin?: AdminKeyProof;
	/** Open documents to notify of received rows (and to seal relay snapshots from). */
	documents?: DocumentStore;
	/** The cipher of `documents`, to seal relay snapshots and open offered ones. */
	cipher?: DocumentCipher;
	/** A signed-in manager's key, to countersign relay snapshots; without it none are made here. */
	admin?: AdminSigner;
	/** The office's device keys, to verify what arrives (item-verify.ts); absent: unverified. */
	trust?: ItemTrust;
	now?: () => Date;
	/** Cross-tab notices of stored rows; default `${db.name}:docs`, null for none. */
	channelName?: string | null;
	/** Where tabs announce new blobs and wants; default `${db.name}:blobs`, null for none. */
	blobChannelName?: string | null;
	/** How often wants the relay did not have are asked for again (default 30 s). */
	blobRetryMs?: number;
	backoff?: BackoffOptions;
	maxInFlight?: number;
	pushRate?: { perSecond: number; burst: number };
	snapshotAfter?: number;
	/** How long `resealNow` waits for the backlog, the outbox and the relay (default 30 s). */
	resealTimeoutMs?: number;
	pingIntervalMs?: number;
}

/** Refusals that name this device or office: reconnecting cannot succeed. */
export const REFUSING_CODES: ReadonlySet<string> = new Set([
	'revoked',
	'unknown-device',
	'bad-signature',
	'unsupported-version'
]);
