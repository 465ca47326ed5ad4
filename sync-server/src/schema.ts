/**
 * The relay's SQLite database: opened in WAL mode with `synchronous = FULL`, so a transaction
 * that has committed survives a crash or power loss — the relay sends ACK only after that.
 *
 * Tables: offices (quota counters), devices (public keys, revoked flag, highest deviceSeq
 * stored), documents (latest seq, seq covered by the snapshot), items (the updates since the
 * snapshot), snapshots (one per document) and blobs (immutable files, one row per office and
 * blob id, kept by the device that put it). Payloads are stored exactly as received. Version 2
 * added the blobs table; opening a version 1 database adds it.
 */
import Database from 'better-sqlite3';

const SCHEMA_VERSION = 2;

const DDL = `
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
		db.exec(DDL);
		db.pragma(`user_version = ${SCHEMA_VERSION}`);
		return db;
	} catch (error) {
		db.close();
		throw error;
	}
}
