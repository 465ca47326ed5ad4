/**
 * How records sit in a document: a collection is a Y.Map from record id (a ULID) to a Y.Map of
 * fields, each field a whole plain value. Concurrent edits of different fields of one record
 * merge; the same field edited twice keeps one value (Yjs' deterministic last writer). Only fields
 * whose value changed are written, so saving an unchanged form adds nothing to the document.
 */
import * as Y from 'yjs';

export type PlainRecord = Record<string, unknown>;

/** The collection of records of one type in a document. */
export function collection(doc: Y.Doc, name: string): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(name);
}

/** A record's fields as a plain object (a Y.Map record), or the raw value if it is not one. */
export function readRecord(value: unknown): unknown {
	return value instanceof Y.Map ? value.toJSON() : value;
}

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Creates or updates a record, writing only the fields whose value differs. */
export function writeRecord(doc: Y.Doc, name: string, id: string, fields: PlainRecord): void {
	const records = collection(doc, name);
	let record = records.get(id);
	if (!(record instanceof Y.Map)) {
		record = new Y.Map<unknown>();
		records.set(id, record);
	}
	for (const [field, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		if (!sameValue(record.get(field), value)) record.set(field, value);
	}
}
