import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64 } from '../bytes';
import { generateSigningKeyPair, verify } from '../crypto/signing';
import type { DocumentCipher } from '../documents/cipher';
import { readOwnHead } from '../documents/chain-head';
import { parseLink } from '../documents/item-link';
import { writeRecord } from '../documents/records';
import { keyringCipher } from '../keys/document-cipher';
import { writeMeta } from '../storage/db';
import { makeItem } from '../test-support/items';
import { testAdmin } from '../test-support/sync-devices';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import type { AdminSigner } from './admin-signer';
import type { ClientMessage } from './messages';
import { RelaySnapshots, type RelaySnapshotsOptions, type SnapshotSource } from './relay-snapshots';
import { compactionText } from './signing-text';

let office: TestOffice;
let cipher: DocumentCipher;
let admin: AdminSigner;

beforeEach(async () => {
	office = await createTestOffice();
	cipher = keyringCipher(office.keys.keyring, office.keys.deviceId);
	admin = await testAdmin();
});

afterEach(async () => {
	await office.dispose();
});

async function storeItems(numbers: number[]): Promise<void> {
	const writer = office.openStore();
	const document = await writer.open({ area: 'alpha' });
	for (const n of numbers) {
		document.transact((doc) => writeRecord(doc, 'items', makeItem(n).id, makeItem(n)));
		await writer.flush();
	}
	await writer.close();
}

async function snapshots(options: Partial<RelaySnapshotsOptions> = {}) {
	const { privateKey } = await generateSigningKeyPair();
	return new RelaySnapshots({
		db: office.db,
		officeId: 'office-1',
		deviceId: office.keys.deviceId,
		signingKey: privateKey,
		...options
	});
}

/** The documents to seal from, with the manager's key unless null. */
function source(withAdmin: AdminSigner | null = admin): SnapshotSource {
	return { documents: office.openStore(), cipher, admin: withAdmin ?? undefined };
}

async function upload(maxSnapshotBytes?: number) {
	const sent: ClientMessage[] = [];
	const made = await (
		await snapshots({ snapshotAfter: 1, maxSnapshotBytes })
	).upload('alpha', 2, source(), (message) => sent.push(message) > 0);
	return { made, sent };
}

describe('RelaySnapshots', () => {
	it('sends a snapshot of a document every row of which was read', async () => {
		await storeItems([1, 2]);
		const { made, sent } = await upload();
		expect(made).toBe(true);
		expect(sent).toEqual([expect.objectContaining({ type: 'SNAPSHOT' })]);
	});

	it('has a manager countersign the snapshot and names the chains it folds in', async () => {
		await storeItems([1, 2]);
		await writeMeta(office.db, 'chain-seen:alpha', {
			other: { seq: 4, hash: 'h4', ahead: {} }
		});
		const { sent } = await upload();
		const message = sent[0];
		if (message.type !== 'SNAPSHOT') throw new Error('no SNAPSHOT');
		const { header } = message;
		expect(header.admin).toBe(admin.key);
		const approved = compactionText('office-1', 'alpha', 2, header.signature);
		const signature = fromBase64(header.adminSignature);
		expect(await verify(fromBase64(admin.key), signature, approved)).toBe(true);
		const own = await readOwnHead(office.db, 'alpha');
		const link = parseLink(header.link);
		expect(link?.chainSeq).toBe(0);
		expect(link?.heads).toContainEqual({ deviceId: 'other', seq: 4, hash: 'h4' });
		expect(link?.heads).toContainEqual({ deviceId: office.keys.deviceId, ...own });
	});

	it('sends no snapshot without a manager signed in here', async () => {
		await storeItems([1, 2]);
		const relaySnapshots = await snapshots({ snapshotAfter: 1 });
		const sent: ClientMessage[] = [];
		const send = (message: ClientMessage) => sent.push(message) > 0;
		expect(await relaySnapshots.upload('alpha', 2, source(null), send)).toBe(false);
		expect(await relaySnapshots.sendNow('alpha', 2, source(null), send)).toBe('no-admin');
		expect(sent).toEqual([]);
	});

	it('sends no snapshot of a document whose chains show a hole', async () => {
		await storeItems([1, 2]);
		await writeMeta(office.db, 'chain-seen:alpha', {
			other: { seq: 4, hash: 'h4', ahead: { '6': ['h6', 'h5'] } }
		});
		const relaySnapshots = await snapshots();
		expect(await relaySnapshots.sendNow('alpha', 2, source(), () => true)).toBe('gap');
	});

	it('sends no snapshot larger than a relay frame, so sync is not cut off by it', async () => {
		await storeItems([1, 2]);
		const { made, sent } = await upload(64);
		expect(made).toBe(false);
		expect(sent).toEqual([]);
	});

	it('says why no snapshot was sent when asked for one now', async () => {
		await storeItems([1, 2]);
		const send = () => true;
		const tight = await snapshots({ maxSnapshotBytes: 64 });
		expect(await tight.sendNow('alpha', 2, source(), send)).toBe('too-large');
		const relaySnapshots = await snapshots();
		expect(await relaySnapshots.sendNow('alpha', 2, source(), () => false)).toBe('offline');
		expect(relaySnapshots.isInFlight('alpha')).toBe(false);
	});

	it('tells how the relay answered a snapshot sent now, whatever the threshold', async () => {
		await storeItems([1]);
		const relaySnapshots = await snapshots();
		const from = source();

		expect(await relaySnapshots.sendNow('alpha', 1, from, () => true)).toBe('sent');
		const acknowledged = relaySnapshots.answer('alpha');
		relaySnapshots.acknowledged('alpha', 1);
		expect(await acknowledged).toBe(true);

		expect(await relaySnapshots.sendNow('alpha', 1, from, () => true)).toBe('sent');
		const lost = relaySnapshots.answer('alpha');
		relaySnapshots.reset();
		expect(await lost).toBe(false);
		expect(relaySnapshots.isInFlight('alpha')).toBe(false);
	});

	it('waits for another batch of items while its snapshot is pending, and for a new connection after a dispute', async () => {
		const relaySnapshots = await snapshots({ snapshotAfter: 10 });
		const page = (latest: number) => ({
			docId: 'alpha',
			items: [],
			more: false,
			latest,
			sinceSnapshot: latest
		});
		expect(relaySnapshots.due(page(12), 12)).toBe(true);
		relaySnapshots.acknowledged('alpha', 12);
		expect(relaySnapshots.due(page(15), 15)).toBe(false);
		expect(relaySnapshots.due(page(22), 22)).toBe(true);
		relaySnapshots.done({ docId: 'alpha', covers: 12, nonce: 'AAAA', ok: true });
		expect(relaySnapshots.due(page(15), 15)).toBe(true);
		relaySnapshots.acknowledged('alpha', 15);
		relaySnapshots.done({ docId: 'alpha', covers: 15, nonce: 'AAAA', ok: false });
		expect(relaySnapshots.due(page(40), 40)).toBe(false);
		relaySnapshots.reset();
		expect(relaySnapshots.due(page(40), 40)).toBe(true);
	});

	it('sends no snapshot while a row of the document does not decrypt here', async () => {
		await storeItems([1, 2]);
		const row = (await office.db.updates.orderBy('id').last())!;
		const ciphertext = row.ciphertext.slice();
		ciphertext[0] ^= 0x01;
		await office.db.updates.put({ ...row, ciphertext });

		const { made, sent } = await upload();
		expect(made).toBe(false);
		expect(sent).toEqual([]);
	});
});
