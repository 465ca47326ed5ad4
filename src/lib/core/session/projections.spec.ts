import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeRecord } from '../documents/records';
import { itemsSpec, makeItem, notesSpec } from '../test-support/items';
import { unlockOffice } from '../keys/vault';
import { createTestOffice, TEST_PASSPHRASE, type TestOffice } from '../test-support/test-office';
import { Workspace, type WorkspaceOptions } from './workspace';

const ALPHA = { area: 'alpha' };
const CACHE = { projectionCache: { tag: 'build-1', saveAfterMs: 60_000 } };

let office: TestOffice;
const workspaces: Workspace[] = [];

beforeEach(async () => {
	office = await createTestOffice();
});
afterEach(async () => {
	for (const workspace of workspaces.splice(0)) await workspace.close();
	await office.dispose();
});

/** A new sign-in on the same device: fresh keys and workspace over the same database. */
async function signIn(options: WorkspaceOptions = CACHE): Promise<Workspace> {
	const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
	const workspace = new Workspace(office.db, keys, { channelName: null, ...options });
	workspaces.push(workspace);
	return workspace;
}

async function writeItems(workspace: Workspace, from: number, to: number): Promise<void> {
	const document = await workspace.documents.open(ALPHA);
	document.transact((doc) => {
		for (let n = from; n <= to; n++) writeRecord(doc, 'items', makeItem(n).id, makeItem(n));
	});
	await workspace.documents.flush();
}

/** Writes items, lets a signed-in session see them, and signs out (which seals the cache). */
async function cachedOffice(count = 50): Promise<void> {
	const first = await signIn();
	await writeItems(first, 1, count);
	await first.projection(ALPHA, itemsSpec);
	await first.close();
}

describe('projection cache', () => {
	it('shows a large table at the next sign-in without loading its document', async () => {
		await cachedOffice();
		const second = await signIn();
		const table = await second.projection(ALPHA, itemsSpec);
		expect(table.size).toBe(50);
		expect(table.get(makeItem(7).id)).toEqual(makeItem(7));
		expect(table.where('qty', 3)).toHaveLength(5);
		expect(second.documents.isOpen('alpha')).toBe(false);
	});

	it('builds from the document when something was stored since the cache was made', async () => {
		await cachedOffice();
		const writer = office.openStore();
		const document = await writer.open(ALPHA);
		document.transact((doc) => writeRecord(doc, 'items', makeItem(51).id, makeItem(51)));
		await writer.flush();

		const table = await (await signIn()).projection(ALPHA, itemsSpec);
		expect(table.size).toBe(51);
	});

	it('follows the document as soon as a command writes to it', async () => {
		await cachedOffice();
		const second = await signIn();
		const table = await second.projection(ALPHA, itemsSpec);
		await writeItems(second, 51, 52);
		expect(table.size).toBe(52);
		expect(table.get(makeItem(52).id)).toEqual(makeItem(52));
	});

	it('opens the document when rows for it arrive from elsewhere, and shows them', async () => {
		await cachedOffice();
		const second = await signIn();
		const table = await second.projection(ALPHA, itemsSpec);
		const elsewhere = office.openStore();
		const document = await elsewhere.open(ALPHA);
		document.transact((doc) => writeRecord(doc, 'items', makeItem(99).id, makeItem(99)));
		await elsewhere.flush();

		await second.documents.notifyStored('alpha');
		await expect.poll(() => table.get(makeItem(99).id)).toEqual(makeItem(99));
	});

	it('keeps every collection a session read cached when only one of them changed', async () => {
		await cachedOffice();
		const second = await signIn();
		await second.projection(ALPHA, itemsSpec);
		await second.projection(ALPHA, notesSpec);
		await writeItems(second, 51, 51);
		await second.close();

		const third = await signIn();
		expect((await third.projection(ALPHA, itemsSpec)).size).toBe(51);
		expect((await third.projection(ALPHA, notesSpec)).size).toBe(0);
		expect(third.documents.isOpen('alpha')).toBe(false);
	});

	it('ignores a cache written by another build of the app', async () => {
		await cachedOffice();
		const other = await signIn({ projectionCache: { ...CACHE.projectionCache, tag: 'build-2' } });
		const table = await other.projection(ALPHA, itemsSpec);
		expect(table.size).toBe(50);
		expect(other.documents.isOpen('alpha')).toBe(true);
	});

	it('keeps no plaintext of the rows at rest', async () => {
		const first = await signIn();
		const document = await first.documents.open(ALPHA);
		document.transact((doc) => {
			for (let n = 1; n <= 20; n++) {
				const item = makeItem(n, { name: `canary-zebra-${n}` });
				writeRecord(doc, 'items', item.id, item);
			}
		});
		await first.projection(ALPHA, itemsSpec);
		await first.close();
		const [row] = await office.db.projections.toArray();
		expect(row).toBeDefined();
		expect(new TextDecoder().decode(row.ciphertext)).not.toContain('canary-zebra');
	});

	it('does not cache small tables', async () => {
		const first = await signIn({ projectionCache: { tag: 'build-1', minRows: 100 } });
		await writeItems(first, 1, 50);
		await first.projection(ALPHA, itemsSpec);
		await first.close();
		expect(await office.db.projections.count()).toBe(0);
	});

	it('is off unless the app turns it on', async () => {
		const plain = await signIn({});
		await writeItems(plain, 1, 50);
		await plain.projection(ALPHA, itemsSpec);
		await plain.close();
		expect(await office.db.projections.count()).toBe(0);
	});
});
