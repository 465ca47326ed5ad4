import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../bytes';
import { sha256Hex } from '../crypto/hash';
import { codeMac, deriveCodeSecrets, verifyCodeMac } from './code-secrets';

const CODE = 'ABCDE-FGH21';
const BARE = 'ABCDEFGH21';

describe('deriveCodeSecrets', () => {
	it('names a mailbox of 64 hex characters', async () => {
		expect((await deriveCodeSecrets(CODE)).mailbox).toMatch(/^[0-9a-f]{64}$/);
	});

	it('gives the same mailbox however the code was typed', async () => {
		const a = await deriveCodeSecrets(CODE);
		const b = await deriveCodeSecrets(' abcde fgh2l ');
		expect(b.mailbox).toBe(a.mailbox);
	});

	it('gives different codes different mailboxes', async () => {
		const a = await deriveCodeSecrets(CODE);
		const b = await deriveCodeSecrets('ABCDE-FGH24');
		expect(b.mailbox).not.toBe(a.mailbox);
	});

	it('never lets the mailbox id show the code, or a quick hash of it', async () => {
		const { mailbox } = await deriveCodeSecrets(CODE);
		for (const form of [BARE, 'ABCDE', 'FGH21']) {
			expect(mailbox.toUpperCase()).not.toContain(form);
		}
		expect(mailbox).not.toContain(Buffer.from(BARE).toString('hex'));
		for (const text of [BARE, `po-pair-mailbox|${BARE}`, CODE]) {
			expect(mailbox).not.toBe(await sha256Hex(text));
		}
	});

	it('keeps the handshake key inside WebCrypto', async () => {
		expect((await deriveCodeSecrets(CODE)).macKey.extractable).toBe(false);
	});

	it('accepts a MAC only from a holder of the same code', async () => {
		const data = utf8Encode('handshake');
		const right = await deriveCodeSecrets(CODE);
		const again = await deriveCodeSecrets(CODE);
		const wrong = await deriveCodeSecrets('ABCDE-FGH24');
		const mac = await codeMac(right, data);
		expect(await verifyCodeMac(again, mac, data)).toBe(true);
		expect(await verifyCodeMac(wrong, mac, data)).toBe(false);
		expect(await verifyCodeMac(again, mac, utf8Encode('handshakE'))).toBe(false);
		expect(await verifyCodeMac(again, mac.subarray(0, 16), data)).toBe(false);
	});

	it('refuses what is not a code', async () => {
		await expect(deriveCodeSecrets('nope')).rejects.toThrow(RangeError);
	});
});
