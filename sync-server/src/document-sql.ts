/**
 * The prepared statements of documents.ts, and the row shapes they return. Items and snapshots
 * are read joined with their device, so pages carry the device id rather than its key.
 */
import type Database from 'better-sqlite3';
import type { StoredItem } from './documents';

export interface DocRow {
	doc_key: number;
	doc_id: string;
	latest: number;
	covers: number;
}

export type ItemRow = Omit<StoredItem, 'kind'>;

/** The columns after `seq` of an item or snapshot, joined with its device for the device id. */
const COLUMNS = `d.device_id AS deviceId, device_seq AS deviceSeq, epoch, nonce, signature, size, payload`;

/** Prepares every statement of the document store once. */
export function documentStatements(db: Database.Database) {
	const prepare = db.prepare.bind(db);
	return {
		list: prepare<[string], DocRow>('SELECT * FROM documents WHERE office_id = ? ORDER BY doc_key'),
		get: prepare<[string, string], DocRow>(
			'SELECT * FROM documents WHERE office_id = ? AND doc_id = ?'
		),
		byKey: prepare<[number], DocRow>('SELECT * FROM documents WHERE doc_key = ?'),
		office: prepare<[string], { bytes: number; documents: number }>(
			'SELECT bytes, documents FROM offices WHERE office_id = ?'
		),
		device: prepare<[number], { revoked: number; max_device_seq: number }>(
			'SELECT revoked, max_device_seq FROM devices WHERE device_key = ?'
		),
		findItem: prepare<[number, number, number], { seq: number }>(
			'SELECT seq FROM items WHERE device_key = ? AND device_seq = ? AND doc_key = ?'
		),
		insertDoc: prepare<[string, string], DocRow>(
			'INSERT INTO documents (office_id, doc_id) VALUES (?, ?) RETURNING *'
		),
		insertItem: prepare<[number, number, number, number, number, Buffer, Buffer, number, Buffer]>(
			'INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		setLatest: prepare<[number, number]>('UPDATE documents SET latest = ? WHERE doc_key = ?'),
		setCovers: prepare<[number, number]>('UPDATE documents SET covers = ? WHERE doc_key = ?'),
		setDeviceSeq: prepare<[number, number]>(
			'UPDATE devices SET max_device_seq = ? WHERE device_key = ?'
		),
		addBytes: prepare<[number, number, string]>(
			'UPDATE offices SET bytes = bytes + ?, documents = documents + ? WHERE office_id = ?'
		),
		coveredBytes: prepare<[number, number], { n: number | null }>(
			'SELECT SUM(size) AS n FROM items WHERE doc_key = ? AND seq <= ?'
		),
		deleteCovered: prepare<[number, number]>('DELETE FROM items WHERE doc_key = ? AND seq <= ?'),
		snapshotSize: prepare<[number], { size: number }>(
			'SELECT size FROM snapshots WHERE doc_key = ?'
		),
		putSnapshot: prepare<[number, number, number, number, number, Buffer, Buffer, number, Buffer]>(
			'INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		snapshot: prepare<[number], ItemRow>(
			`SELECT covers AS seq, ${COLUMNS} FROM snapshots s JOIN devices d USING (device_key) WHERE doc_key = ?`
		),
		items: prepare<[number, number, number], ItemRow>(
			`SELECT seq, ${COLUMNS} FROM items i JOIN devices d USING (device_key) WHERE doc_key = ? AND seq > ? ORDER BY seq LIMIT ?`
		)
	};
}
