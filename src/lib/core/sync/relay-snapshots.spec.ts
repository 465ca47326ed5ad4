import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../crypto/signing';
import type { DocumentCipher } from '../documents/cipher';
import { writeRecord } from '../documents/records';
import { keyringCipher } from '../keys/document-cipher';
import { makeItem } from '../test-support/items';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import type { ClientMessage } from './messages';
import { RelaySnapshots } from './relay-snapshots';

let office: TestOffice;
let cipher: DocumentCipher;

beforeEach(async () => {
	office = await createTestOffice();
	cipher = keyringCipher(office.keys.keyring, office.keys.deviceId);
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

async function upload(maxBytes?: number): Promise<{ made: boolean; sent: ClientMessage[] }> {
	const { privateKey } = await generateSigningKeyPair();
	const snapshots = new RelaySnapshots(office.db, privateKey, 1, maxBytes);
	const sent: ClientMessage[] = [];
	const documents = office.openStore();
	const made = await snapshots.upload('alpha', 2, { documents, cipher }, (message) => {
		sent.push(message);
		return true;
	});
	return { made, sent };
}

describe('RelaySnapshots', () => {
	it('sends a snapshot of a document every row of which was read', async () => {
		await storeItems([1, 2]);
		const { made, sent } = await upload();
		expect(made).toBe(true);
		expect(sent).toEqual([expect.objectContaining({ type: 'SNAPSHOT' })]);
	});

	it('sends no snapshot larger than a relay frame, so sync is not cut off by it', async () => {
		await storeItems([1, 2]);
		const { made, sent } = await upload(64);
		expect(made).toBe(false);
		expect(sent).toEqual([]);
	});

	it('says why no snapshot was sent when asked for one now', async () => {
		await storeItems([1, 2]);
		const { privateKey } = await generateSigningKeyPair();
		const documents = office.openStore();
		const send = () => true;
		const tight = new RelaySnapshots(office.db, privateKey, 500, 64);
		expect(await tight.sendNow('alpha', 2, { documents, cipher }, send)).toBe('too-large');
		const snapshots = new RelaySnapshots(office.db, privateKey);
		expect(await snapshots.sendNow('alpha', 2, { documents, cipher }, () => false)).toBe('offline');
		expect(snapshots.isInFlight('alpha')).toBe(false);
	});

	it('tells how the relay answered a snapshot sent now, whatever the threshold', async () => {
		await storeItems([1]);
		const { privateKey } = await generateSigningKeyPair();
		const snapshots = new RelaySnapshots(office.db, privateKey);
		const source = { documents: office.openStore(), cipher };

		expect(await snapshots.sendNow('alpha', 1, source, () => true)).toBe('sent');
		const acknowledged = snapshots.answer('alpha');
		snapshots.settled('alpha', true);
		expect(await acknowledged).toBe(true);

		expect(await snapshots.sendNow('alpha', 1, source, () => true)).toBe('sent');
		const lost = snapshots.answer('alpha');
		snapshots.reset();
		expect(await lost).toBe(false);
		expect(snapshots.isInFlight('alpha')).toBe(false);
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
