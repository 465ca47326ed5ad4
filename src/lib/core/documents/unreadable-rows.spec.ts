import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateAeadKey } from '../crypto/aead';
import { AreaKeyring, MissingKeyError } from '../keys/area-keyring';
import { keyringCipher } from '../keys/document-cipher';
import type { UpdateRow } from '../storage/db';
import { makeItem } from '../test-support/items';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import type { DocumentRef } from './document-id';
import type { DocumentStore } from './document-store';
import { collection, writeRecord } from './records';

const ALPHA: DocumentRef = { area: 'alpha' };
/** An epoch of the alpha key that the test office does not hold. */
const LATER_EPOCH = 7;
const LATER = { epoch: LATER_EPOCH, keyId: 'later-key-0123456789ab' };
const OTHER_DEVICE = 'device-b';

let office: TestOffice;

beforeEach(async () => {
	office = await createTestOffice();
});

afterEach(async () => {
	await office.dispose();
});

async function itemIds(store: DocumentStore, ref: DocumentRef = ALPHA): Promise<string[]> {
	const document = await store.open(ref);
	return Object.keys(collection(document.doc, 'items').toJSON()).sort();
}

/** The alpha document's update rows in order: the office's people document has rows of its own. */
function alphaRows(): Promise<UpdateRow[]> {
	return office.db.updates.where('docId').equals('alpha').sortBy('id');
}

const ids = (numbers: number[]) => numbers.map((n) => makeItem(n).id);

async function writeItems(store: DocumentStore, numbers: number[]): Promise<void> {
	const document = await store.open(ALPHA);
	for (const n of numbers) {
		document.transact((doc) => writeRecord(doc, 'items', makeItem(n).id, makeItem(n)));
		await store.flush();
	}
}

/** Each item in a session of its own: its own Yjs client, so no row depends on another. */
async function writeInOwnSessions(numbers: number[]): Promise<UpdateRow[]> {
	for (const n of numbers) {
		const store = office.openStore();
		await writeItems(store, [n]);
		await store.close();
	}
	return alphaRows();
}

/** Flips one ciphertext byte of a stored row, as a relay or a damaged disk might. */
async function tamper(rowId: number): Promise<UpdateRow> {
	const row = (await office.db.updates.get(rowId))!;
	const ciphertext = row.ciphertext.slice();
	ciphertext[0] ^= 0x01;
	await office.db.updates.put({ ...row, ciphertext });
	return (await office.db.updates.get(rowId))!;
}

/** A key of an epoch the office does not hold, and a cipher that writes with it. */
async function laterEpoch(deviceId = OTHER_DEVICE) {
	const key = await generateAeadKey();
	const keyring = new AreaKeyring();
	keyring.add('alpha', LATER, key);
	return { key, cipher: keyringCipher(keyring, deviceId) };
}

/** A Yjs update that adds one item, as another device would make it. */
function itemUpdate(n: number): Uint8Array {
	const doc = new Y.Doc();
	writeRecord(doc, 'items', makeItem(n).id, makeItem(n));
	return Y.encodeStateAsUpdate(doc);
}

describe('A document with rows that do not decrypt', () => {
	it('opens with every good edit and lists the altered row, which stays stored and unapplied', async () => {
		const rows = await writeInOwnSessions([1, 2, 3]);
		const bad = await tamper(rows[1].id!);

		const store = office.openStore();
		expect(await itemIds(store)).toEqual(ids([1, 3]));
		expect(store.unreadable.size).toBe(1);
		const [entry] = store.unreadable.all();
		expect(entry).toMatchObject({
			docId: 'alpha',
			rowId: bad.id,
			deviceId: office.keys.deviceId,
			epoch: bad.epoch,
			reason: 'undecryptable'
		});
		expect(entry.message).toContain('could not be decrypted');
		expect(Date.parse(entry.firstSeen)).not.toBeNaN();
		expect(await store.isComplete('alpha')).toBe(false);
		expect(await office.db.updates.get(bad.id)).toEqual(bad);
	});

	it('keeps the altered row through compaction, which does not throw', async () => {
		const rows = await writeInOwnSessions([1, 2, 3]);
		const bad = await tamper(rows[1].id!);

		const store = office.openStore();
		await store.open(ALPHA);
		await store.compact(ALPHA);
		// Sync is off, so compaction deletes every row it folded: all but the unreadable one.
		expect(await alphaRows()).toEqual([bad]);
		expect(await office.db.snapshots.get('alpha')).toBeDefined();
		await store.close();

		const reopened = office.openStore();
		expect(await itemIds(reopened)).toEqual(ids([1, 3]));
		expect(reopened.unreadable.all()).toEqual([
			expect.objectContaining({ rowId: bad.id, reason: 'undecryptable' })
		]);
	});

	it('applies the rows a sync notice brings without rejecting, and lists the one that does not decrypt', async () => {
		const store = office.openStore();
		await store.open(ALPHA);
		const cipher = keyringCipher(office.keys.keyring, OTHER_DEVICE);
		const good = await cipher.seal('alpha', 'alpha', itemUpdate(1));
		const altered = await cipher.seal('alpha', 'alpha', itemUpdate(2));
		altered.ciphertext[5] ^= 0x01;
		await office.db.updates.bulkAdd([
			{ docId: 'alpha', ...good, synced: 1 },
			{ docId: 'alpha', ...altered, synced: 1 }
		]);

		await expect(store.notifyStored('alpha')).resolves.toBeUndefined();
		expect(await itemIds(store)).toEqual(ids([1]));
		expect(store.unreadable.all()).toEqual([
			expect.objectContaining({ deviceId: OTHER_DEVICE, reason: 'undecryptable' })
		]);
		expect(await alphaRows()).toHaveLength(2);
	});

	it('lists a row sealed under a key epoch this person does not hold as missing-key', async () => {
		const { cipher } = await laterEpoch();
		const sealed = await cipher.seal('alpha', 'alpha', itemUpdate(9));
		const rowId = await office.db.updates.add({ docId: 'alpha', ...sealed, synced: 1 });

		const store = office.openStore();
		expect(await itemIds(store)).toEqual([]);
		expect(store.unreadable.size).toBe(1);
		const [entry] = store.unreadable.all();
		expect(entry).toMatchObject({
			docId: 'alpha',
			rowId,
			deviceId: OTHER_DEVICE,
			epoch: LATER_EPOCH,
			reason: 'missing-key'
		});
		expect(entry.message).toContain(`key ${LATER_EPOCH}`);
		expect(await office.db.updates.get(rowId)).toBeDefined();
	});

	it('applies a row of a missing key once the key is held: at the next catch-up and the next open', async () => {
		const { key, cipher } = await laterEpoch();
		const sealed = await cipher.seal('alpha', 'alpha', itemUpdate(9));
		await office.db.updates.add({ docId: 'alpha', ...sealed, synced: 1 });
		const store = office.openStore();
		await store.open(ALPHA);
		await store.notifyStored('alpha');
		expect(store.unreadable.size).toBe(1);

		office.keys.keyring.add('alpha', LATER, key);
		await store.notifyStored('alpha');
		expect(await itemIds(store)).toEqual(ids([9]));
		expect(store.unreadable.size).toBe(0);
		expect(await store.isComplete('alpha')).toBe(true);

		const reopened = office.openStore();
		expect(await itemIds(reopened)).toEqual(ids([9]));
		expect(reopened.unreadable.size).toBe(0);
	});

	it('keeps edits that wait on an unreadable row through compaction, and shows them once it reads', async () => {
		// One session, one Yjs client: item 3 builds on the row of item 2.
		const writer = office.openStore();
		await writeItems(writer, [1, 2, 3]);
		await writer.close();
		const rows = await alphaRows();
		const plaintext = await keyringCipher(office.keys.keyring, office.keys.deviceId).open(
			'alpha',
			'alpha',
			rows[1]
		);
		const { key, cipher } = await laterEpoch(office.keys.deviceId);
		await office.db.updates.put({
			...rows[1],
			...(await cipher.seal('alpha', 'alpha', plaintext))
		});

		const store = office.openStore();
		expect(await itemIds(store)).toEqual(ids([1]));
		await store.compact(ALPHA);
		expect((await alphaRows()).map((row) => row.id)).toEqual([rows[1].id]);
		await store.close();

		office.keys.keyring.add('alpha', LATER, key);
		const reopened = office.openStore();
		expect(await itemIds(reopened)).toEqual(ids([1, 2, 3]));
		expect(reopened.unreadable.size).toBe(0);
	});

	it('refuses to open a document of an area this person holds no key for, listing nothing', async () => {
		const keyring = new AreaKeyring();
		keyring.add('gamma', { epoch: 1, keyId: 'gamma-key-0123456789ab' }, await generateAeadKey());
		const sealed = await keyringCipher(keyring, OTHER_DEVICE).seal('gamma', 'gamma', itemUpdate(1));
		await office.db.updates.add({ docId: 'gamma', ...sealed, synced: 1 });

		const store = office.openStore();
		await expect(store.open({ area: 'gamma' })).rejects.toBeInstanceOf(MissingKeyError);
		expect(store.unreadable.size).toBe(0);
	});
});

describe('A document whose snapshot does not decrypt', () => {
	async function withTamperedSnapshot() {
		const first = office.openStore();
		await writeItems(first, [1]);
		await first.compact(ALPHA);
		await first.close();
		await writeInOwnSessions([2]);
		const snapshot = (await office.db.snapshots.get('alpha'))!;
		const ciphertext = snapshot.ciphertext.slice();
		ciphertext[ciphertext.length - 1] ^= 0x01;
		await office.db.snapshots.put({ ...snapshot, ciphertext });
		return (await office.db.snapshots.get('alpha'))!;
	}

	it('lists the snapshot and still applies the rows stored after it', async () => {
		const snapshot = await withTamperedSnapshot();

		const store = office.openStore();
		expect(await itemIds(store)).toEqual(ids([2]));
		expect(store.unreadable.all()).toEqual([
			expect.objectContaining({
				docId: 'alpha',
				rowId: null,
				deviceId: snapshot.deviceId,
				epoch: snapshot.epoch,
				reason: 'snapshot'
			})
		]);
		expect(await store.isComplete('alpha')).toBe(false);
	});

	it('is never compacted, when asked or after many writes, so the snapshot stays untouched', async () => {
		const snapshot = await withTamperedSnapshot();

		const store = office.openStore({ compactAfter: 2 });
		await store.open(ALPHA);
		await expect(store.compact(ALPHA)).resolves.toBeUndefined();
		await writeItems(store, [3, 4, 5]);
		await store.close();

		expect(await office.db.snapshots.get('alpha')).toEqual(snapshot);
		expect(await alphaRows()).toHaveLength(4);
		expect(await itemIds(office.openStore())).toEqual(ids([2, 3, 4, 5]));
	});
});
