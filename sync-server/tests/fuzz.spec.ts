/**
 * Throws ≥ 10,000 random, malformed and oversized frames at the relay from several sockets, some
 * authenticated, then checks that it still serves a well-behaved client and that what was stored
 * before is all there, unchanged. Frames come from fast-check with a fixed seed, so a failure
 * replays.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame, MSG } from '../src/protocol';
import {
	compact,
	connectOffice,
	createDevice,
	payloads,
	RelayTestClient,
	startTestRelay,
	stopRelays,
	storedRows,
	type DeviceIdentity,
	type Item
} from '../test-support';

const FRAME_LIMIT = 64 * 1024;
const DOCS = ['directory', 'schedule/2026-11', 'clinical'];
const CLIENT_TYPES = [
	0x01, 0x03, 0x04, 0x10, 0x12, 0x14, 0x17, 0x19, 0x1d, 0x1e, 0x20, 0x21, 0x23, 0x25, 0x26, 0x27,
	0x30, 0x31, 0x40
];
const FIELDS = ['v', 'officeId', 'deviceId', 'docId', 'deviceSeq', 'epoch', 'nonce', 'signature'];
const MORE_FIELDS = [
	'covers',
	'cursors',
	'mailbox',
	'publicKey',
	'link',
	'admin',
	'adminSignature',
	'key',
	'proof',
	'__proto__',
	'constructor'
];

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

/** A frame with a declared header length that may lie about the bytes that follow. */
function rawFrame(
	type: number,
	header: Buffer,
	declared = header.length,
	payload = Buffer.alloc(0)
) {
	const prefix = Buffer.alloc(5);
	prefix.writeUInt8(type, 0);
	prefix.writeUInt32BE(declared >>> 0, 1);
	return Buffer.concat([prefix, header, payload]);
}

const type = fc.constantFrom(...CLIENT_TYPES);
const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const base64Of = (min: number, max: number) =>
	fc.uint8Array({ minLength: min, maxLength: max }).map((a) => Buffer.from(a).toString('base64'));
const json = fc.jsonValue({ maxDepth: 3 });

const frames: fc.Arbitrary<Buffer | string> = fc.oneof(
	{ weight: 3, arbitrary: bytes(300) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
	{
		weight: 2,
		arbitrary: fc.tuple(type, fc.integer({ min: 1, max: 5000 })).map(([t, extra]) => {
			const header = Buffer.from(JSON.stringify({ docId: 'directory', deviceSeq: 1 }));
			return rawFrame(t, header, header.length + extra);
		})
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(type, fc.integer({ min: 16 * 1024 + 1, max: 0xffffffff }), bytes(100))
			.map(([t, length, rest]) => rawFrame(t, rest, length))
	},
	{
		weight: 2,
		arbitrary: fc
			.tuple(type, fc.string({ maxLength: 200 }))
			.map(([t, s]) => rawFrame(t, Buffer.from(s)))
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(type, fc.oneof(fc.integer(), fc.array(json), fc.constant(null), fc.string()))
			.map(([t, value]) => rawFrame(t, Buffer.from(JSON.stringify(value))))
	},
	{
		weight: 4,
		arbitrary: fc
			.tuple(type, fc.dictionary(fc.constantFrom(...FIELDS, ...MORE_FIELDS), json), bytes(64))
			.map(([t, header, payload]) => encodeFrame(t, header, payload))
	},
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.integer({ min: 0, max: 255 }), fc.object({ maxDepth: 2 }), bytes(32))
			.map(([t, header, payload]) => encodeFrame(t, header, payload))
	},
	{
		weight: 4,
		arbitrary: fc
			.record({
				t: fc.constantFrom(MSG.PUSH, MSG.SNAPSHOT, MSG.SNAPSHOT_CONFIRM, MSG.SNAPSHOT_DISPUTE),
				docId: fc.constantFrom(...DOCS),
				deviceSeq: fc.integer({ min: -2, max: 200 }),
				covers: fc.integer({ min: -1, max: 40 }),
				epoch: fc.integer({ min: -1, max: 3 }),
				nonce: base64Of(0, 70),
				signature: base64Of(60, 66),
				link: fc.string({ maxLength: 40 }),
				admin: base64Of(31, 33),
				adminSignature: base64Of(63, 65),
				payload: bytes(200)
			})
			.map(({ t, payload, ...header }) => encodeFrame(t, header, payload))
	},
	{
		weight: 1,
		arbitrary: fc
			.record({
				cursors: fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.integer(), json)),
				deviceId: fc.string({ maxLength: 140 }),
				publicKey: base64Of(30, 34),
				mailbox: fc.string({
					unit: fc.constantFrom(...'0123456789abcdefABCDEF'),
					minLength: 60,
					maxLength: 66
				})
			})
			.chain((header) => type.map((t) => encodeFrame(t, header)))
	},
	{
		weight: 1,
		arbitrary: fc.integer({ min: 1, max: 8 }).map((k) => Buffer.alloc(FRAME_LIMIT + k * 1024, k))
	}
);

/** Sends frames in batches, reconnecting (and re-authenticating) whenever the relay closes it. */
async function lane(
	url: string,
	batch: (Buffer | string)[],
	device?: DeviceIdentity
): Promise<void> {
	const open = async () => {
		const client = await RelayTestClient.connect(url, device ?? createDevice());
		if (device) await client.auth();
		return client;
	};
	let client = await open();
	for (let i = 0; i < batch.length; i += 10) {
		if (!client.open) client = await open();
		for (const frame of batch.slice(i, i + 10)) client.sendRaw(frame);
		await client.ping(2000).catch(() => undefined);
	}
	await client.close();
}

const snapshotOf = (items: Item[]) =>
	items.map(
		({ docId, seq, kind, deviceId, deviceSeq, epoch, nonce, signature, link, payload }) => ({
			docId,
			seq,
			kind,
			deviceId,
			deviceSeq,
			epoch,
			nonce,
			signature,
			link,
			payload: payload.toString('hex')
		})
	);

describe('relay under fuzzing', () => {
	it('survives 10,000 malformed frames and keeps serving and storing correctly', async () => {
		const internal: Record<string, unknown>[] = [];
		const relay = await startTestRelay({
			limits: { maxFrameBytes: FRAME_LIMIT, ratePerSecond: 1e6, rateBurst: 1e6 },
			log: (entry) => {
				if (entry.event === 'internal-error') internal.push(entry);
			}
		});
		const [writer, reader] = await connectOffice(relay.url, 2);
		for (const [i, docId] of DOCS.entries())
			await writer.pushMany(docId, i * 20 + 1, payloads(15, 90, i));
		const clinical = { docId: 'clinical', covers: 10, deviceSeq: 100 };
		await compact(writer, reader, { ...clinical, payload: Buffer.from('clinical state') });
		// A pending snapshot the storm must neither apply nor drop.
		await writer.snapshotAndAck('directory', 15, 101, Buffer.from('pending state'));
		const before = snapshotOf((await reader.subscribe()).items);
		expect(before).toHaveLength(15 + 15 + 6);

		const fuzzers = [createDevice(writer.device.officeId), createDevice(writer.device.officeId)];
		for (const device of fuzzers) await writer.addDevice(device);
		const all = fc.sample(frames, { numRuns: 10_200, seed: 20261127 });
		const lanes = 6;
		const per = Math.ceil(all.length / lanes);
		await Promise.all(
			Array.from({ length: lanes }, (_, i) =>
				lane(relay.url, all.slice(i * per, (i + 1) * per), fuzzers[i] ?? undefined)
			)
		);

		expect(internal).toEqual([]);
		expect((await fetch(`${relay.httpUrl}/health`)).status).toBe(200);
		const [fresh, freshReader] = await connectOffice(relay.url, 2);
		await fresh.pushAndAck('directory', 1, Buffer.from('after the storm'));
		const { items } = await freshReader.subscribe();
		expect(items.map((item) => item.payload.toString())).toEqual(['after the storm']);

		const check = await RelayTestClient.connect(relay.url, reader.device);
		await check.auth();
		expect(snapshotOf((await check.subscribe()).items)).toEqual(before);
		expect(storedRows(relay.dbPath).pending).toEqual([15]);
	}, 30_000);
});
