import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collection, readRecord, writeRecord } from './records';

/** Counts the Yjs updates a document emits while `change` runs. */
function updatesDuring(doc: Y.Doc, change: () => void): Uint8Array[] {
	const updates: Uint8Array[] = [];
	const listener = (update: Uint8Array) => updates.push(update);
	doc.on('update', listener);
	try {
		change();
	} finally {
		doc.off('update', listener);
	}
	return updates;
}

function sync(from: Y.Doc, to: Y.Doc): void {
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

const fields = { id: 'r1', name: 'First', qty: 3, tags: ['a', 'b'], size: { w: 1, h: 2 } };

describe('writeRecord', () => {
	it('creates a record as a map of plain fields', () => {
		const doc = new Y.Doc();
		writeRecord(doc, 'items', 'r1', fields);
		const stored = collection(doc, 'items').get('r1');
		expect(stored).toBeInstanceOf(Y.Map);
		expect(readRecord(stored)).toEqual(fields);
	});

	it('adds no update when every value is unchanged, objects and arrays included', () => {
		const doc = new Y.Doc();
		writeRecord(doc, 'items', 'r1', fields);
		const updates = updatesDuring(doc, () =>
			doc.transact(() => writeRecord(doc, 'items', 'r1', structuredClone(fields)))
		);
		expect(updates).toHaveLength(0);
	});

	it('writes only the fields whose value changed', () => {
		const doc = new Y.Doc();
		writeRecord(doc, 'items', 'r1', fields);
		const record = collection(doc, 'items').get('r1')!;
		const changedKeys: string[] = [];
		record.observe((event) => changedKeys.push(...event.keysChanged));

		const updates = updatesDuring(doc, () =>
			writeRecord(doc, 'items', 'r1', { ...fields, qty: 4 })
		);
		expect(updates).toHaveLength(1);
		expect(changedKeys).toEqual(['qty']);
		expect(readRecord(record)).toEqual({ ...fields, qty: 4 });
	});

	it('leaves a field alone when its new value is undefined', () => {
		const doc = new Y.Doc();
		writeRecord(doc, 'items', 'r1', fields);
		writeRecord(doc, 'items', 'r1', { name: undefined, qty: 9 });
		expect(readRecord(collection(doc, 'items').get('r1'))).toEqual({ ...fields, qty: 9 });
	});

	it('replaces a value that is not a record with a record', () => {
		const doc = new Y.Doc();
		(collection(doc, 'items') as Y.Map<unknown>).set('r1', 'not a record');
		writeRecord(doc, 'items', 'r1', { id: 'r1', name: 'Fixed' });
		expect(readRecord(collection(doc, 'items').get('r1'))).toEqual({ id: 'r1', name: 'Fixed' });
	});

	it('merges concurrent edits of different fields of one record', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeRecord(a, 'items', 'r1', { id: 'r1', name: 'First', qty: 3 });
		sync(a, b);

		writeRecord(a, 'items', 'r1', { name: 'Renamed' });
		writeRecord(b, 'items', 'r1', { qty: 8 });
		sync(a, b);
		sync(b, a);

		const expected = { id: 'r1', name: 'Renamed', qty: 8 };
		expect(readRecord(collection(a, 'items').get('r1'))).toEqual(expected);
		expect(readRecord(collection(b, 'items').get('r1'))).toEqual(expected);
	});

	it('settles concurrent edits of the same field on one value on both sides', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		writeRecord(a, 'items', 'r1', { id: 'r1', qty: 1 });
		sync(a, b);

		writeRecord(a, 'items', 'r1', { qty: 2 });
		writeRecord(b, 'items', 'r1', { qty: 3 });
		sync(a, b);
		sync(b, a);

		const qtyA = collection(a, 'items').get('r1')!.get('qty');
		expect([2, 3]).toContain(qtyA);
		expect(collection(b, 'items').get('r1')!.get('qty')).toBe(qtyA);
	});
});

describe('readRecord', () => {
	it.each([['text'], [42], [null], [undefined]])('returns the raw value %j unchanged', (raw) => {
		expect(readRecord(raw)).toBe(raw);
	});
});
