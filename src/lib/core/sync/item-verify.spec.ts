import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64 } from '../bytes';
import { generateSigningKeyPair, sign } from '../crypto/signing';
import { encodeLink } from '../documents/item-link';
import { SignatureCheck, type ItemTrust } from './item-verify';
import { blobText, itemText, type ItemFacts } from './signing-text';

const FACTS: ItemFacts = {
	kind: 'update',
	docId: 'alpha',
	deviceSeq: 3,
	epoch: 1,
	nonce: toBase64(randomBytes(12)),
	link: '2.k1.3.h2.0.1767225600000.'
};
const CIPHERTEXT = randomBytes(24);

async function signer() {
	const pair = await generateSigningKeyPair();
	const signed = async (text: Uint8Array) => toBase64(await sign(pair.privateKey, text));
	return { publicRaw: pair.publicRaw, signed };
}

const checkWith = (key: Uint8Array | null | undefined) => {
	const trust: ItemTrust = { deviceKey: () => key };
	return new SignatureCheck(() => trust);
};

describe('SignatureCheck', () => {
	it('verifies items a v1 relay stored against the v1 text, and v2 items against the v2 text', async () => {
		const { publicRaw, signed } = await signer();
		const check = checkWith(publicRaw);
		const v1 = await signed(itemText(FACTS, CIPHERTEXT, 1));
		const v2 = await signed(itemText(FACTS, CIPHERTEXT));
		expect(await check.item('d', FACTS, CIPHERTEXT, v1, 1)).toBe('ok');
		expect(await check.item('d', FACTS, CIPHERTEXT, v2, 2)).toBe('ok');
		expect(await check.item('d', FACTS, CIPHERTEXT, v1, 2)).toBe('bad-signature');
		expect(await check.item('d', { ...FACTS, link: '' }, CIPHERTEXT, v2, 2)).toBe('bad-signature');
	});

	it('verifies blobs the same way, and no item text passes for a blob', async () => {
		const { publicRaw, signed } = await signer();
		const check = checkWith(publicRaw);
		const blob = { blobId: 'b1', epoch: 1, nonce: FACTS.nonce, size: 24, link: '' };
		expect(
			await check.blob('d', blob, CIPHERTEXT, await signed(blobText(blob, CIPHERTEXT)), 2)
		).toBe('ok');
		const v1 = await signed(blobText(blob, CIPHERTEXT, 1));
		expect(await check.blob('d', blob, CIPHERTEXT, v1, 1)).toBe('ok');
		const item = await signed(itemText(FACTS, CIPHERTEXT));
		expect(await check.blob('d', blob, CIPHERTEXT, item, 2)).toBe('bad-signature');
	});

	it.each([
		['a device the office does not list', null, 'unknown-device'],
		['no chain of authority on this device', undefined, 'ok'],
		['a key that is not one', new Uint8Array(5), 'bad-signature']
	] as const)('answers for %s', async (_label, key, verdict) => {
		const check = checkWith(key);
		const garbage = toBase64(randomBytes(64));
		expect(await check.item('d', FACTS, CIPHERTEXT, garbage, 2)).toBe(verdict);
	});

	it('says a signature that is not base64 of 64 bytes does not verify', async () => {
		const { publicRaw } = await signer();
		expect(await checkWith(publicRaw).item('d', FACTS, CIPHERTEXT, 'no!', 2)).toBe('bad-signature');
	});

	it('holds what a removed device says it wrote after its removal, and keeps its history', async () => {
		const { publicRaw, signed } = await signer();
		const removedAt = Date.parse('2026-11-20T10:00:00.000Z');
		const trust: ItemTrust = { deviceKey: () => publicRaw, removedAt: () => removedAt };
		const check = new SignatureCheck(() => trust);
		const writtenAt = async (at: number) => {
			const link = encodeLink({ keyId: 'k1', chainSeq: 3, prev: 'h2', authSeq: 0, at, heads: [] });
			const facts = { ...FACTS, link };
			return check.item('d', facts, CIPHERTEXT, await signed(itemText(facts, CIPHERTEXT)), 2);
		};

		expect(await writtenAt(removedAt - 60_000)).toBe('ok');
		expect(await writtenAt(removedAt + 60_000)).toBe('removed-device');
	});
});
