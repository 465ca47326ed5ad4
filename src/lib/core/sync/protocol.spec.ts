import { describe, expect, it } from 'vitest';
import { concatBytes, randomBytes, toBase64, utf8Encode } from '../bytes';
import { generateSigningKeyPair, verify } from '../crypto/signing';
import { encodeClientMessage, type ClientMessage } from './messages';
import {
	decodeFrame,
	encodeFrame,
	MAX_HEADER_BYTES,
	MESSAGE_TYPES,
	type MessageName
} from './protocol';
import { readRelayMessage } from './relay-messages';
import * as relay from '../../../../sync-server/src/signatures';
import {
	adminKeyProofText,
	adminText,
	authText,
	blobText,
	compactionText,
	itemText,
	signItem
} from './signing-text';

const NONCE = toBase64(randomBytes(12));
const SIGNATURE = toBase64(randomBytes(64));
const MAILBOX = 'ab'.repeat(32);
const KEY = toBase64(randomBytes(32));
const LINK = '2.k1.3.h2.0.1767225600000.';
const ADMIN = { admin: KEY, nonce: NONCE, signature: SIGNATURE };

function frame(type: number, header: string, payload: number[] = []): Uint8Array {
	const headerBytes = utf8Encode(header);
	const out = new Uint8Array(5 + headerBytes.length + payload.length);
	out[0] = type;
	new DataView(out.buffer).setUint32(1, headerBytes.length, false);
	out.set(headerBytes, 5);
	out.set(payload, 5 + headerBytes.length);
	return out;
}

describe('frames', () => {
	it('lays out type, big-endian header length, JSON header and payload as the spec says', () => {
		const bytes = encodeFrame('PING', {}, Uint8Array.of(9, 8));
		expect([...bytes]).toEqual([0x40, 0, 0, 0, 2, 0x7b, 0x7d, 9, 8]);
	});

	it.each<ClientMessage>([
		{ type: 'HELLO', header: { v: 2, officeId: 'office-1', deviceId: 'device-1' } },
		{ type: 'AUTH', header: { signature: SIGNATURE } },
		{
			type: 'REGISTER',
			header: { publicKey: KEY, signature: SIGNATURE, admin: { key: KEY, proof: SIGNATURE } }
		},
		{ type: 'SUBSCRIBE', header: { cursors: { directory: 12, 'schedule/2026-11': 0 } } },
		{
			type: 'PUSH',
			header: {
				docId: 'alpha',
				deviceSeq: 7,
				epoch: 1,
				nonce: NONCE,
				signature: SIGNATURE,
				link: LINK
			},
			payload: randomBytes(300)
		},
		{
			type: 'SNAPSHOT',
			header: {
				docId: 'alpha/2026',
				covers: 500,
				deviceSeq: 9,
				epoch: 2,
				nonce: NONCE,
				signature: SIGNATURE,
				link: LINK,
				admin: KEY,
				adminSignature: SIGNATURE
			},
			payload: randomBytes(40)
		},
		{ type: 'SNAPSHOT_CONFIRM', header: { docId: 'alpha', covers: 500, nonce: NONCE } },
		{ type: 'SNAPSHOT_DISPUTE', header: { docId: 'alpha', covers: 500, nonce: NONCE } },
		{ type: 'ADMIN_CHALLENGE', header: {} },
		{ type: 'ADD_DEVICE', header: { deviceId: 'device-2', publicKey: KEY, ...ADMIN } },
		{ type: 'REVOKE_DEVICE', header: { deviceId: 'device-2', ...ADMIN } },
		{ type: 'RESTORE_DEVICE', header: { deviceId: 'device-2', ...ADMIN } },
		{ type: 'ADD_ADMIN', header: { key: KEY, proof: SIGNATURE, ...ADMIN } },
		{ type: 'REMOVE_ADMIN', header: { key: KEY, ...ADMIN } },
		{ type: 'PAIR_OPEN', header: { mailbox: MAILBOX } },
		{ type: 'PAIR_MSG', header: { mailbox: MAILBOX }, payload: randomBytes(5) },
		{
			type: 'BLOB_PUT',
			header: {
				blobId: '01HZX',
				epoch: 1,
				nonce: NONCE,
				signature: SIGNATURE,
				size: 30,
				link: LINK
			},
			payload: randomBytes(30)
		},
		{ type: 'BLOB_GET', header: { blobId: '01HZX' } },
		{ type: 'PING', header: {} }
	])('round-trips a $type frame byte for byte', (message) => {
		const decoded = decodeFrame(encodeClientMessage(message));
		expect(decoded).toEqual({
			ok: true,
			frame: {
				type: message.type,
				header: message.header,
				payload: 'payload' in message ? message.payload : new Uint8Array(0)
			}
		});
	});

	it.each([
		['a text frame', 'hello'],
		['a frame shorter than 5 bytes', Uint8Array.of(1, 0, 0)],
		['a header length past the end', frame(0x40, '{}').subarray(0, 6)],
		['a header over 16 KiB', frame(0x40, `{"a":"${'x'.repeat(MAX_HEADER_BYTES)}"}`)],
		['a header that is not JSON', frame(0x40, '{nope')],
		['a header that is a JSON array', frame(0x40, '[1,2]')],
		['a header that is JSON null', frame(0x40, 'null')],
		['a header that is not UTF-8', Uint8Array.of(0x40, 0, 0, 0, 2, 0xff, 0xfe)],
		['an unknown message type', frame(0x7f, '{}')],
		['nothing at all', undefined]
	])('returns an error, never throws, for %s', (_label, data) => {
		const decoded = decodeFrame(data);
		expect(decoded.ok).toBe(false);
	});

	it('refuses a frame over the size limit', () => {
		expect(decodeFrame(frame(0x40, '{}', [1, 2, 3]), { maxFrameBytes: 8 })).toMatchObject({
			error: 'too-large'
		});
	});
});

describe('relay messages', () => {
	const item = (seq: number, size: number) => ({
		seq,
		kind: 'update',
		deviceId: 'device-1',
		deviceSeq: seq,
		epoch: 1,
		nonce: NONCE,
		signature: SIGNATURE,
		link: LINK,
		v: 2,
		size
	});

	const device = (deviceId: string, revoked: boolean, addedBy: string) => ({
		deviceId,
		revoked,
		publicKey: KEY,
		addedBy,
		addedAt: 1767225600000
	});

	it('splits an UPDATES payload into each item ciphertext, in item order', () => {
		const header = {
			docId: 'alpha',
			items: [item(1, 2), item(2, 3)],
			more: false,
			latest: 2,
			sinceSnapshot: 2
		};
		const message = readRelayMessage(encodeFrame('UPDATES', header, Uint8Array.of(1, 2, 3, 4, 5)));
		expect(message).toMatchObject({ type: 'UPDATES', header });
		if (message.type !== 'UPDATES') throw new Error('not UPDATES');
		expect(message.ciphertexts.map((c) => [...c])).toEqual([
			[1, 2],
			[3, 4, 5]
		]);
	});

	it('reads a BLOB with its ciphertext, and refuses one whose payload is not its size', () => {
		const header = {
			blobId: '01HZX',
			deviceId: 'device-1',
			epoch: 1,
			nonce: NONCE,
			signature: SIGNATURE,
			link: '',
			v: 1,
			size: 3
		};
		const message = readRelayMessage(encodeFrame('BLOB', header, Uint8Array.of(7, 8, 9)));
		expect(message).toMatchObject({ type: 'BLOB', header });
		expect(message.type === 'BLOB' && [...message.payload]).toEqual([7, 8, 9]);
		expect(readRelayMessage(encodeFrame('BLOB', header, Uint8Array.of(7)))).toMatchObject({
			type: 'invalid'
		});
	});

	it('reads a full UPDATES page, whose header is far longer than a client frame may be', () => {
		const items = Array.from({ length: 512 }, (_, i) => item(i + 1, 1));
		const header = { docId: 'alpha', items, more: true, latest: 9999, sinceSnapshot: 9999 };
		const bytes = encodeFrame('UPDATES', header, new Uint8Array(512));
		expect(bytes.length).toBeGreaterThan(5 + MAX_HEADER_BYTES);
		expect(readRelayMessage(bytes)).toMatchObject({ type: 'UPDATES' });
	});

	it('sends SUBSCRIBE with a cursor for each of thousands of documents', () => {
		const cursors = Object.fromEntries(
			Array.from({ length: 5000 }, (_, i) => [`area/${2000 + (i % 99)}-${i}`, i])
		);
		const decoded = decodeFrame(encodeClientMessage({ type: 'SUBSCRIBE', header: { cursors } }), {
			maxHeaderBytes: 1024 * 1024
		});
		expect(decoded.ok && decoded.frame.header).toEqual({ cursors });
	});

	it.each<[MessageName, object]>([
		['CHALLENGE', { nonce: NONCE }],
		['READY', { devices: [device('device-1', false, '')], admins: [KEY] }],
		['ERROR', { code: 'quota', message: 'full', fatal: false, ref: { type: 0x12, deviceSeq: 4 } }],
		['ACK', { docId: 'alpha', deviceSeq: 4, seq: 10 }],
		['SNAPSHOT_ACK', { docId: 'alpha', covers: 500 }],
		['CAUGHT_UP', {}],
		['DEVICES', { devices: [device('device-2', true, KEY)], admins: [KEY] }],
		['ADMIN_NONCE', { nonce: NONCE }],
		['SNAPSHOT_DONE', { docId: 'alpha', covers: 500, nonce: NONCE, ok: false }],
		['PAIR_PEER', { mailbox: MAILBOX, present: true }],
		['BLOB_ACK', { blobId: '01HZX' }],
		['BLOB_MISSING', { blobId: '01HZX' }],
		['PONG', {}]
	])('reads a valid %s header', (type, header) => {
		expect(readRelayMessage(encodeFrame(type, header))).toEqual({ type, header });
	});

	it.each<[string, MessageName, object, Uint8Array?]>([
		[
			'a payload shorter than the item sizes',
			'UPDATES',
			{ docId: 'a', items: [item(1, 9)], more: false, latest: 1, sinceSnapshot: 1 },
			Uint8Array.of(1)
		],
		[
			'a payload longer than the item sizes',
			'UPDATES',
			{ docId: 'a', items: [], more: false, latest: 1, sinceSnapshot: 1 },
			Uint8Array.of(1)
		],
		[
			'a negative seq',
			'UPDATES',
			{ docId: 'a', items: [item(-1, 0)], more: false, latest: 1, sinceSnapshot: 1 }
		],
		[
			'an item nonce that is not base64',
			'UPDATES',
			{
				docId: 'a',
				items: [{ ...item(1, 0), nonce: 'not base64!' }],
				more: false,
				latest: 1,
				sinceSnapshot: 1
			}
		],
		[
			'an unknown item kind',
			'UPDATES',
			{
				docId: 'a',
				items: [{ ...item(1, 0), kind: 'other' }],
				more: false,
				latest: 1,
				sinceSnapshot: 1
			}
		],
		['a missing field', 'ACK', { docId: 'alpha', seq: 1 }],
		['a fractional number', 'ACK', { docId: 'alpha', deviceSeq: 1.5, seq: 1 }],
		['a string for a boolean', 'ERROR', { code: 'x', message: 'y', fatal: 'yes' }],
		['an empty document id', 'SNAPSHOT_ACK', { docId: '', covers: 1 }],
		['a message only clients send', 'PUSH', { docId: 'alpha' }],
		[
			'a link with the separator of the signed texts',
			'UPDATES',
			{
				docId: 'a',
				items: [{ ...item(1, 0), link: 'a|b' }],
				more: false,
				latest: 1,
				sinceSnapshot: 1
			}
		],
		[
			'an unknown signature version',
			'UPDATES',
			{ docId: 'a', items: [{ ...item(1, 0), v: 3 }], more: false, latest: 1, sinceSnapshot: 1 }
		],
		['a device list without admins', 'DEVICES', { devices: [device('d', false, '')] }],
		[
			'a snapshot offer whose payload is not its size',
			'SNAPSHOT_OFFER',
			{
				docId: 'alpha',
				covers: 5,
				nonce: NONCE,
				deviceId: 'd',
				deviceSeq: 9,
				epoch: 1,
				signature: SIGNATURE,
				link: LINK,
				v: 2,
				size: 4
			},
			Uint8Array.of(1)
		]
	])('reports %s as invalid instead of acting on it', (_label, type, header, payload) => {
		expect(readRelayMessage(encodeFrame(type, header, payload))).toMatchObject({ type: 'invalid' });
	});
});

describe('signed texts', () => {
	const CIPHERTEXT = Uint8Array.of(0, 255, 124);
	const withCiphertext = (text: string) => concatBytes(utf8Encode(text), CIPHERTEXT);

	it('signs the auth text exactly as the spec spells it', () => {
		expect(new TextDecoder().decode(authText('o1', 'd1', 'bm9uY2U='))).toBe(
			'po-auth-v2|o1|d1|bm9uY2U='
		);
	});

	it.each([
		[
			{
				kind: 'update' as const,
				docId: 'alpha',
				deviceSeq: 5,
				epoch: 1,
				nonce: 'AAEC',
				link: LINK
			},
			`po-item-v2|update|alpha|5|1|AAEC||${LINK}|`,
			'po-item-v1|update|alpha|5|1|AAEC||'
		],
		[
			{
				kind: 'snapshot' as const,
				docId: 'b/2026',
				deviceSeq: 6,
				epoch: 2,
				nonce: 'AAEC',
				covers: 512,
				link: ''
			},
			'po-item-v2|snapshot|b/2026|6|2|AAEC|512||',
			'po-item-v1|snapshot|b/2026|6|2|AAEC|512|'
		]
	])('puts the ciphertext right after the text of %o, in v2 and in v1', (facts, v2, v1) => {
		expect(itemText(facts, CIPHERTEXT)).toEqual(withCiphertext(v2));
		expect(new Uint8Array(relay.itemData(facts, CIPHERTEXT))).toEqual(withCiphertext(v2));
		expect(itemText(facts, CIPHERTEXT, 1)).toEqual(withCiphertext(v1));
	});

	it('signs a blob text the relay rebuilds byte for byte, and reads a v1 blob text', () => {
		const facts = { blobId: '01HZX', epoch: 3, nonce: 'AAEC', size: 3, link: LINK };
		expect(blobText(facts, CIPHERTEXT)).toEqual(
			withCiphertext(`po-blob-v2|01HZX|3|AAEC|3|${LINK}|`)
		);
		expect(new Uint8Array(relay.blobData(facts, CIPHERTEXT))).toEqual(blobText(facts, CIPHERTEXT));
		expect(blobText(facts, CIPHERTEXT, 1)).toEqual(withCiphertext('po-blob-v1|01HZX|3|AAEC|3|'));
	});

	it.each([
		['add-device' as const, 'device-2', KEY],
		['revoke-device' as const, 'device-2', ''],
		['restore-device' as const, 'device-2', ''],
		['add-admin' as const, KEY, ''],
		['remove-admin' as const, KEY, '']
	])('signs the %s admin text the relay rebuilds', (action, subject, detail) => {
		const change = { action, subject, detail };
		const text = `po-admin-v2|o1|${NONCE}|${action}|${subject}|${detail}`;
		expect(adminText('o1', NONCE, change)).toEqual(utf8Encode(text));
		const fields = { officeId: 'o1', nonce: NONCE, ...change };
		expect(new Uint8Array(relay.adminActionText(fields))).toEqual(utf8Encode(text));
	});

	it('signs the admin key proof and the compaction text the relay rebuilds', () => {
		expect(adminKeyProofText('o1', KEY)).toEqual(utf8Encode(`po-admin-key-v2|o1|${KEY}`));
		expect(new Uint8Array(relay.adminKeyProofText('o1', KEY))).toEqual(
			adminKeyProofText('o1', KEY)
		);
		const text = `po-compact-v2|o1|alpha|500|${SIGNATURE}`;
		expect(compactionText('o1', 'alpha', 500, SIGNATURE)).toEqual(utf8Encode(text));
		expect(new Uint8Array(relay.compactionText('o1', 'alpha', 500, SIGNATURE))).toEqual(
			utf8Encode(text)
		);
	});

	it('makes a signature the device public key verifies', async () => {
		const pair = await generateSigningKeyPair();
		const facts = {
			kind: 'update' as const,
			docId: 'alpha',
			deviceSeq: 1,
			epoch: 1,
			nonce: NONCE,
			link: LINK
		};
		const ciphertext = randomBytes(20);
		const signature = await signItem(pair.privateKey, facts, ciphertext);
		const bytes = Uint8Array.from(atob(signature), (c) => c.charCodeAt(0));
		expect(await verify(pair.publicRaw, bytes, itemText(facts, ciphertext))).toBe(true);
		expect(MESSAGE_TYPES.PUSH).toBe(0x12);
	});
});
