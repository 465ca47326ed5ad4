import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes, toBase64 } from '../bytes';
import { generateSigningKeyPair } from '../crypto/signing';
import { encodeLink, itemHash } from '../documents/item-link';
import type { OfficeDatabase } from '../storage/db';
import { deleteDatabase, testDatabase } from '../test-support/test-office';
import { findGaps } from './chain-watch';
import { SignatureCheck, type ItemTrust } from './item-verify';
import type { UpdatesHeader, UpdatesItem } from './messages';
import { BacklogProgress, storePage } from './receiver';
import { signItem } from './signing-text';
import { cursorKey, readCursors } from './sync-meta';

const ME = 'device-me';

let db: OfficeDatabase;

beforeEach(() => {
	db = testDatabase();
});

afterEach(async () => {
	vi.restoreAllMocks();
	await deleteDatabase(db);
});

function page(seqs: number[], options: { deviceId?: (seq: number) => string } = {}) {
	const ciphertexts = seqs.map(() => randomBytes(16));
	const items: UpdatesItem[] = seqs.map((seq, i) => ({
		seq,
		kind: 'update',
		deviceId: options.deviceId?.(seq) ?? 'device-other',
		deviceSeq: seq,
		epoch: 1,
		nonce: toBase64(randomBytes(12)),
		signature: toBase64(randomBytes(64)),
		link: '',
		v: 2,
		size: ciphertexts[i].length
	}));
	const latest = Math.max(0, ...seqs);
	const header: UpdatesHeader = {
		docId: 'alpha',
		items,
		more: false,
		latest,
		sinceSnapshot: latest
	};
	// As they come off the wire: views into one frame.
	const frame = new Uint8Array(ciphertexts.reduce((n, c) => n + c.length, 0));
	let offset = 0;
	const views = ciphertexts.map((c) => {
		frame.set(c, offset);
		offset += c.length;
		return frame.subarray(offset - c.length, offset);
	});
	return { header, ciphertexts: views };
}

describe('storePage', () => {
	it('stores items as synced rows with their own bytes, and moves the cursor', async () => {
		const { header, ciphertexts } = page([1, 2, 3]);
		expect(await storePage(db, ME, header, ciphertexts)).toMatchObject({ stored: 3, cursor: 3 });

		const rows = await db.updates.toArray();
		expect(rows.map((row) => [row.synced, row.deviceId])).toEqual(
			Array(3).fill([1, 'device-other'])
		);
		expect(rows[1].ciphertext).toEqual(ciphertexts[1]);
		expect(rows[1].ciphertext.byteLength).toBe(16);
		expect(toBase64(rows[2].nonce)).toBe(header.items[2].nonce);
		expect(await readCursors(db)).toEqual({ alpha: 3 });
	});

	it('skips items at or below the cursor: a page received twice is stored once', async () => {
		const first = page([1, 2]);
		await storePage(db, ME, first.header, first.ciphertexts);
		const again = page([2, 3]);
		expect(await storePage(db, ME, again.header, again.ciphertexts)).toMatchObject({ stored: 1 });
		expect(await db.updates.count()).toBe(3);
	});

	it('moves the cursor past this device’s own items without storing them again', async () => {
		const { header, ciphertexts } = page([1, 2, 3], { deviceId: (seq) => (seq === 2 ? ME : 'x') });
		expect(await storePage(db, ME, header, ciphertexts)).toMatchObject({ stored: 2, cursor: 3 });
		expect((await db.updates.toArray()).filter((row) => row.deviceId === ME)).toEqual([]);
	});

	it('stores neither rows nor cursor when the write fails, so the page can come again', async () => {
		const { header, ciphertexts } = page([1, 2]);
		vi.spyOn(db.updates, 'bulkAdd').mockRejectedValueOnce(
			new DOMException('full', 'QuotaExceededError')
		);
		await expect(storePage(db, ME, header, ciphertexts)).rejects.toBeDefined();
		expect(await db.updates.count()).toBe(0);
		expect(await db.meta.get(cursorKey('alpha'))).toBeUndefined();

		expect(await storePage(db, ME, header, ciphertexts)).toMatchObject({ stored: 2 });
	});
});

/** A device that signs its items, and a page of its chain links 1..n (some left out). */
async function signedPage(seqs: number[], chainOf: (seq: number) => number = (seq) => seq) {
	const pair = await generateSigningKeyPair();
	const hashes = new Map<number, string>();
	const items: UpdatesItem[] = [];
	const ciphertexts: Uint8Array[] = [];
	for (const seq of seqs) {
		const chainSeq = chainOf(seq);
		const link = encodeLink({
			keyId: 'k1',
			chainSeq,
			prev: hashes.get(chainSeq - 1) ?? '',
			authSeq: 0,
			at: 1767225600000 + seq,
			heads: []
		});
		const nonce = randomBytes(12);
		const ciphertext = randomBytes(16);
		hashes.set(chainSeq, await itemHash({ link, nonce, ciphertext }));
		const facts = { kind: 'update' as const, docId: 'alpha', deviceSeq: seq, epoch: 1 };
		const fields = { ...facts, nonce: toBase64(nonce), link };
		const signature = await signItem(pair.privateKey, fields, ciphertext);
		items.push({ seq, ...fields, deviceId: 'writer', signature, v: 2, size: 16 });
		ciphertexts.push(ciphertext);
	}
	const latest = Math.max(...seqs);
	const header: UpdatesHeader = {
		docId: 'alpha',
		items,
		more: false,
		latest,
		sinceSnapshot: latest
	};
	return { header, ciphertexts, publicRaw: pair.publicRaw };
}

const trusting = (key: Uint8Array | null | undefined): SignatureCheck => {
	const trust: ItemTrust = { deviceKey: () => key };
	return new SignatureCheck(() => trust);
};

describe('storePage with verification', () => {
	it('stores items their device signed, with their links', async () => {
		const { header, ciphertexts, publicRaw } = await signedPage([1, 2]);
		const page = await storePage(db, ME, header, ciphertexts, trusting(publicRaw));
		expect(page).toMatchObject({ stored: 2, held: 0, cursor: 2 });
		expect((await db.updates.toArray()).map((row) => row.link)).toEqual(
			header.items.map((item) => item.link)
		);
	});

	it('holds an item whose signature does not verify, and moves the cursor past it', async () => {
		const { header, ciphertexts, publicRaw } = await signedPage([1, 2]);
		header.items[1].signature = toBase64(randomBytes(64));
		const page = await storePage(db, ME, header, ciphertexts, trusting(publicRaw));
		expect(page).toMatchObject({ stored: 1, held: 1, cursor: 2 });
		expect(await db.heldItems.toArray()).toEqual([
			expect.objectContaining({ seq: 2, reason: 'bad-signature', deviceId: 'writer', v: 2 })
		]);
	});

	it('holds the items of a device the office does not list, once however often they come', async () => {
		const { header, ciphertexts } = await signedPage([1, 2]);
		await storePage(db, ME, header, ciphertexts, trusting(null));
		await db.meta.put({ key: cursorKey('alpha'), value: 0 });
		await storePage(db, ME, header, ciphertexts, trusting(null));
		expect(await db.updates.count()).toBe(0);
		expect((await db.heldItems.toArray()).map((row) => row.reason)).toEqual([
			'unknown-device',
			'unknown-device'
		]);
	});

	it('counts only verified items for the chains, so a forged link cannot hide a hole', async () => {
		const { header, ciphertexts, publicRaw } = await signedPage([1, 2, 3]);
		const [first, , third] = header.items;
		const withHole = { ...header, items: [first, third] };
		await storePage(db, ME, withHole, [ciphertexts[0], ciphertexts[2]], trusting(publicRaw));
		expect(await findGaps(db)).toEqual([
			expect.objectContaining({ docId: 'alpha', deviceId: 'writer', from: 2, to: 2 })
		]);

		const forged = { ...header, items: [{ ...header.items[1], signature: third.signature }] };
		await db.meta.put({ key: cursorKey('alpha'), value: 1 });
		await storePage(db, ME, forged, [ciphertexts[1]], trusting(publicRaw));
		expect(await findGaps(db)).toHaveLength(1);
	});
});

describe('BacklogProgress', () => {
	it('adds up every document from its cursor to the latest seq announced', () => {
		const progress = new BacklogProgress();
		progress.record({ docId: 'a', stored: 5, held: 0, cursorBefore: 10, cursor: 15 }, 30);
		expect(
			progress.record({ docId: 'b', stored: 3, held: 1, cursorBefore: 0, cursor: 4 }, 4)
		).toEqual({
			received: 9,
			total: 24
		});
		const last = { docId: 'a', stored: 15, held: 0, cursorBefore: 15, cursor: 30 };
		expect(progress.record(last, 31)).toEqual({
			received: 24,
			total: 24
		});
	});
});
