import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, toHex, utf8Decode, utf8Encode } from '../bytes';
import {
	associatedData,
	exportAeadKey,
	generateAeadKey,
	importAeadKey,
	open,
	seal,
	type Sealed
} from './aead';
import { DecryptionError } from './errors';

const fields = { docId: 'patient-42', epoch: 3, deviceId: 'device-a' };
const aad = associatedData(fields);

function flipBit(bytes: Uint8Array, index: number): Uint8Array {
	const copy = new Uint8Array(bytes);
	copy[index] ^= 0x01;
	return copy;
}

async function sealedHello(): Promise<{ key: CryptoKey; sealed: Sealed }> {
	const key = await generateAeadKey();
	return { key, sealed: await seal(key, utf8Encode('hello, Frau Öztürk'), aad) };
}

describe('seal and open', () => {
	it('decrypts what it encrypted', async () => {
		const { key, sealed } = await sealedHello();
		expect(utf8Decode(await open(key, sealed, aad))).toBe('hello, Frau Öztürk');
	});

	it('uses a 12-byte nonce and appends a 16-byte tag', async () => {
		const { sealed } = await sealedHello();
		expect(sealed.nonce).toHaveLength(12);
		expect(sealed.ciphertext).toHaveLength(utf8Encode('hello, Frau Öztürk').length + 16);
	});

	it('round-trips an empty plaintext', async () => {
		const key = await generateAeadKey();
		expect(await open(key, await seal(key, new Uint8Array(0), aad), aad)).toHaveLength(0);
	});

	it('rejects a ciphertext with one flipped bit, wherever it is', async () => {
		const { key, sealed } = await sealedHello();
		for (const index of [0, 5, sealed.ciphertext.length - 1]) {
			const tampered = { ...sealed, ciphertext: flipBit(sealed.ciphertext, index) };
			await expect(open(key, tampered, aad)).rejects.toThrow(DecryptionError);
		}
	});

	it('rejects a changed nonce', async () => {
		const { key, sealed } = await sealedHello();
		const tampered = { ...sealed, nonce: flipBit(sealed.nonce, 11) };
		await expect(open(key, tampered, aad)).rejects.toThrow(DecryptionError);
	});

	it('rejects a nonce of the wrong length', async () => {
		const { key, sealed } = await sealedHello();
		const tampered = { ...sealed, nonce: sealed.nonce.subarray(0, 8) };
		await expect(open(key, tampered, aad)).rejects.toThrow(DecryptionError);
	});

	it.each([
		['docId', { ...fields, docId: 'patient-43' }],
		['epoch', { ...fields, epoch: 4 }],
		['deviceId', { ...fields, deviceId: 'device-b' }]
	])('rejects the update when the %s in the associated data differs', async (_, other) => {
		const { key, sealed } = await sealedHello();
		await expect(open(key, sealed, associatedData(other))).rejects.toThrow(DecryptionError);
	});

	it('rejects a different key', async () => {
		const { sealed } = await sealedHello();
		await expect(open(await generateAeadKey(), sealed, aad)).rejects.toThrow(DecryptionError);
	});

	it('gives a different nonce and ciphertext every time the same plaintext is sealed', async () => {
		const key = await generateAeadKey();
		const plaintext = utf8Encode('same every time');
		const results = await Promise.all(Array.from({ length: 20 }, () => seal(key, plaintext, aad)));
		const nonces = new Set(results.map((r) => toHex(r.nonce)));
		const ciphertexts = new Set(results.map((r) => toHex(r.ciphertext)));
		expect(nonces.size).toBe(20);
		expect(ciphertexts.size).toBe(20);
	});

	it('reports the DecryptionError with a message people can read', async () => {
		const { sealed } = await sealedHello();
		const error = await open(await generateAeadKey(), sealed, aad).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DecryptionError);
		expect((error as Error).name).toBe('DecryptionError');
		expect((error as Error).message).toBe(
			'This data could not be decrypted: it was altered, or it belongs to another key.'
		);
	});
});

describe('aead keys', () => {
	it('does not let a default key be exported', async () => {
		await expect(exportAeadKey(await generateAeadKey())).rejects.toThrow();
	});

	it('exports and re-imports an extractable key that still opens old data', async () => {
		const key = await generateAeadKey(true);
		const raw = await exportAeadKey(key);
		expect(raw).toHaveLength(32);
		const sealed = await seal(key, utf8Encode('x'), aad);
		const again = await importAeadKey(raw);
		expect(utf8Decode(await open(again, sealed, aad))).toBe('x');
	});

	it('refuses raw keys that are not 32 bytes', async () => {
		await expect(importAeadKey(new Uint8Array(16))).rejects.toThrow(RangeError);
	});
});

describe('associatedData', () => {
	it('starts with the versioned context', () => {
		expect(utf8Decode(aad.subarray(0, 9))).toBe('po-upd-v1');
	});

	it.each([
		[
			{ docId: 'a|b', epoch: 1, deviceId: 'c' },
			{ docId: 'a', epoch: 1, deviceId: 'b|c' }
		],
		[
			{ docId: 'ab', epoch: 1, deviceId: '' },
			{ docId: 'a', epoch: 1, deviceId: 'b' }
		],
		[
			{ docId: '', epoch: 0, deviceId: 'x' },
			{ docId: 'x', epoch: 0, deviceId: '' }
		],
		[
			{ docId: 'a', epoch: 256, deviceId: 'b' },
			{ docId: 'a', epoch: 1, deviceId: 'b' }
		],
		[
			{ docId: 'e\u0301', epoch: 1, deviceId: 'd' },
			{ docId: 'é', epoch: 1, deviceId: 'd' }
		]
	])('encodes %j and %j differently', (a, b) => {
		expect(bytesEqual(associatedData(a), associatedData(b))).toBe(false);
	});

	it('never encodes two different triples the same way', () => {
		const triple = fc.record({
			docId: fc.string({ unit: 'grapheme', maxLength: 6 }),
			epoch: fc.integer({ min: 0, max: 0xffff_ffff }),
			deviceId: fc.string({ unit: 'grapheme', maxLength: 6 })
		});
		fc.assert(
			fc.property(triple, triple, (a, b) => {
				const same = a.docId === b.docId && a.epoch === b.epoch && a.deviceId === b.deviceId;
				return bytesEqual(associatedData(a), associatedData(b)) === same;
			})
		);
	});

	it.each([-1, 1.5, 2 ** 32, Number.NaN])('refuses epoch %s', (epoch) => {
		expect(() => associatedData({ ...fields, epoch })).toThrow(RangeError);
	});
});
