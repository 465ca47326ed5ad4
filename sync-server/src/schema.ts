/**
 * The relay's SQLite database: opened in WAL mode with `synchronous = FULL`, so a transaction
 * that has committed survives a crash or power loss — the relay sends ACK only after that.
 *
 * Tables: offices (quota counters), devices (public keys, revoked flag, highest deviceSeq
 * stored, which admin added them), admins (the office managers' keys, per office, in the order
 * added), documents (latest seq, seq covered by the confirmed snapshot), items (the updates
 * since that snapshot), snapshots (the confirmed one per document), pending_snapshots (at most
 * one per document, not applied until confirmed) with their snapshot_confirmations, and blobs
 * (immutable files, one row per office and blob id, kept by the device that put it). Payloads
 * and links are stored exactly as received.
 *
 * Versions: 2 added the blobs table; 3 (protocol v2) added `link` and `sig_version` to items,
 * snapshots and blobs (rows of older versions keep '' and 1: they were signed with the v1
 * texts), `added_by`/`added_at` to devices, and the admin and pending-snapshot tables. Opening
 * an older database upgrades it in place, in one transaction.
 */
import Database from 'better-sqlite3';

const SCHEMA_VERSION = 3;

/** The tables as schema version 2 had them: created when missing, then upgraded below. */
const VERSION_2_DDL = `
CREATE TABLE IF NOT EXISTS offices (
	office_id TEXT PRIMARY KEY,
	bytes INTEGER NOT NULL DEFAULT 0,
	documents INTEGER NOT NULL DEFAULT 0,
	devices INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS devices (
	device_key INTEGER PRIMARY KEY,
	office_id TEXT NOT NULL,
	device_id TEXT NOT NULL,
	public_key BLOB NOT NULL,
	revoked INTEGER NOT NULL DEFAULT 0,
	max_device_seq INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	UNIQUE (office_id, device_id)
);

CREATE TABLE IF NOT EXISTS documents (
	doc_key INTEGER PRIMARY KEY,
	office_id TEXT NOT NULL,
	doc_id TEXT NOT NULL,
	latest INTEGER NOT NULL DEFAULT 0,
	covers INTEGER NOT NULL DEFAULT 0,
	UNIQUE (office_id, doc_id)
);

CREATE TABLE IF NOT EXISTS items (
	doc_key INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	device_key INTEGER NOT NULL,
	device_seq INTEGER NOT NULL,
	epoch INTEGER NOT NULL,
	nonce BLOB NOT NULL,
	signature BLOB NOT NULL,
	size INTEGER NOT NULL,
	payload BLOB NOT NULL,
	PRIMARY KEY (doc_key, seq)
);

CREATE INDEX IF NOT EXISTS items_by_device ON items (device_key, device_seq);

CREATE TABLE IF NOT EXISTS snapshots (
	doc_key INTEGER PRIMARY KEY,
	covers INTEGER NOT NULL,
	device_key INTEGER NOT NULL,
	device_seq INTEGER NOT NULL,
	epoch INTEGER NOT NULL,
	nonce BLOB NOT NULL,
	signature BLOB NOT NULL,
	size INTEGER NOT NULL,
	payload BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS blobs (
	blob_key INTEGER PRIMARY KEY,
	office_id TEXT NOT NULL,
	blob_id TEXT NOT NULL,
	device_key INTEGER NOT NULL,
	epoch INTEGER NOT NULL,
	nonce BLOB NOT NULL,
	signature BLOB NOT NULL,
	size INTEGER NOT NULL,
	payload BLOB NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (office_id, blob_id)
);
`;

const VERSION_3_DDL = `
ALTER TABLE items ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN sig_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE snapshots ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE snapshots ADD COLUMN sig_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE blobs ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE blobs ADD COLUMN sig_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE devices ADD COLUMN added_by TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN added_at INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET added_at = created_at;

CREATE TABLE admins (
	admin_row INTEGER PRIMARY KEY,
	office_id TEXT NOT NULL,
	admin_key TEXT NOT NULL,
	added_by TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (office_id, admin_key)
);

CREATE TABLE pending_snapshots (
	doc_key INTEGER PRIMARY KEY,
	covers INTEGER NOT NULL,
	device_key INTEGER NOT NULL,
	device_seq INTEGER NOT NULL,
	epoch INTEGER NOT NULL,
	nonce BLOB NOT NULL,
	signature BLOB NOT NULL,
	link TEXT NOT NULL,
	size INTEGER NOT NULL,
	payload BLOB NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE snapshot_confirmations (
	doc_key INTEGER NOT NULL,
	device_key INTEGER NOT NULL,
	PRIMARY KEY (doc_key, device_key)
) WITHOUT ROWID;
`;

/** Opens (creating if needed) the relay database with its durability settings and schema. */
export function openDatabase(path: string): Database.Database {
	const db = new Database(path);
	try {
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = FULL');
		db.pragma('busy_timeout = 5000');
		db.pragma('foreign_keys = OFF');
		const version = db.pragma('user_version', { simple: true }) as number;
		if (version > SCHEMA_VERSION) {
			throw new Error(`database schema ${version} is newer than this relay (${SCHEMA_VERSION})`);
		}
		db.transaction(() => {
			db.exec(VERSION_2_DDL);
			if (version < 3) db.exec(VERSION_3_DDL);
			db.pragma(`user_version = ${SCHEMA_VERSION}`);
		})();
		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}
