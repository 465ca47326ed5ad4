import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collection, writeRecord } from '../documents/records';
import { MissingKeyError } from '../keys/area-keyring';
import { unlockOffice } from '../keys/vault';
import { itemsSpec, makeItem, notesSpec } from '../test-support/items';
import { createTestOffice, TEST_PASSPHRASE, type TestOffice } from '../test-support/test-office';
import { Workspace } from './workspace';

const ALPHA = { area: 'alpha' };

let office: TestOffice;

beforeEach(async () => {
	office = await createTestOffice();
});

afterEach(async () => {
	await office.dispose();
});

async function addItems(workspace: Workspace, numbers: number[], ref = ALPHA) {
	const document = await workspace.documents.open(ref);
	document.transact((doc) => {
		for (const n of numbers) writeRecord(doc, 'items', makeItem(n).id, makeItem(n));
	});
}

describe('Workspace', () => {
	it('keeps projections of two collections of one document side by side', async () => {
		const { workspace } = office;
		const items = await workspace.projection(ALPHA, itemsSpec);
		const notes = await workspace.projection(ALPHA, notesSpec);
		const document = await workspace.documents.open(ALPHA);
		document.transact((doc) => {
			writeRecord(doc, 'items', makeItem(1).id, makeItem(1));
			writeRecord(doc, 'notes', 'n1', { id: 'n1', text: 'Remember the key' });
		});

		expect(items.all()).toEqual([makeItem(1)]);
		expect(notes.all()).toEqual([{ id: 'n1', text: 'Remember the key' }]);
		expect(await workspace.projection(ALPHA, itemsSpec)).toBe(items);
	});

	it('keeps projections of one collection in two documents apart', async () => {
		const { workspace } = office;
		await addItems(workspace, [1], ALPHA);
		await addItems(workspace, [2], { area: 'beta' });
		const alpha = await workspace.projection(ALPHA, itemsSpec);
		const beta = await workspace.projection({ area: 'beta' }, itemsSpec);
		expect(alpha.all()).toEqual([makeItem(1)]);
		expect(beta.all()).toEqual([makeItem(2)]);
	});

	it('rebuilds every projection with identical rows', async () => {
		const { workspace } = office;
		await addItems(workspace, [1, 2, 3]);
		const items = await workspace.projection(ALPHA, itemsSpec);
		const before = items.all();
		const version = items.version;
		await workspace.rebuildProjections();
		expect(items.version).toBeGreaterThan(version);
		expect(items.all()).toEqual(before);
	});

	it('saves edits still pending when it closes', async () => {
		await addItems(office.workspace, [1, 2]);
		await office.workspace.close();

		const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, { channelName: null });
		try {
			expect((await again.projection(ALPHA, itemsSpec)).size).toBe(2);
		} finally {
			await again.close();
		}
	});

	it('forgets the keys when it closes', async () => {
		const { workspace, keys } = office;
		expect(keys.keyring.areas().length).toBeGreaterThan(0);
		await workspace.close();
		expect(workspace.closed).toBe(true);
		expect(keys.keyring.areas()).toEqual([]);
	});

	it('empties the tables it handed out and the quarantine when it closes', async () => {
		const { workspace } = office;
		await addItems(workspace, [1, 2]);
		const document = await workspace.documents.open(ALPHA);
		document.transact((doc) => collection(doc, 'items').get(makeItem(2).id)!.set('qty', 'x'));
		const items = await workspace.projection(ALPHA, itemsSpec);
		expect(items.size).toBe(1);
		expect(workspace.quarantine.size).toBe(1);

		await workspace.close();

		expect(items.size).toBe(0);
		expect(items.all()).toEqual([]);
		expect(workspace.quarantine.size).toBe(0);
	});

	it('cannot open documents or projections once closed', async () => {
		const { workspace } = office;
		await addItems(workspace, [1]);
		await workspace.close();

		await expect(workspace.documents.open(ALPHA)).rejects.toBeInstanceOf(MissingKeyError);
		await expect(workspace.projection(ALPHA, itemsSpec)).rejects.toBeInstanceOf(MissingKeyError);
	});

	it('releases the documents it had open when it closes', async () => {
		const { workspace } = office;
		const document = await workspace.documents.open(ALPHA);
		await workspace.close();
		expect(workspace.documents.openIds()).toEqual([]);
		expect(document.doc.isDestroyed).toBe(true);
	});
});
