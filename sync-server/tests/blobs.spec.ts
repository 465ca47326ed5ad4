import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame, MSG } from '../src/protocol';
import {
	connectOffice,
	createDevice,
	RelayTestClient,
	signChallenge,
	startTestRelay,
	stopRelays
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

const id = () => randomBytes(10).toString('hex');

describe('relay blobs', () => {
	it('gives another device of the office the blob exactly as it was put', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		const payload = randomBytes(300_000);
		const put = await a.putBlobAndAck(blobId, payload);

		const reply = await b.getBlob(blobId);
		expect(reply).toMatchObject({ blob: { ...put, deviceId: a.device.deviceId } });
		expect('payload' in reply && reply.payload.equals(payload)).toBe(true);
	});

	it('answers BLOB_MISSING for a blob not uploaded yet, and the blob once it is', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		expect(await b.getBlob(blobId)).toEqual({ missing: true });
		await a.putBlobAndAck(blobId, Buffer.from('later'));
		expect(await b.getBlob(blobId)).toMatchObject({ blob: { blobId, size: 5 } });
	});

	it('acknowledges a repeated put by the same device without storing or counting it again', async () => {
		const relay = await startTestRelay({ limits: { officeQuotaBytes: 1000 } });
		const [a] = await connectOffice(relay.url, 1);
		const blobId = id();
		await a.putBlobAndAck(blobId, Buffer.alloc(600, 1));
		await a.putBlobAndAck(blobId, Buffer.alloc(600, 1));
		await a.putBlobAndAck(id(), Buffer.alloc(400, 2));
		expect(a.queued(MSG.ERROR)).toEqual([]);
	});

	it('refuses another device reusing a blob id and keeps the first blob', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		await a.putBlobAndAck(blobId, Buffer.from('first'));
		b.putBlob(blobId, Buffer.from('impostor'));
		expect(await b.error()).toMatchObject({
			code: 'blob-exists',
			fatal: false,
			ref: { type: MSG.BLOB_PUT, blobId }
		});
		const reply = await b.getBlob(blobId);
		expect('payload' in reply && reply.payload.toString()).toBe('first');
	});

	it('refuses a blob over the office quota, naming it, and stores nothing of it', async () => {
		const relay = await startTestRelay({ limits: { officeQuotaBytes: 1000 } });
		const [a, b] = await connectOffice(relay.url, 2);
		await a.pushAndAck('directory', 1, Buffer.alloc(500));
		const blobId = id();
		a.putBlob(blobId, Buffer.alloc(600));
		expect(await a.error()).toMatchObject({
			code: 'quota',
			fatal: false,
			ref: { type: MSG.BLOB_PUT, blobId }
		});
		expect(await b.getBlob(blobId)).toEqual({ missing: true });
		await a.putBlobAndAck(id(), Buffer.alloc(500));
	});

	it('never hands out the blob of another office', async () => {
		const relay = await startTestRelay();
		const [a] = await connectOffice(relay.url, 1);
		const [other] = await connectOffice(relay.url, 1);
		const blobId = id();
		await a.putBlobAndAck(blobId, Buffer.from('ours'));
		expect(await other.getBlob(blobId)).toEqual({ missing: true });
		// Nor may it take the id over: it is another office's namespace.
		await other.putBlobAndAck(blobId, Buffer.from('theirs'));
		const reply = await a.getBlob(blobId);
		expect('payload' in reply && reply.payload.toString()).toBe('ours');
	});

	it('expels a revoked device, which can then neither put nor get blobs', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		await a.putBlobAndAck(blobId, Buffer.from('x'));
		await a.revokeDevice(b.device.deviceId);
		expect(await b.error('revoked')).toMatchObject({ fatal: true });
		await b.closed;

		const again = await RelayTestClient.connect(relay.url, b.device);
		const nonce = await again.hello();
		again.send(MSG.BLOB_GET, { blobId });
		expect(await again.error()).toMatchObject({ code: 'not-authenticated' });
		again.send(MSG.AUTH, { signature: signChallenge(b.device, nonce) });
		expect(await again.error()).toMatchObject({ code: 'revoked', fatal: true });
		expect(again.queued(MSG.BLOB)).toEqual([]);
	});

	it('refuses a blob whose signature, size or header is wrong, and stays usable', async () => {
		const relay = await startTestRelay();
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		const payload = Buffer.from('signed bytes');
		const header = a.putBlob(blobId, payload);
		await a.next(MSG.BLOB_ACK);
		const cases: [object, Buffer, string][] = [
			[{ ...header, blobId: id() }, payload, 'bad-signature'],
			[{ ...header, blobId: id() }, Buffer.from('other bytes!'), 'bad-signature'],
			[{ ...header, blobId: id(), size: 3 }, payload, 'bad-header'],
			[{ ...header, blobId: 'has|bar' }, payload, 'bad-header'],
			[{ ...header, blobId: 'x'.repeat(65) }, payload, 'bad-header'],
			[{ ...header, blobId: id(), epoch: -1 }, payload, 'bad-header'],
			[{ ...header, blobId: id(), nonce: 'not base64' }, payload, 'bad-header'],
			[{ ...header, blobId: id(), size: 0 }, Buffer.alloc(0), 'bad-header']
		];
		for (const [bad, bytes, code] of cases) {
			a.send(MSG.BLOB_PUT, bad, bytes);
			expect((await a.error()).code).toBe(code);
		}
		for (const bad of [{}, { blobId: 7 }, { blobId: '' }, { blobId: ['x'] }]) {
			a.send(MSG.BLOB_GET, bad);
			expect((await a.error()).code).toBe('bad-header');
		}
		a.send(MSG.BLOB_GET, { blobId }, Buffer.from('payload where none belongs'));
		expect((await a.error()).code).toBe('bad-header');
		b.send(MSG.BLOB, { blobId });
		expect((await b.error()).code).toBe('bad-frame');
		expect(a.open && b.open).toBe(true);
		expect(await b.getBlob(blobId)).toMatchObject({ blob: { blobId, size: payload.length } });
	});

	it('survives random blob frames from authenticated and anonymous sockets', async () => {
		const relay = await startTestRelay({ limits: { ratePerSecond: 100_000, rateBurst: 100_000 } });
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		await a.putBlobAndAck(blobId, Buffer.from('kept'));
		const anonymous = await RelayTestClient.connect(relay.url, createDevice());
		const junkHeader = () => {
			const values = [null, 1, -1, 1e300, 'x', '', [], {}, 'AAAA', randomBytes(8).toString('hex')];
			const pick = () => values[Math.floor(Math.random() * values.length)];
			return { blobId: pick(), epoch: pick(), nonce: pick(), signature: pick(), size: pick() };
		};
		for (let i = 0; i < 300; i++) {
			for (const client of [b, anonymous]) {
				const type = i % 2 === 0 ? MSG.BLOB_PUT : MSG.BLOB_GET;
				const frame = encodeFrame(type, junkHeader(), randomBytes(i % 50));
				// Some frames cut short or with a lying header length.
				if (i % 7 === 0) frame.writeUInt32BE(frame.length + 100, 1);
				client.sendRaw(i % 11 === 0 ? frame.subarray(0, 7) : frame);
			}
		}
		const fresh = await RelayTestClient.connect(relay.url, createDevice(a.device.officeId));
		await a.addDevice(fresh.device);
		await fresh.auth();
		const reply = await fresh.getBlob(blobId);
		expect('payload' in reply && reply.payload.toString()).toBe('kept');
	});

	it('closes a socket that sends a blob frame larger than the frame limit', async () => {
		const relay = await startTestRelay({ limits: { maxFrameBytes: 64 * 1024 } });
		const [a] = await connectOffice(relay.url, 1);
		a.putBlob(id(), Buffer.alloc(65 * 1024));
		expect((await a.closed).code).toBe(1009);
	});

	it('logs blob ids and sizes but never payloads, nonces or signatures', async () => {
		const entries: Record<string, unknown>[] = [];
		const relay = await startTestRelay({ log: (entry) => entries.push(entry) });
		const canary = `CANARY-${randomBytes(8).toString('hex')}`;
		const [a, b] = await connectOffice(relay.url, 2);
		const blobId = id();
		const put = await a.putBlobAndAck(blobId, Buffer.from(`scan ${canary}`));
		await b.getBlob(blobId);
		b.putBlob(blobId, Buffer.from(canary));
		await b.error('blob-exists');

		const text = entries.map((entry) => JSON.stringify(entry)).join('\n');
		for (const secret of [canary, put.nonce, put.signature]) expect(text).not.toContain(secret);
		expect(entries.filter((entry) => String(entry.event).startsWith('blob'))).toEqual([
			expect.objectContaining({ event: 'blob-put', blobId, size: canary.length + 5 }),
			expect.objectContaining({ event: 'blob-get', blobId, size: canary.length + 5 })
		]);
		// The relay stores what it is given (ciphertext, from real clients): it is all there.
		const files = [relay.dbPath, `${relay.dbPath}-wal`].filter((path) => existsSync(path));
		expect(Buffer.concat(files.map((path) => readFileSync(path))).includes(canary)).toBe(true);
	});
});
