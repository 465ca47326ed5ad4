import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../bytes';
import { generateSigningKeyPair, sign, verify } from './signing';

const data = utf8Encode('update 17 from device-a');

describe('device signatures', () => {
	it('verify for the data that was signed', async () => {
		const device = await generateSigningKeyPair();
		const signature = await sign(device.privateKey, data);
		expect(signature).toHaveLength(64);
		expect(device.publicRaw).toHaveLength(32);
		expect(await verify(device.publicRaw, signature, data)).toBe(true);
	});

	it('do not verify for tampered data', async () => {
		const device = await generateSigningKeyPair();
		const signature = await sign(device.privateKey, data);
		const tampered = new Uint8Array(data);
		tampered[0] ^= 0x01;
		expect(await verify(device.publicRaw, signature, tampered)).toBe(false);
	});

	it('do not verify a tampered signature', async () => {
		const device = await generateSigningKeyPair();
		const signature = await sign(device.privateKey, data);
		signature[10] ^= 0x01;
		expect(await verify(device.publicRaw, signature, data)).toBe(false);
	});

	it("do not verify under another device's public key", async () => {
		const a = await generateSigningKeyPair();
		const b = await generateSigningKeyPair();
		expect(await verify(b.publicRaw, await sign(a.privateKey, data), data)).toBe(false);
	});

	it('fail closed for a malformed public key or signature', async () => {
		const device = await generateSigningKeyPair();
		const signature = await sign(device.privateKey, data);
		expect(await verify(new Uint8Array(5), signature, data)).toBe(false);
		expect(await verify(device.publicRaw, signature.subarray(0, 63), data)).toBe(false);
	});

	it('keep the private key non-extractable', async () => {
		const device = await generateSigningKeyPair();
		expect(device.privateKey.extractable).toBe(false);
		expect(device.privateKey.algorithm.name).toBe('Ed25519');
	});
});
