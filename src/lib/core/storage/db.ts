/**
 * The device's IndexedDB, through Dexie. What lives here is either ciphertext (document update
 * logs and snapshots, wrapped keys) or local-only bookkeeping that carries no office data (ids,
 * counters, sync flags, preferences). Projections of office data are NOT stored here: they live
 * in memory while someone is signed in (see docs/architecture.md, "Projections").
 */
import Dexie, { type EntityTable } from 'dexie';

/** One encrypted Yjs update of one document. */
export interface UpdateRow {
	id?: number;
	docId: string;
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	/** Which key sealed it and its place in the writer's chain (documents/item-link.ts). */
	link?: string;
	/** 0 until a relay has acknowledged it (numbers, because IndexedDB cannot index booleans). */
	synced: 0 | 1;
}

/** The encrypted Yjs state of one document as of a compaction. */
export interface SnapshotRow {
	docId: string;
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	link?: string;
	createdAt: string;
}

/**
 * This device: its id, its signing key pair, and its P-256 key pair that people keys are wrapped
 * to (the private halves cannot be exported). Devices made before the encryption key get one the
 * first time the app needs it (keys/device.ts).
 */
export interface DeviceRow {
	slot: 'this-device';
	deviceId: string;
	signingPublicRaw: Uint8Array;
	signingPrivateKey: CryptoKey;
	encryptionPrivateKey?: CryptoKey;
	encryptionPublicJwk?: JsonWebKey;
	createdAt: string;
}

/**
 * Legacy: the one sign-in of an office made before people had their own. Nothing writes it any
 * more; a backup that holds such rows is refused with a message saying why (backup/restore.ts).
 */
export interface IdentityRow {
	personId: string;
	publicJwk: JsonWebKey;
	wrappedPrivateKey: unknown;
	recoveryWrappedPrivateKey?: unknown;
	createdAt: string;
}

/** Legacy, like IdentityRow: area keys are now grants in the authority ops. */
export interface KeyringRow {
	area: string;
	epoch: number;
	personId: string;
	wrapped: unknown;
}

/**
 * One encrypted file (blob) of an area: immutable, sealed with the area key under the associated
 * data of `blob:<area>:<id>` (blob-cipher.ts). Never plaintext. Rows are never deleted by any
 * cleanup while `synced` is 0: they are the blob outbox.
 */
export interface BlobRow {
	id: string;
	area: string;
	epoch: number;
	/** The device that sealed it (bound in the associated data). */
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	link?: string;
	/** Ciphertext bytes (what the relay counts against the quota). */
	size: number;
	/** 0 until a relay has acknowledged it. */
	synced: 0 | 1;
	createdAt: string;
}

/**
 * A blob some tab asked for that is not on this device: the sync client (leader tab) fetches
 * it. `missingAt` is set when the relay answered that it does not hold it (yet); the want is
 * kept and asked for again on a later connection.
 */
export interface BlobWantRow {
	id: string;
	area: string;
	requestedAt: string;
	missingAt?: string;
}

/**
 * The rows of one collection's projection as of a known state of its document, sealed with the
 * area key (projection-cache.ts): lets a device show a large document at unlock without loading
 * it into Yjs. Derived data — never backed up, dropped whenever it does not match.
 */
export interface ProjectionCacheRow {
	docId: string;
	collection: string;
	/** The document's stored state the rows reflect (see projection-cache.ts). */
	watermark: string;
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	link?: string;
}

/**
 * A signed authority op this device has seen, sealed with the people key (authority/op-store.ts):
 * kept here as well as in the people document, so that nobody who can write that document can
 * make a device forget an op by deleting or overwriting it there.
 */
export interface AuthorityOpRow {
	id: string;
	epoch: number;
	deviceId: string;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	link?: string;
}

/**
 * An item received from the relay that could not be verified yet: its device is not (yet) one the
 * office's managers added, or its signature does not verify (sync/held-items.ts). Kept, never
 * applied, released into `updates` once its device is known and the signature checks out.
 */
export interface HeldItemRow {
	id?: number;
	docId: string;
	seq: number;
	kind: 'update' | 'snapshot';
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	link: string;
	/** Signature version the relay reported (1: made before links). */
	v: 1 | 2;
	signature: string;
	covers?: number;
	reason: 'unknown-device' | 'removed-device' | 'bad-signature';
	receivedAt: string;
}

/**
 * A person's private key wrapped a third time for quick sign-in with a PIN on this device only
 * (keys/pin.ts): the key also depends on a secret this device holds, so the row is useless
 * elsewhere. Device-only — never backed up, never sent anywhere.
 */
export interface PinRow {
	personId: string;
	/** The secret's version (person-secret.ts); absent for PINs set before version 2. */
	version?: 1 | 2;
	kdf: 'PBKDF2-SHA256+HKDF-SHA256';
	iterations: number;
	salt: Uint8Array;
	nonce: Uint8Array;
	ciphertext: Uint8Array;
	/** Wrong PINs since the last right one; counted before each attempt is decrypted. */
	failures: number;
	createdAt: string;
}

/** Local bookkeeping that is not office data (office id, chain heads, flags). */
export interface MetaRow {
	key: string;
	value: unknown;
}

export type OfficeDatabase = Dexie & {
	updates: EntityTable<UpdateRow, 'id'>;
	snapshots: EntityTable<SnapshotRow, 'docId'>;
	device: EntityTable<DeviceRow, 'slot'>;
	identities: EntityTable<IdentityRow, 'personId'>;
	keyring: Dexie.Table<KeyringRow, [string, number, string]>;
	meta: EntityTable<MetaRow, 'key'>;
	blobs: EntityTable<BlobRow, 'id'>;
	blobWants: EntityTable<BlobWantRow, 'id'>;
	projections: Dexie.Table<ProjectionCacheRow, [string, string]>;
	pins: EntityTable<PinRow, 'personId'>;
	authorityOps: EntityTable<AuthorityOpRow, 'id'>;
	heldItems: EntityTable<HeldItemRow, 'id'>;
};

export const DEFAULT_DATABASE_NAME = 'practice-office';

/**
 * Meta key set (true) once this device syncs its office through a relay. From then on local
 * compaction keeps every unsynced row: they are the outbox (docs/sync-protocol.md).
 */
export const SYNC_ENABLED_META_KEY = 'sync:enabled';

/** Opens (creating if needed) the device database. */
export function openDatabase(name = DEFAULT_DATABASE_NAME): OfficeDatabase {
	const db = new Dexie(name) as OfficeDatabase;
	db.version(1).stores({
		updates: '++id, docId, [docId+id], synced',
		snapshots: 'docId',
		device: 'slot',
		identities: 'personId',
		keyring: '[area+epoch+personId], personId, area',
		meta: 'key'
	});
	// Files: blobs (ciphertext, `synced` indexed for the upload outbox) and the ids asked for.
	db.version(2).stores({
		blobs: 'id, synced, area',
		blobWants: 'id'
	});
	// Sealed projection caches, one per document and collection.
	db.version(3).stores({
		projections: '[docId+collection], docId'
	});
	// PIN wrappings of private keys for quick sign-in on this device (keys/pin.ts).
	db.version(4).stores({
		pins: 'personId'
	});
	// Authority ops seen on this device (sealed), and received items not verified yet.
	db.version(5).stores({
		authorityOps: 'id',
		heldItems: '++id, docId, deviceId'
	});
	return db;
}

/** Reads a meta value, or the fallback when absent. */
export async function readMeta<T>(db: OfficeDatabase, key: string, fallback: T): Promise<T> {
	const row = await db.meta.get(key);
	return row === undefined ? fallback : (row.value as T);
}

/** Writes a meta value. */
export async function writeMeta(db: OfficeDatabase, key: string, value: unknown): Promise<void> {
	await db.meta.put({ key, value });
}
