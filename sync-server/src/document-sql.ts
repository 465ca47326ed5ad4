/**
 * The prepared statements of documents.ts, and the row shapes they return. Items and snapshots
 * are read joined with their device, so pages carry the device id rather than its key, and with
 * their link and signature version (`v`: 1 for rows a v1 relay stored).
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
const COLUMNS = `d.device_id AS deviceId, device_seq AS deviceSeq, epoch, nonce, signature, link, sig_version AS v, size, payload`;

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
		findItem: prepare<[number, number, number], { seq: number }>(
			'SELECT seq FROM items WHERE device_key = ? AND device_seq = ? AND doc_key = ?'
		),
		insertDoc: prepare<[string, string], DocRow>(
			'INSERT INTO documents (office_id, doc_id) VALUES (?, ?) RETURNING *'
		),
		insertItem: prepare<
			[number, number, number, number, number, Buffer, Buffer, string, number, number, Buffer]
		>(
			`INSERT INTO items (doc_key, seq, device_key, device_seq, epoch, nonce, signature, link, sig_version, size, payload)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		),
		setLatest: prepare<[number, number]>('UPDATE documents SET latest = ? WHERE doc_key = ?'),
		setDeviceSeq: prepare<[number, number]>(
			'UPDATE devices SET max_device_seq = ? WHERE device_key = ?'
		),
		addBytes: prepare<[number, number, string]>(
			'UPDATE offices SET bytes = bytes + ?, documents = documents + ? WHERE office_id = ?'
		),
		snapshot: prepare<[number], ItemRow>(
			`SELECT covers AS seq, ${COLUMNS} FROM snapshots s JOIN devices d USING (device_key) WHERE doc_key = ?`
		),
		items: prepare<[number, number, number], ItemRow>(
			`SELECT seq, ${COLUMNS} FROM items i JOIN devices d USING (device_key) WHERE doc_key = ? AND seq > ? ORDER BY seq LIMIT ?`
		)
	};
}
