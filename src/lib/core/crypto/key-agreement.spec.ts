import { describe, expect, it } from 'vitest';
import { randomBytes } from '../bytes';
import { DecryptionError } from './errors';
import {
	generatePersonKeyPair,
	importPersonPrivateKey,
	unwrapWithPrivateKey,
	wrapToPublicKey,
	type WrappedKey
} from './key-agreement';

const context = 'doc:patient-42|epoch:3';

async function person() {
	const { publicJwk, privateKeyPkcs8 } = await generatePersonKeyPair();
	const privateKey = await importPersonPrivateKey(privateKeyPkcs8);
	return {
		publicJwk,
		privateKey,
		unwrap: (wrapped: WrappedKey, ctx = context, own = publicJwk) =>
			unwrapWithPrivateKey(privateKey, own, wrapped, ctx)
	};
}

describe('wrapping a key to a person', () => {
	it('lets the recipient unwrap the secret', async () => {
		const alice = await person();
		const secret = randomBytes(32);
		const wrapped = await wrapToPublicKey(alice.publicJwk, secret, context);
		expect(await alice.unwrap(wrapped)).toEqual(secret);
	});

	it("does not let another person's private key unwrap it", async () => {
		const alice = await person();
		const mallory = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		await expect(mallory.unwrap(wrapped)).rejects.toThrow(DecryptionError);
	});

	it('rejects a different context', async () => {
		const alice = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		await expect(alice.unwrap(wrapped, 'doc:patient-42|epoch:4')).rejects.toThrow(DecryptionError);
	});

	it('rejects tampered ciphertext', async () => {
		const alice = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const ciphertext = new Uint8Array(wrapped.ciphertext);
		ciphertext[3] ^= 0x01;
		await expect(alice.unwrap({ ...wrapped, ciphertext })).rejects.toThrow(DecryptionError);
	});

	it('rejects a swapped or mangled ephemeral key', async () => {
		const alice = await person();
		const first = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const second = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const swapped = { ...first, ephemeralPublicJwk: second.ephemeralPublicJwk };
		await expect(alice.unwrap(swapped)).rejects.toThrow(DecryptionError);
		const mangled = { ...first, ephemeralPublicJwk: { ...first.ephemeralPublicJwk, x: 'AAAA' } };
		await expect(alice.unwrap(mangled)).rejects.toThrow(DecryptionError);
	});

	it('binds the recipient’s public key: naming another public key does not open it', async () => {
		const alice = await person();
		const bob = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		await expect(alice.unwrap(wrapped, context, bob.publicJwk)).rejects.toThrow(DecryptionError);
	});

	it('binds the ephemeral key: its negation, which agrees the same secret, does not open it', async () => {
		const alice = await person();
		const wrapped = await wrapToPublicKey(alice.publicJwk, randomBytes(32), context);
		const negated = { ...wrapped, ephemeralPublicJwk: negateY(wrapped.ephemeralPublicJwk) };
		await expect(alice.unwrap(negated)).rejects.toThrow(DecryptionError);
	});

	it('does not open a wrap relabelled as version 1: the key schedules differ', async () => {
		const alice = await person();
		const secret = randomBytes(32);
		const v2 = await wrapToPublicKey(alice.publicJwk, secret, context);
		await expect(alice.unwrap({ ...v2, v: 1 })).rejects.toThrow(DecryptionError);
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

/** The point (x, −y): a valid public key whose ECDH shared x-coordinate equals the original's. */
function negateY(jwk: JsonWebKey): JsonWebKey {
	const p = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
	const y = BigInt('0x' + Buffer.from(jwk.y!, 'base64url').toString('hex'));
	const negated = ((p - y) % p).toString(16).padStart(64, '0');
	return { ...jwk, y: Buffer.from(negated, 'hex').toString('base64url') };
}
