/**
 * The prepared statements of compaction.ts: pending snapshots, their confirmations, and applying
 * one (which copies it into `snapshots` inside the database, never through JS memory).
 */
import type Database from 'better-sqlite3';
import type { DocRow } from './document-sql';

export interface PendingRow {
	covers: number;
	device_key: number;
	device_id: string;
	nonce: Buffer;
	signature: Buffer;
	size: number;
}

/** Prepares every statement of the compaction store once. */
export function compactionStatements(db: Database.Database) {
	const prepare = db.prepare.bind(db);
	return {
		doc: prepare<[string, string], DocRow>(
			'SELECT * FROM documents WHERE office_id = ? AND doc_id = ?'
		),
		officeBytes: prepare<[string], { bytes: number }>(
			'SELECT bytes FROM offices WHERE office_id = ?'
		),
		addBytes: prepare<[number, string]>('UPDATE offices SET bytes = bytes + ? WHERE office_id = ?'),
		pending: prepare<[number], PendingRow>(
			`SELECT covers, device_key, d.device_id, nonce, signature, size
			 FROM pending_snapshots p JOIN devices d USING (device_key) WHERE doc_key = ?`
		),
		putPending: prepare<
			[number, number, number, number, number, Buffer, Buffer, string, number, Buffer, number]
		>(
			`INSERT OR REPLACE INTO pending_snapshots
			 (doc_key, covers, device_key, device_seq, epoch, nonce, signature, link, size, payload, created_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		deletePending: prepare<[number]>('DELETE FROM pending_snapshots WHERE doc_key = ?'),
		confirm: prepare<[number, number]>(
			'INSERT OR IGNORE INTO snapshot_confirmations (doc_key, device_key) VALUES (?, ?)'
		),
		confirmations: prepare<[number], { n: number }>(
			'SELECT COUNT(*) AS n FROM snapshot_confirmations WHERE doc_key = ?'
		),
		clearConfirmations: prepare<[number]>('DELETE FROM snapshot_confirmations WHERE doc_key = ?'),
		coveredBytes: prepare<[number, number], { n: number }>(
			'SELECT TOTAL(size) AS n FROM items WHERE doc_key = ? AND seq <= ?'
		),
		deleteCovered: prepare<[number, number]>('DELETE FROM items WHERE doc_key = ? AND seq <= ?'),
		snapshotSize: prepare<[number], { size: number }>(
			'SELECT size FROM snapshots WHERE doc_key = ?'
		),
		promote: prepare<[number, number]>(
			`INSERT OR REPLACE INTO snapshots
			 (doc_key, covers, device_key, device_seq, epoch, nonce, signature, link, sig_version, size, payload)
			 SELECT doc_key, covers, device_key, device_seq, epoch, nonce, signature, link, ?, size, payload
			 FROM pending_snapshots WHERE doc_key = ?`
		),
		setCovers: prepare<[number, number]>('UPDATE documents SET covers = ? WHERE doc_key = ?'),
		listPending: prepare<[string], { docKey: number; deviceKey: number; nonce: Buffer }>(
			`SELECT doc_key AS docKey, device_key AS deviceKey, nonce
			 FROM pending_snapshots p JOIN documents d USING (doc_key)
			 WHERE d.office_id = ? ORDER BY doc_key`
		),
		loadPending: prepare<[number], PendingSnapshotRow>(
			`SELECT doc.doc_id AS docId, p.covers, dv.device_id AS deviceId, p.device_seq AS deviceSeq,
			        p.epoch, p.nonce, p.signature, p.link, p.size, p.payload
			 FROM pending_snapshots p
			 JOIN documents doc ON doc.doc_key = p.doc_key
			 JOIN devices dv ON dv.device_key = p.device_key
			 WHERE p.doc_key = ?`
		)
	};
}

/** A pending snapshot as SNAPSHOT_OFFER carries it. */
export interface PendingSnapshotRow {
	docId: string;
	covers: number;
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: Buffer;
	signature: Buffer;
	link: string;
	size: number;
	payload: Buffer;
}
