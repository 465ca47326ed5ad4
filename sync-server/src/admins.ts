/**
 * The admins of an office: the office managers' personal Ed25519 keys (raw, canonical base64).
 * Only a signature by one of them changes the office's devices or admins, or approves a
 * compaction. The relay never holds their private halves.
 *
 * Invariants kept here, each within one transaction:
 * - an office registered under protocol v2 always has at least one admin: removing the last
 *   one is refused (`last-admin`). Offices of v1 relays start with none until one is adopted.
 * - admins are listed in the order they were added.
 */
import type Database from 'better-sqlite3';
import { RelayError } from './errors';

export class AdminStore {
	private readonly sql;

	constructor(private readonly db: Database.Database) {
		const prepare = db.prepare.bind(db);
		this.sql = {
			list: prepare<[string], { admin_key: string }>(
				'SELECT admin_key FROM admins WHERE office_id = ? ORDER BY admin_row'
			),
			has: prepare<[string, string], { n: number }>(
				'SELECT 1 AS n FROM admins WHERE office_id = ? AND admin_key = ?'
			),
			count: prepare<[string], { n: number }>(
				'SELECT COUNT(*) AS n FROM admins WHERE office_id = ?'
			),
			insert: prepare<[string, string, string, number]>(
				'INSERT INTO admins (office_id, admin_key, added_by, created_at) VALUES (?, ?, ?, ?)'
			),
			remove: prepare<[string, string]>('DELETE FROM admins WHERE office_id = ? AND admin_key = ?')
		};
	}

	list(officeId: string): string[] {
		return this.sql.list.all(officeId).map((row) => row.admin_key);
	}

	isAdmin(officeId: string, key: string): boolean {
		return this.sql.has.get(officeId, key) !== undefined;
	}

	count(officeId: string): number {
		return this.sql.count.get(officeId)?.n ?? 0;
	}

	/** Adds an admin key; false if it is one already. `addedBy` is '' for the registering one. */
	add(officeId: string, key: string, addedBy: string): boolean {
		return this.db.transaction(() => {
			if (this.isAdmin(officeId, key)) return false;
			this.sql.insert.run(officeId, key, addedBy, Date.now());
			return true;
		})();
	}

	/** Removes an admin key; false if it is none, `last-admin` if it is the only one. */
	remove(officeId: string, key: string): boolean {
		return this.db.transaction(() => {
			if (!this.isAdmin(officeId, key)) return false;
			if (this.count(officeId) <= 1) {
				throw new RelayError('last-admin', 'an office keeps at least one admin');
			}
			this.sql.remove.run(officeId, key);
			return true;
		})();
	}
}
