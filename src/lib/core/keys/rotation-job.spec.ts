import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAeadKey } from '../crypto/aead';
import type { DocumentRef } from '../documents/document-id';
import { DocumentStore } from '../documents/document-store';
import { collection, writeRecord } from '../documents/records';
import { SYNC_ENABLED_META_KEY, writeMeta } from '../storage/db';
import { makeItem } from '../test-support/items';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import { AreaKeyring } from './area-keyring';
import { keyringCipher } from './document-cipher';
import {
	readRotationJob,
	runReencryption,
	startReencryption,
	type ResealOutcome,
	type RotationJob
} from './rotation-job';

const ALPHA: DocumentRef = { area: 'alpha' };
const ALPHA_2025: DocumentRef = { area: 'alpha', period: '2025' };
const ALPHA_2026: DocumentRef = { area: 'alpha', period: '2026' };
const BETA: DocumentRef = { area: 'beta' };

let office: TestOffice;
let store: DocumentStore;

beforeEach(async () => {
	office = await createTestOffice();
	store = office.openStore();
});

afterEach(async () => {
	await office.dispose();
});

async function write(ref: DocumentRef, numbers: number[], into = store): Promise<void> {
	const document = await into.open(ref);
	for (const n of numbers) {
		document.transact((doc) => writeRecord(doc, 'items', makeItem(n).id, makeItem(n)));
		await into.flush();
	}
}

async function itemIds(ref: DocumentRef, from: DocumentStore): Promise<string[]> {
	const records = collection((await from.open(ref)).doc, 'items');
	return [...records.keys()].sort();
}

/** Every stored row and snapshot of a document, with its epoch. */
async function storedRows(docId: string) {
	const rows = await office.db.updates.where('docId').equals(docId).toArray();
	const snapshot = await office.db.snapshots.get(docId);
	return { rows, snapshot };
}

/** The new epoch of an area, as the rotation puts it in the keyring. */
async function rotate(area: string): Promise<void> {
	office.keys.keyring.add(
		area,
		{ epoch: 2, keyId: 'rotated-key-0123456789' },
		await generateAeadKey()
	);
}

/** Three alpha documents, one of them only a snapshot, and one beta document. */
async function storeDocuments(): Promise<void> {
	await write(ALPHA, [1, 2]);
	await write(ALPHA_2025, [3]);
	await store.compact(ALPHA_2025);
	await write(ALPHA_2026, [4, 5, 6]);
	await write(BETA, [7]);
}

describe('re-encryption after a key rotation', () => {
	it('seals every stored document of the area under the new epoch, snapshot-only ones too', async () => {
		await storeDocuments();
		const before = (await storedRows('alpha/2025')).snapshot!;
		expect(await office.db.updates.where('docId').equals('alpha/2025').count()).toBe(0);
		await rotate('alpha');

		const job = await startReencryption(office.db, ['alpha']);
		expect(job.pending).toEqual(['alpha', 'alpha/2025', 'alpha/2026']);
		expect(job.total).toBe(3);
		expect(await runReencryption(office.db, store)).toBeNull();

		for (const docId of job.pending) {
			const { rows, snapshot } = await storedRows(docId);
			expect(rows).toEqual([]);
			expect(snapshot?.epoch).toBe(2);
		}
		expect((await storedRows('alpha/2025')).snapshot!.nonce).not.toEqual(before.nonce);
		expect((await storedRows('beta')).rows.every((row) => row.epoch === 1)).toBe(true);
		expect(await readRotationJob(office.db)).toBeNull();
	});

	it('keeps the rows no relay has acknowledged on a syncing device, and re-seals the rest', async () => {
		await writeMeta(office.db, SYNC_ENABLED_META_KEY, true);
		await write(ALPHA, [1, 2, 3]);
		const [first] = await office.db.updates.where('docId').equals('alpha').toArray();
		await office.db.updates.update(first.id, { synced: 1 });
		await rotate('alpha');

		await startReencryption(office.db, ['alpha']);
		await runReencryption(office.db, store);

		const { rows, snapshot } = await storedRows('alpha');
		expect(snapshot?.epoch).toBe(2);
		// The acknowledged row is folded away; the outbox stays, to be pushed as it is.
		expect(rows.map((row) => row.id)).not.toContain(first.id);
		expect(rows).toHaveLength(2);
		expect(rows.every((row) => row.epoch === 2 || row.synced === 0)).toBe(true);
	});

	it('leaves records written after the rotation unreadable with only the old key, readable with both', async () => {
		await write(ALPHA, [1, 2]);
		const { keyring, deviceId } = office.keys;
		const first = keyring.current('alpha');
		await rotate('alpha');
		await startReencryption(office.db, ['alpha']);
		await runReencryption(office.db, store);
		await write(ALPHA, [3]);
		expect((await storedRows('alpha')).rows.map((row) => row.epoch)).toEqual([2]);

		const oldOnly = new AreaKeyring();
		oldOnly.add('alpha', first, first.key);
		const oldReader = new DocumentStore(office.db, keyringCipher(oldOnly, deviceId), deviceId, {
			channelName: null
		});
		expect(await itemIds(ALPHA, oldReader)).toEqual([]);
		expect(await oldReader.isComplete('alpha')).toBe(false);
		expect(oldReader.unreadable.of('alpha').map((row) => row.epoch)).toEqual([2, 2]);
		await oldReader.close();

		const bothReader = office.openStore();
		expect(await itemIds(ALPHA, bothReader)).toEqual(['item-00001', 'item-00002', 'item-00003']);
		expect(await bothReader.isComplete('alpha')).toBe(true);
	});

	it('stops after the document in hand when aborted; the next run resumes with the rest', async () => {
		await storeDocuments();
		await rotate('alpha');
		await startReencryption(office.db, ['alpha']);
		const abort = new AbortController();
		const seen: RotationJob[] = [];

		const left = await runReencryption(office.db, store, {
			signal: abort.signal,
			onProgress: (job) => {
				seen.push(structuredClone(job));
				abort.abort();
			}
		});
		expect(left).toMatchObject({ pending: ['alpha/2025', 'alpha/2026'], done: 1, total: 3 });
		expect(await readRotationJob(office.db)).toEqual(left);
		expect((await storedRows('alpha/2026')).snapshot).toBeUndefined();

		// A new tab after a reload: another store on the same database.
		const later = office.openStore();
		expect(
			await runReencryption(office.db, later, { onProgress: (job) => seen.push(job) })
		).toBeNull();
		expect(seen.map((job) => [job.done, job.total])).toEqual([
			[1, 3],
			[2, 3],
			[3, 3]
		]);
		expect((await storedRows('alpha/2026')).snapshot?.epoch).toBe(2);
	});

	it('merges a rotation of another area into the pending job', async () => {
		await storeDocuments();
		await startReencryption(office.db, ['alpha']);
		const merged = await startReencryption(office.db, ['beta', 'alpha']);
		expect(merged.areas).toEqual(['alpha', 'beta']);
		expect(merged.pending).toEqual(['alpha', 'alpha/2025', 'alpha/2026', 'beta']);
		expect(merged.total).toBe(4);
	});

	it('hands each document to the relay; keeps offline ones and counts what the relay could not take', async () => {
		await storeDocuments();
		await rotate('alpha');
		await startReencryption(office.db, ['alpha']);
		const answers: Record<string, ResealOutcome> = {
			alpha: 'sent',
			'alpha/2025': 'too-large',
			'alpha/2026': 'offline'
		};
		const asked: string[] = [];
		const reseal = (docId: string) => {
			asked.push(docId);
			return Promise.resolve(answers[docId]);
		};

		const left = await runReencryption(office.db, store, { reseal });
		expect(asked).toEqual(['alpha', 'alpha/2025', 'alpha/2026']);
		expect(left).toMatchObject({
			pending: [],
			done: 3,
			relayPending: ['alpha/2026'],
			leftAtRelay: 1
		});

		answers['alpha/2026'] = 'sent';
		expect(await runReencryption(office.db, store, { reseal })).toBeNull();
		expect(asked.at(-1)).toBe('alpha/2026');
	});
});
