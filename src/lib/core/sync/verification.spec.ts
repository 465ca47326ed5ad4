/**
 * What a device takes from the relay, checked against the office's own list of devices
 * (`trust`): through a real relay on 127.0.0.1, with a test standing in for a relay that forges.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { toBase64, utf8Decode, utf8Encode } from '../bytes';
import { BlobUnavailableError } from '../blobs/blob-store';
import { LocalBlobStore } from '../blobs/local-blob-store';
import { generateSigningKeyPair } from '../crypto/signing';
import type { DocumentRef } from '../documents/document-id';
import { collection, writeRecord } from '../documents/records';
import {
	connected,
	enrolledDevices,
	startTestRelay,
	TestTrust,
	type TestDevice
} from '../test-support/sync-devices';
import type { UpdatesHeader } from './messages';
import { countUnsynced } from './outbox-rows';
import { encodeFrame } from './protocol';
import { signItem } from './signing-text';

const ALPHA: DocumentRef = { area: 'alpha' };

let relay: Awaited<ReturnType<typeof startTestRelay>>;
let devices: TestDevice[] = [];
let stores: LocalBlobStore[] = [];

beforeAll(async () => {
	relay = await startTestRelay();
});

afterAll(async () => {
	await relay.close();
});

afterEach(async () => {
	for (const store of stores) store.close();
	for (const device of devices) await device.dispose();
	devices = [];
	stores = [];
});

/** Two devices, A and B, both connected; A verifies against `trust`. */
async function pair(trust: TestTrust) {
	const { devices: group } = await enrolledDevices(relay, 2, { trust });
	devices.push(...group);
	const [a, b] = group;
	await b.client.start();
	await connected(b.client);
	return { a, b };
}

async function write(device: TestDevice, id: string, fields: Record<string, unknown>) {
	const document = await device.documents.open(ALPHA);
	document.transact((doc) => writeRecord(doc, 'items', id, fields));
	await device.documents.flush();
}

async function items(device: TestDevice) {
	return collection((await device.documents.open(ALPHA)).doc, 'items').toJSON() as Record<
		string,
		unknown
	>;
}

/** An UPDATES frame the relay never had: a real update sealed as B, signed by another key. */
async function forgedUnder(b: TestDevice, seq: number): Promise<Uint8Array> {
	const doc = new Y.Doc();
	writeRecord(doc, 'items', 'forged', { name: 'planted by the relay' });
	const sealed = await b.cipher.seal('alpha', 'alpha', Y.encodeStateAsUpdate(doc));
	const facts = {
		kind: 'update' as const,
		docId: 'alpha',
		deviceSeq: 9999,
		epoch: sealed.epoch,
		nonce: toBase64(sealed.nonce),
		link: sealed.link ?? ''
	};
	const stranger = await generateSigningKeyPair();
	const signature = await signItem(stranger.privateKey, facts, sealed.ciphertext);
	const { kind, deviceSeq, epoch, nonce, link } = facts;
	const item = { seq, kind, deviceId: b.device.deviceId, deviceSeq, epoch, nonce, link };
	const size = sealed.ciphertext.length;
	const header: UpdatesHeader = {
		docId: 'alpha',
		items: [{ ...item, signature, v: 2, size }],
		more: false,
		latest: seq,
		sinceSnapshot: seq
	};
	return encodeFrame('UPDATES', header, sealed.ciphertext);
}

describe('verifying what the relay sends', () => {
	it('stores nothing a relay forges under another device’s id', async () => {
		const trust = new TestTrust();
		const { a, b } = await pair(trust);
		trust.list(a, b);
		await write(b, 'real', { name: 'written on B' });
		await vi.waitFor(async () => expect((await items(a)).real).toBeDefined());

		a.socket.inject(await forgedUnder(b, 1000));
		await vi.waitFor(() => expect(a.client.status.held).toBe(1));
		expect(await a.db.heldItems.toArray()).toEqual([
			expect.objectContaining({ reason: 'bad-signature', deviceId: b.device.deviceId })
		]);
		await a.documents.notifyStored('alpha');
		expect((await items(a)).forged).toBeUndefined();
		const fromB = (await a.db.updates.toArray()).filter(
			(row) => row.deviceId === b.device.deviceId
		);
		expect(fromB).toHaveLength(1);

		// Listing B again changes nothing: the signature is not B's.
		await a.client.recheckHeld();
		expect(a.client.status.held).toBe(1);
		expect((await items(a)).forged).toBeUndefined();
	});

	it('holds items of a device the office does not list, and applies them once it is listed', async () => {
		const trust = new TestTrust();
		const { a, b } = await pair(trust);
		trust.list(a);
		await items(a);
		await write(b, 'r1', { name: 'from a device not listed yet' });
		await vi.waitFor(() => expect(a.client.status.held).toBe(1));
		expect(await a.db.heldItems.toArray()).toEqual([
			expect.objectContaining({ reason: 'unknown-device' })
		]);
		expect((await items(a)).r1).toBeUndefined();

		trust.list(b);
		await a.client.recheckHeld();
		expect((await items(a)).r1).toEqual({ name: 'from a device not listed yet' });
		expect(a.client.status.held).toBe(0);
		expect(await a.db.heldItems.count()).toBe(0);
	});

	it('stores no file of a device the office does not list, and fetches it once it is listed', async () => {
		const trust = new TestTrust();
		const { a, b } = await pair(trust);
		trust.list(a);
		const blobsOf = (device: TestDevice) => {
			const store = new LocalBlobStore(device.db, device.office.keyring, device.device.deviceId, {
				pollMs: 10,
				timeoutMs: 5000
			});
			stores.push(store);
			return store;
		};
		const id = await blobsOf(b).put('alpha', utf8Encode('scan of a letter'));
		await vi.waitFor(async () => expect(await countUnsynced(b.db)).toBe(0));
		await vi.waitFor(async () =>
			expect(await b.db.blobs.where('synced').equals(0).count()).toBe(0)
		);

		await expect(blobsOf(a).get('alpha', id)).rejects.toBeInstanceOf(BlobUnavailableError);
		expect(await a.db.blobs.get(id)).toBeUndefined();
		expect(a.client.status.unverifiedBlobs).toBe(1);

		trust.list(b);
		expect(utf8Decode(await blobsOf(a).get('alpha', id))).toBe('scan of a letter');
	});

	it('accepts what arrives unverified on a device without a chain of authority', async () => {
		const { devices: group } = await enrolledDevices(relay, 2);
		devices.push(...group);
		const [a, b] = group;
		await b.client.start();
		a.socket.inject(await forgedUnder(b, 1000));
		await vi.waitFor(async () => expect((await items(a)).forged).toBeDefined());
		expect(a.client.status.held).toBe(0);
	});
});
