import { describe, expect, it } from 'vitest';
import { randomBytes, utf8Encode } from '../bytes';
import { encodeJson } from './json-codec';
import { decodeMessage, encodeMessage, type PairingMessage } from './messages';

const hello: PairingMessage = {
	t: 'hello',
	v: 2,
	commitment: randomBytes(32),
	deviceId: '01JDEVICE0000000000000000A',
	signingPublicRaw: randomBytes(32),
	encryptionPublicRaw: randomBytes(65),
	name: 'Chrome on Android',
	mac: randomBytes(32)
};

describe('pairing messages', () => {
	it.each<PairingMessage>([
		{ t: 'ready' },
		hello,
		{ t: 'welcome', hostKey: randomBytes(65), mac: randomBytes(32) },
		{ t: 'reveal', joinerKey: randomBytes(65), mac: randomBytes(32) },
		{ t: 'keys', nonce: randomBytes(12), ciphertext: randomBytes(100) },
		{ t: 'done', nonce: randomBytes(12), ciphertext: randomBytes(16) },
		{ t: 'abort', reason: 'wrong-code' }
	])('read back the $t message they were made from', (message) => {
		expect(decodeMessage(encodeMessage(message))).toEqual(message);
	});

	it.each([
		['an unknown type', { t: 'gift' }],
		['a short MAC', { ...hello, mac: randomBytes(31) }],
		['a commitment that is text', { ...hello, commitment: 'abc' }],
		['another protocol version', { ...hello, v: 1 }],
		['no encryption key', { ...hello, encryptionPublicRaw: undefined }],
		['a name of 81 characters', { ...hello, name: 'x'.repeat(81) }],
		['a device id with odd characters', { ...hello, deviceId: '../../etc' }],
		[
			'a key that is not 65 bytes',
			{ t: 'welcome', hostKey: randomBytes(64), mac: randomBytes(32) }
		],
		['an unknown abort reason', { t: 'abort', reason: 'because' }],
		['no type at all', { mac: randomBytes(32) }]
	])('are refused with %s', (_, raw) => {
		expect(decodeMessage(encodeJson(raw))).toBeNull();
	});

	it('are refused when they are not JSON', () => {
		expect(decodeMessage(utf8Encode('hello'))).toBeNull();
		expect(decodeMessage(new Uint8Array([0xff, 0xfe]))).toBeNull();
	});
});
