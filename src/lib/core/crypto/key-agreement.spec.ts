import { describe, expect, it } from 'vitest';
import { randomBytes } from '../bytes';
import { DecryptionError } from './errors';
import {
	generatePersonKeyPair,
	importPersonPrivateKey,
	unwrapWithPrivateKey,
	wrapToPublicKey
} from './key-agreement';

const context = 'doc:patient-42|epoch:3';

async function person() {
	const { publicJwk, privateKeyPkcs8 } = await generatePersonKeyPair();
	return { publicJwk, privateKey: await importPersonPrivateKey(privateKeyPkcs8) };
}

describe('wrapping a key to a person', () => {
	it('lets the recipient unwrap the secret', async () => {
		const alice = await person();
		const secret = randomBytes(32);
		const wrapped = await wrapToPublicKey(alice.publicJwk, secret, context);
		expect(await unwrapWithPrivateKey(alice.privateKey, wrapped, context)).toEqual(secret);
	});

	it("does not let another person's private key unwrap it", async () => {
		const alice = await person();
		const mallory = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		await expect(unwrapWithPrivateKey(mallory.privateKey, wrapped, context)).rejects.toThrow(
			DecryptionError
		);
	});

	it('rejects a different context', async () => {
		const alice = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		await expect(
			unwrapWithPrivateKey(alice.privateKey, wrapped, 'doc:patient-42|epoch:4')
		).rejects.toThrow(DecryptionError);
	});

	it('rejects tampered ciphertext', async () => {
		const alice = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const ciphertext = new Uint8Array(wrapped.ciphertext);
		ciphertext[3] ^= 0x01;
		await expect(
			unwrapWithPrivateKey(alice.privateKey, { ...wrapped, ciphertext }, context)
		).rejects.toThrow(DecryptionError);
	});

	it('rejects a swapped or mangled ephemeral key', async () => {
		const alice = await person();
		const first = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const second = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const swapped = { ...first, ephemeralPublicJwk: second.ephemeralPublicJwk };
		await expect(unwrapWithPrivateKey(alice.privateKey, swapped, context)).rejects.toThrow(
			DecryptionError
		);
		const mangled = { ...first, ephemeralPublicJwk: { ...first.ephemeralPublicJwk, x: 'AAAA' } };
		await expect(unwrapWithPrivateKey(alice.privateKey, mangled, context)).rejects.toThrow(
			DecryptionError
		);
	});

	it('uses a fresh ephemeral key every time', async () => {
		const alice = await person();
		const secret = randomBytes(32);
		const a = await wrapToPublicKey(alice.publicJwk, secret, context);
		const b = await wrapToPublicKey(alice.publicJwk, secret, context);
		expect(a.ephemeralPublicJwk.x).not.toBe(b.ephemeralPublicJwk.x);
		expect(a.ciphertext).not.toEqual(b.ciphertext);
	});

	it('publishes a minimal P-256 public key without private parts', async () => {
		const { publicJwk } = await generatePersonKeyPair();
		expect(Object.keys(publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
		expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
	});

	it('refuses to wrap to a private JWK or a different curve', async () => {
		const { publicJwk } = await generatePersonKeyPair();
		const secret = randomBytes(32);
		await expect(wrapToPublicKey({ ...publicJwk, d: 'AAAA' }, secret, context)).rejects.toThrow();
		await expect(
			wrapToPublicKey({ ...publicJwk, crv: 'P-384' }, secret, context)
		).rejects.toThrow();
	});

	it('imports the private key as non-extractable', async () => {
		const { privateKey } = await person();
		expect(privateKey.extractable).toBe(false);
		expect(privateKey.usages).toEqual(['deriveBits']);
	});
});
