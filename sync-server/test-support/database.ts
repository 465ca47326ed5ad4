/** The relay's database read beside the running relay (read-only), to see what it keeps. */
import Database from 'better-sqlite3';

export interface StoredRows {
	/** Seqs of the stored items, in order. */
	items: number[];
	/** Covers of the confirmed snapshots. */
	covers: number[];
	/** Covers of the pending snapshots. */
	pending: number[];
	/** The office byte counters. */
	bytes: number[];
	/** What items, snapshots, pending snapshots and blobs actually hold. */
	actualBytes: number;
}

/** Rows of the relay database at `dbPath`. */
export function storedRows(dbPath: string): StoredRows {
	const db = new Database(dbPath, { readonly: true });
	const numbers = (sql: string) => db.prepare(sql).pluck().all() as number[];
	try {
		return {
			items: numbers('SELECT seq FROM items ORDER BY doc_key, seq'),
			covers: numbers('SELECT covers FROM snapshots ORDER BY doc_key'),
			pending: numbers('SELECT covers FROM pending_snapshots ORDER BY doc_key'),
			bytes: numbers('SELECT bytes FROM offices ORDER BY office_id'),
			actualBytes: db
				.prepare(
					`SELECT (SELECT TOTAL(size) FROM items) + (SELECT TOTAL(size) FROM snapshots)
					 + (SELECT TOTAL(size) FROM pending_snapshots) + (SELECT TOTAL(size) FROM blobs)`
				)
				.pluck()
				.get() as number
		};
	} finally {
		db.close();
	}
}

/** The devices of every office, in enrolment order, and the admin keys. */
export function storedMembers(dbPath: string): {
	devices: { deviceId: string; revoked: boolean }[];
	admins: string[];
} {
	const db = new Database(dbPath, { readonly: true });
	try {
		const devices = db
			.prepare('SELECT device_id AS deviceId, revoked FROM devices ORDER BY device_key')
			.all() as { deviceId: string; revoked: number }[];
		return {
			devices: devices.map((d) => ({ deviceId: d.deviceId, revoked: d.revoked !== 0 })),
			admins: db
				.prepare('SELECT admin_key FROM admins ORDER BY admin_row')
				.pluck()
				.all() as string[]
		};
	} finally {
		db.close();
	}
}
