import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../bytes';
import { generateAeadKey } from '../crypto/aead';
import { AreaKeyring } from '../keys/area-keyring';
import { SYNC_ENABLED_META_KEY, writeMeta } from '../storage/db';
import { tablesContaining } from '../test-support/storage-scan';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import {
	BlobTooLargeError,
	BlobUnavailableError,
	BlobUnreadableError,
	MAX_BLOB_BYTES
} from './blob-store';
import { LocalBlobStore, type LocalBlobStoreOptions } from './local-blob-store';

const CANARY = 'CANARY-SCAN-7731 insurance card of Jane Roe';

let office: TestOffice;
let stores: LocalBlobStore[];

beforeEach(async () => {
	office = await createTestOffice();
	stores = [];
});

afterEach(async () => {
	for (const store of stores) store.close();
	await office.dispose();
});

function blobStore(options: LocalBlobStoreOptions = {}, keyring = office.keys.keyring) {
	const store = new LocalBlobStore(office.db, keyring, office.keys.deviceId, {
		channelName: null,
		pollMs: 5,
		...options
	});
	stores.push(store);
	return store;
}

describe('LocalBlobStore', () => {
	it('gives back the bytes it stored, and knows which blobs are here', async () => {
		const store = blobStore();
		const id = await store.put('alpha', utf8Encode(CANARY));

		expect(utf8Decode(await store.get('alpha', id))).toBe(CANARY);
		expect(await store.has(id)).toBe(true);
		expect(await store.has('01HZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(false);
	});

	it('is reachable from the command context of a workspace', async () => {
		const { blobs } = office.workspace.commandContext();
		const id = await blobs.put('alpha', utf8Encode('scan'));
		expect(utf8Decode(await blobs.get('alpha', id))).toBe('scan');
	});

	it('keeps only ciphertext at rest, queued for upload', async () => {
		const store = blobStore();
		const id = await store.put('alpha', utf8Encode(CANARY));

		expect(await tablesContaining(office.db, 'CANARY-SCAN-7731')).toEqual([]);
		const row = await office.db.blobs.get(id);
		expect(row).toMatchObject({ id, area: 'alpha', synced: 0, deviceId: office.keys.deviceId });
		expect(row!.size).toBe(row!.ciphertext.length);
		expect(row!.size).toBe(utf8Encode(CANARY).length + 16);
	});

	it('reports a blob that does not decrypt with the key held as unreadable', async () => {
		const id = await blobStore().put('alpha', utf8Encode(CANARY));
		const foreign = new AreaKeyring();
		const { keyId } = office.keys.keyring.current('alpha');
		foreign.add('alpha', { epoch: 1, keyId }, await generateAeadKey());
		foreign.add('alpha', { epoch: 0, keyId }, await generateAeadKey());

		await expect(blobStore({}, foreign).get('alpha', id)).rejects.toBeInstanceOf(
			BlobUnreadableError
		);
	});

	it('reports a blob asked for under another area, or altered, as unreadable', async () => {
		const store = blobStore();
		const id = await store.put('alpha', utf8Encode(CANARY));
		await expect(store.get('beta', id)).rejects.toBeInstanceOf(BlobUnreadableError);

		const row = (await office.db.blobs.get(id))!;
		row.ciphertext[3] ^= 1;
		await office.db.blobs.put(row);
		await expect(store.get('alpha', id)).rejects.toBeInstanceOf(BlobUnreadableError);
	});

	it('refuses a file over the size limit with a clear message and stores nothing', async () => {
		const store = blobStore();
		const put = store.put('alpha', new Uint8Array(MAX_BLOB_BYTES + 1));

		await expect(put).rejects.toBeInstanceOf(BlobTooLargeError);
		await expect(put).rejects.toThrow(/at most 15 MB/);
		expect(await office.db.blobs.count()).toBe(0);
	});

	it('asks for prefetched blobs that are not here, and only those', async () => {
		const store = blobStore();
		const here = await store.put('alpha', utf8Encode('here'));
		await store.prefetch('alpha', [here, '01HAAAAAAAAAAAAAAAAAAAAAAA', 'not valid!']);

		expect(await office.db.blobWants.toArray()).toEqual([
			expect.objectContaining({ id: '01HAAAAAAAAAAAAAAAAAAAAAAA', area: 'alpha' })
		]);
	});
});

describe('LocalBlobStore.get of a blob not on this device', () => {
	const missing = '01HBBBBBBBBBBBBBBBBBBBBBBB';

	it('fails at once when this device does not sync', async () => {
		await expect(blobStore().get('alpha', missing)).rejects.toBeInstanceOf(BlobUnavailableError);
		expect(await office.db.blobWants.count()).toBe(0);
	});

	it('fails at once when the browser is offline', async () => {
		await writeMeta(office.db, SYNC_ENABLED_META_KEY, true);
		const store = blobStore({ online: () => false });
		await expect(store.get('alpha', missing)).rejects.toBeInstanceOf(BlobUnavailableError);
	});

	it('asks for it, and gives up after the timeout with the want kept', async () => {
		await writeMeta(office.db, SYNC_ENABLED_META_KEY, true);
		const started = Date.now();
		await expect(blobStore().get('alpha', missing, { timeoutMs: 60 })).rejects.toBeInstanceOf(
			BlobUnavailableError
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
		expect(await office.db.blobWants.get(missing)).toMatchObject({ area: 'alpha' });
	});

	it('fails as soon as the relay answered that it was not uploaded yet', async () => {
		await writeMeta(office.db, SYNC_ENABLED_META_KEY, true);
		const pending = blobStore().get('alpha', missing, { timeoutMs: 10_000 });
		setTimeout(() => void office.db.blobWants.update(missing, { missingAt: 'now' }), 20);
		await expect(pending).rejects.toBeInstanceOf(BlobUnavailableError);
	});

	it('returns the blob once the sync client has stored it', async () => {
		await writeMeta(office.db, SYNC_ENABLED_META_KEY, true);
		// Another device's blob, as the sync client would store it: ciphertext only.
		const other = blobStore();
		const id = await other.put('alpha', utf8Encode(CANARY));
		const row = (await office.db.blobs.get(id))!;
		await office.db.blobs.delete(id);

		const pending = blobStore().get('alpha', id, { timeoutMs: 10_000 });
		setTimeout(() => {
			void office.db.transaction('rw', office.db.blobs, office.db.blobWants, async () => {
				await office.db.blobs.put({ ...row, synced: 1 });
				await office.db.blobWants.delete(id);
			});
		}, 20);
		expect(utf8Decode(await pending)).toBe(CANARY);
	});
});
