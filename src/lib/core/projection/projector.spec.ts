import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OfficeDocument } from '../documents/office-document';
import { collection, writeRecord } from '../documents/records';
import { itemsSpec, makeItem, type Item } from '../test-support/items';
import { QuarantineList } from '../validation/quarantine';
import { ProjectionTable } from './projection-table';
import { Projector } from './projector';

function setup() {
	const document = new OfficeDocument('alpha', { area: 'alpha' });
	const table = new ProjectionTable<Item>('items', itemsSpec.indexes);
	const quarantine = new QuarantineList();
	const start = () => new Projector(document, itemsSpec, table, quarantine);
	return { document, table, quarantine, start };
}

function fill(document: OfficeDocument, count: number): void {
	document.transact((doc) => {
		for (let n = 1; n <= count; n++) writeRecord(doc, 'items', makeItem(n).id, makeItem(n));
	});
}

/** Writes into the document the way another device's update would arrive. */
function fromRemote(document: OfficeDocument, change: (remote: Y.Doc) => void): void {
	const remote = new Y.Doc();
	Y.applyUpdate(remote, Y.encodeStateAsUpdate(document.doc));
	const before = Y.encodeStateVector(remote);
	change(remote);
	document.applyRemote(Y.encodeStateAsUpdate(remote, before));
}

const byId = (rows: Item[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

function snapshot(table: ProjectionTable<Item>) {
	return {
		size: table.size,
		all: byId(table.all()),
		qty3: byId(table.where('qty', 3)),
		qty0: byId(table.where('qty', 0)),
		one: table.get(makeItem(150).id),
		missing: table.get('nope')
	};
}

describe('Projector', () => {
	it('builds the table from what the document already holds', () => {
		const { document, table, start } = setup();
		fill(document, 300);
		start();
		expect(table.size).toBe(300);
		expect(table.get(makeItem(7).id)).toEqual(makeItem(7));
		expect(table.where('qty', 3)).toHaveLength(30);
	});

	it('gives identical query results after a rebuild, and after clearing the table first', () => {
		const { document, table, start } = setup();
		const projector = start();
		fill(document, 300);
		const before = snapshot(table);
		expect(before.all).toHaveLength(300);
		expect(before.qty3).toHaveLength(30);
		expect(before.one).toEqual(makeItem(150));

		projector.rebuild();
		expect(snapshot(table)).toEqual(before);

		table.clear();
		expect(table.size).toBe(0);
		expect(table.where('qty', 3)).toEqual([]);
		projector.rebuild();
		expect(snapshot(table)).toEqual(before);
	});

	it('updates the one row an edit touched, its indexes and the version', () => {
		const { document, table, start } = setup();
		fill(document, 20);
		start();
		const version = table.version;
		const untouched = table.get(makeItem(2).id);

		document.transact((doc) => writeRecord(doc, 'items', makeItem(3).id, { qty: 99 }));

		expect(table.version).toBeGreaterThan(version);
		expect(table.get(makeItem(3).id)).toEqual(makeItem(3, { qty: 99 }));
		expect(table.where('qty', 99)).toEqual([makeItem(3, { qty: 99 })]);
		expect(table.where('qty', 3).map((row) => row.id)).not.toContain(makeItem(3).id);
		expect(table.get(makeItem(2).id)).toBe(untouched);
	});

	it('adds records created after it started, also when they arrive from another device', () => {
		const { document, table, start } = setup();
		start();
		fill(document, 2);
		fromRemote(document, (remote) => writeRecord(remote, 'items', makeItem(3).id, makeItem(3)));
		expect(byId(table.all())).toEqual([makeItem(1), makeItem(2), makeItem(3)]);
	});

	it('notifies subscribers once per transaction', () => {
		const { document, table, start } = setup();
		start();
		let calls = 0;
		table.subscribe(() => calls++);
		fill(document, 50);
		expect(calls).toBe(1);
	});

	it('removes the row of a record deleted from the collection', () => {
		const { document, table, start } = setup();
		fill(document, 5);
		start();
		document.transact((doc) => collection(doc, 'items').delete(makeItem(2).id));
		expect(table.get(makeItem(2).id)).toBeUndefined();
		expect(table.size).toBe(4);
		expect(table.where('qty', 2)).toEqual([]);
	});

	describe('with a record that fails validation', () => {
		it.each<[string, (remote: Y.Doc) => void, string]>([
			[
				'a field of the wrong type',
				(remote) => collection(remote, 'items').get(makeItem(1).id)!.set('qty', 'lots'),
				'qty: '
			],
			[
				'a required field emptied',
				(remote) => collection(remote, 'items').get(makeItem(1).id)!.set('name', ''),
				'name: Enter a name.'
			],
			[
				'an id that differs from its key',
				(remote) => collection(remote, 'items').get(makeItem(1).id)!.set('id', 'someone-else'),
				'id: does not match the record key'
			],
			[
				'a plain value where a record belongs',
				(remote) => (collection(remote, 'items') as Y.Map<unknown>).set(makeItem(1).id, 'junk'),
				''
			]
		])('quarantines %s instead of showing it, without throwing', (_label, damage, issue) => {
			const { document, table, quarantine, start } = setup();
			fill(document, 3);
			start();

			expect(() => fromRemote(document, damage)).not.toThrow();

			expect(table.get(makeItem(1).id)).toBeUndefined();
			expect(table.size).toBe(2);
			const entries = quarantine.all();
			expect(entries).toHaveLength(1);
			expect(entries[0]).toMatchObject({ docId: 'alpha', collection: 'items', id: makeItem(1).id });
			expect(entries[0].issues.length).toBeGreaterThan(0);
			expect(entries[0].issues.some((text) => text.startsWith(issue))).toBe(true);
		});

		it('keeps it quarantined through a rebuild, and releases it once it is fixed', () => {
			const { document, table, quarantine, start } = setup();
			fill(document, 3);
			const projector = start();
			fromRemote(document, (remote) =>
				collection(remote, 'items').get(makeItem(1).id)!.set('qty', -5)
			);
			expect(quarantine.all()[0].raw).toEqual(makeItem(1, { qty: -5 }));
			expect(quarantine.all()[0].issues).toEqual(['qty: Use zero or more.']);

			projector.rebuild();
			expect(quarantine.size).toBe(1);
			expect(table.get(makeItem(1).id)).toBeUndefined();

			fromRemote(document, (remote) =>
				collection(remote, 'items').get(makeItem(1).id)!.set('qty', 5)
			);
			expect(quarantine.size).toBe(0);
			expect(table.get(makeItem(1).id)).toEqual(makeItem(1, { qty: 5 }));
		});

		it('releases it when the record is deleted', () => {
			const { document, quarantine, start } = setup();
			fill(document, 3);
			start();
			fromRemote(document, (remote) =>
				collection(remote, 'items').get(makeItem(1).id)!.set('qty', 'x')
			);
			expect(quarantine.size).toBe(1);

			document.transact((doc) => collection(doc, 'items').delete(makeItem(1).id));
			expect(quarantine.size).toBe(0);
		});

		it('quarantines a record that is invalid when the table is first built', () => {
			const { document, table, quarantine, start } = setup();
			fill(document, 3);
			document.transact((doc) => collection(doc, 'items').get(makeItem(2).id)!.set('name', 7));
			start();
			expect(table.size).toBe(2);
			expect(quarantine.all().map((entry) => entry.id)).toEqual([makeItem(2).id]);
		});
	});

	it('stops following the document when stopped', () => {
		const { document, table, start } = setup();
		const projector = start();
		fill(document, 2);
		projector.stop();
		document.transact((doc) => writeRecord(doc, 'items', makeItem(3).id, makeItem(3)));
		expect(table.size).toBe(2);
	});

	it('ignores other collections of the same document', () => {
		const { document, table, start } = setup();
		start();
		const version = table.version;
		document.transact((doc) => writeRecord(doc, 'notes', 'n1', { id: 'n1', text: 'hello' }));
		expect(table.version).toBe(version);
		expect(table.size).toBe(0);
	});
});
