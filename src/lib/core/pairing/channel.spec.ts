import { describe, expect, it } from 'vitest';
import { randomBytes, utf8Decode, utf8Encode } from '../bytes';
import { DecryptionError } from '../crypto/errors';
import {
	deriveChannel,
	ephemeralKeyPair,
	formatCheckCode,
	importPeerKey,
	openOnChannel,
	sealOnChannel
} from './channel';

async function bothEnds(hashA = randomBytes(32), hashB = hashA) {
	const a = await ephemeralKeyPair();
	const b = await ephemeralKeyPair();
	return {
		a: await deriveChannel(a.privateKey, b.publicRaw, hashA),
		b: await deriveChannel(b.privateKey, a.publicRaw, hashB)
	};
}

describe('the pairing channel', () => {
	it('shows the same check code on both ends and lets each open what the other sealed', async () => {
		const { a, b } = await bothEnds();
		expect(a.checkCode).toMatch(/^\d{3} \d{3}$/);
		expect(b.checkCode).toBe(a.checkCode);
		const sealed = await sealOnChannel(a, 'keys', utf8Encode('the keys'));
		expect(utf8Decode(await openOnChannel(b, 'keys', sealed))).toBe('the keys');
	});

	it('gives ends with different transcripts different keys', async () => {
		const { a, b } = await bothEnds(randomBytes(32), randomBytes(32));
		const sealed = await sealOnChannel(a, 'keys', utf8Encode('the keys'));
		await expect(openOnChannel(b, 'keys', sealed)).rejects.toThrow(DecryptionError);
	});

	it('does not open a message sealed for another purpose', async () => {
		const { a, b } = await bothEnds();
		const sealed = await sealOnChannel(a, 'keys', new Uint8Array(0));
		await expect(openOnChannel(b, 'done', sealed)).rejects.toThrow(DecryptionError);
	});

	it('refuses a peer key that is not a point on P-256', async () => {
		const { publicRaw } = await ephemeralKeyPair();
		const bent = new Uint8Array(publicRaw);
		bent[40] ^= 0x01;
		await expect(importPeerKey(bent)).rejects.toThrow();
		await expect(importPeerKey(publicRaw.subarray(0, 33))).rejects.toThrow(TypeError);
	});

	it('uses a fresh key pair every time', async () => {
		const a = await ephemeralKeyPair();
		const b = await ephemeralKeyPair();
		expect(a.publicRaw).not.toEqual(b.publicRaw);
		expect(a.privateKey.extractable).toBe(false);
	});
});

describe('formatCheckCode', () => {
	it.each([
		[0, '000 000'],
		[42, '000 042'],
		[123_456, '123 456'],
		[999_999, '999 999'],
		[1_000_000, '000 000'],
		[0xffff_ffff, '967 295']
	])('shows %i as %s', (n, shown) => {
		expect(formatCheckCode(n)).toBe(shown);
	});
});
