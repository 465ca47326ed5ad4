/**
 * The `link` of items, snapshots and blobs (protocol v2): stored exactly as sent, returned with
 * the signature version `v`, and covered by the device's signature, so the relay cannot change
 * it. The clients chain their items with it; the relay never interprets it.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import { blobData, itemData, publicKeyFromRaw, verifySignature } from '../src/signatures';
import {
	compact,
	connectOffice,
	RelayTestClient,
	signBlob,
	signItem,
	startTestRelay,
	stopRelays,
	storedRows,
	type DeviceIdentity,
	type OfferHeader
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

const LINK = 'po-chain:v1,prev=3q2+7w/x_y.z-9=,n=17';

const verifies = (device: DeviceIdentity, data: Buffer, signature: string) =>
	verifySignature(publicKeyFromRaw(Buffer.from(device.publicKey, 'base64'))!, data, signature);

describe('relay links', () => {
	it('returns the link and v 2 of a push live and in the backlog, signed over the link', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		await b.subscribe();
		const payload = Buffer.from('ciphertext');
		const pushed = a.push('directory', 1, payload, { link: LINK });
		const live = (await b.nextPage()).items[0];
		const { items } = await b.subscribe();
		for (const item of [live, items[0]]) {
			expect(item).toMatchObject({ link: LINK, v: 2, signature: pushed.signature });
			const fields = { ...item, kind: 'update' as const };
			expect(verifies(a.device, itemData(fields, item.payload), item.signature)).toBe(true);
			const relinked = { ...fields, link: `${LINK}0` };
			expect(verifies(a.device, itemData(relinked, item.payload), item.signature)).toBe(false);
		}
	});

	it('returns the link of a snapshot in its offer and, once applied, in UPDATES', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushAndAck('directory', 1, Buffer.from('one'));
		await b.subscribe();
		const payload = Buffer.from('state');
		const header = a.snapshot('directory', 1, 2, payload, { link: LINK });
		const offer = await b.next<OfferHeader>(MSG.SNAPSHOT_OFFER);
		expect(offer.header).toMatchObject({ link: LINK, v: 2 });
		const fields = { ...offer.header, kind: 'snapshot' as const };
		expect(verifies(a.device, itemData(fields, offer.payload), header.signature)).toBe(true);

		b.confirmSnapshot(header);
		await a.next(MSG.SNAPSHOT_DONE);
		const { items } = await b.subscribe();
		expect(items).toEqual([expect.objectContaining({ kind: 'snapshot', link: LINK, v: 2 })]);
	});

	it('returns the link and v 2 of a blob in BLOB', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const payload = randomBytes(100);
		const put = await a.putBlobAndAck('scan-1', payload, { link: LINK });
		const reply = await b.getBlob('scan-1');
		if (!('blob' in reply)) throw new Error('blob missing');
		expect(reply.blob).toEqual({ ...put, deviceId: a.device.deviceId, v: 2 });
		expect(verifies(a.device, blobData(reply.blob, reply.payload), reply.blob.signature)).toBe(
			true
		);
	});

	it('refuses a push, snapshot or blob whose link was changed after signing, storing nothing', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const payload = Buffer.from('bytes');
		const nonce = randomBytes(12).toString('base64');
		const relinked = [{ link: '' }, { link: `${LINK}x` }];

		const push = { docId: 'directory', deviceSeq: 1, epoch: 1, nonce, link: LINK };
		const pushSignature = signItem(a.device, { kind: 'update', ...push }, payload);
		const snapshot = a.signSnapshot('directory', 1, 2, payload, { link: LINK });
		const blob = { blobId: 'scan-1', epoch: 1, nonce, size: payload.length, link: LINK };
		const blobSignature = signBlob(a.device, blob, payload);
		for (const changed of relinked) {
			a.send(MSG.PUSH, { ...push, signature: pushSignature, ...changed }, payload);
			a.send(MSG.SNAPSHOT, { ...snapshot, ...changed }, payload);
			a.send(MSG.BLOB_PUT, { ...blob, signature: blobSignature, ...changed }, payload);
			for (const type of [MSG.PUSH, MSG.SNAPSHOT, MSG.BLOB_PUT]) {
				expect(await a.error()).toMatchObject({ code: 'bad-signature', ref: { type } });
			}
		}
		expect(await b.getBlob('scan-1')).toEqual({ missing: true });
		expect(storedRows(relay.dbPath)).toMatchObject({ items: [], pending: [] });

		// As signed, each is stored.
		a.send(MSG.PUSH, { ...push, signature: pushSignature }, payload);
		await a.next(MSG.ACK);
		a.send(MSG.SNAPSHOT, snapshot, payload);
		await a.next(MSG.SNAPSHOT_ACK);
		a.send(MSG.BLOB_PUT, { ...blob, signature: blobSignature }, payload);
		await a.next(MSG.BLOB_ACK);
		expect(storedRows(relay.dbPath)).toMatchObject({ items: [1], pending: [1] });
	});

	it.each([
		['a bar', 'a|b'],
		['a space', 'a b'],
		['4097 characters', 'x'.repeat(4097)]
	])('refuses a link with %s', async (_, link) => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		a.push('directory', 1, Buffer.from('x'), { link });
		const refusal = await a.error();
		expect([refusal.code, refusal.message]).toEqual([
			'bad-header',
			'missing or invalid field: link'
		]);
	});

	it('accepts a SNAPSHOT with a link of 4096 characters within the header bound', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushAndAck('directory', 1, Buffer.from('one'));
		const link = 'L'.repeat(4096);
		await compact(
			a,
			b,
			{ docId: 'directory', covers: 1, deviceSeq: 2, payload: Buffer.from('s') },
			{ link }
		);
		expect((await b.subscribe()).items[0].link).toBe(link);
	});
});
