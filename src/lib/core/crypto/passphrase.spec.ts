import { describe, expect, it } from 'vitest';
import { randomBytes, utf8Encode } from '../bytes';
import { DecryptionError, WrongPassphraseError } from './errors';
import {
	PBKDF2_ITERATIONS,
	passphraseProblem,
	unwrapWithPassphrase,
	wrapWithPassphrase
} from './passphrase';

// Few iterations keep the suite fast; one test below exercises the real default.
const FAST = 1000;
const passphrase = 'correct horse battery staple';
const CONTEXT = 'person:01ALICE';

describe('wrapWithPassphrase and unwrapWithPassphrase', () => {
	it('refuse a wrap moved to another person: the context is bound', async () => {
		const wrapped = await wrapWithPassphrase(randomBytes(32), passphrase, CONTEXT, FAST);
		await expect(unwrapWithPassphrase(wrapped, passphrase, 'person:01BOB')).rejects.toThrow(
			WrongPassphraseError
		);
	});

	it('recover the secret with the right passphrase', async () => {
		const secret = randomBytes(32);
		const wrapped = await wrapWithPassphrase(secret, passphrase, CONTEXT, FAST);
		expect(wrapped.kdf).toBe('PBKDF2-SHA256');
		expect(wrapped.iterations).toBe(FAST);
		expect(wrapped.salt).toHaveLength(16);
		expect(await unwrapWithPassphrase(wrapped, passphrase, CONTEXT)).toEqual(secret);
	});

	it('use 600,000 iterations by default, and that path round-trips', async () => {
		const secret = randomBytes(32);
		const wrapped = await wrapWithPassphrase(secret, passphrase, CONTEXT);
		expect(wrapped.iterations).toBe(PBKDF2_ITERATIONS);
		expect(PBKDF2_ITERATIONS).toBe(600_000);
		expect(await unwrapWithPassphrase(wrapped, passphrase, CONTEXT)).toEqual(secret);
	}, 30_000);

	it('reject a wrong passphrase with WrongPassphraseError', async () => {
		const wrapped = await wrapWithPassphrase(randomBytes(32), passphrase, CONTEXT, FAST);
		const error = await unwrapWithPassphrase(
			wrapped,
			'correct horse battery stapler',
			CONTEXT
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WrongPassphraseError);
		expect((error as Error).name).toBe('WrongPassphraseError');
		expect((error as Error).message).toBe('That passphrase is not correct.');
	});

	it('reject a tampered salt', async () => {
		const wrapped = await wrapWithPassphrase(randomBytes(32), passphrase, CONTEXT, FAST);
		const salt = new Uint8Array(wrapped.salt);
		salt[0] ^= 0x80;
		await expect(unwrapWithPassphrase({ ...wrapped, salt }, passphrase, CONTEXT)).rejects.toThrow(
			WrongPassphraseError
		);
	});

	it('reject a tampered iteration count', async () => {
		const wrapped = await wrapWithPassphrase(randomBytes(32), passphrase, CONTEXT, FAST);
		await expect(
			unwrapWithPassphrase({ ...wrapped, iterations: FAST + 1 }, passphrase, CONTEXT)
		).rejects.toThrow(WrongPassphraseError);
	});

	it('reject an absurd iteration count as altered data without running it', async () => {
		const wrapped = await wrapWithPassphrase(randomBytes(32), passphrase, CONTEXT, FAST);
		await expect(
			unwrapWithPassphrase({ ...wrapped, iterations: 2 ** 40 }, passphrase, CONTEXT)
		).rejects.toThrow(DecryptionError);
	});

	it('give a fresh salt and nonce every time', async () => {
		const secret = utf8Encode('same secret');
		const a = await wrapWithPassphrase(secret, passphrase, CONTEXT, FAST);
		const b = await wrapWithPassphrase(secret, passphrase, CONTEXT, FAST);
		expect(a.salt).not.toEqual(b.salt);
		expect(a.nonce).not.toEqual(b.nonce);
		expect(a.ciphertext).not.toEqual(b.ciphertext);
	});

	it('accept the same accented passphrase however it was composed', async () => {
		const secret = randomBytes(32);
		const wrapped = await wrapWithPassphrase(secret, 'Grüße aus Köln 2024', CONTEXT, FAST);
		const decomposed = 'Grüße aus Köln 2024'.normalize('NFD');
		expect(await unwrapWithPassphrase(wrapped, decomposed, CONTEXT)).toEqual(secret);
	});
});

describe('passphraseProblem', () => {
	it.each([
		['', 'Use at least 10 characters.'],
		['short', 'Use at least 10 characters.'],
		['123456789', 'Use at least 10 characters.'],
		['🦷🦷🦷🦷🦷🦷🦷🦷🦷', 'Use at least 10 characters.'],
		['aaaaaaaaaaaa', 'Use different characters, not one character repeated.'],
		['            ', 'Use different characters, not one character repeated.'],
		['password', 'Use at least 10 characters.'],
		['passphrase', 'That passphrase is too common. Try a few unrelated words.'],
		['Password123!', 'That passphrase is too common. Try a few unrelated words.'],
		['1234567890', 'That passphrase is too common. Try a few unrelated words.'],
		['QWERTYUIOP', 'That passphrase is too common. Try a few unrelated words.'],
		['letmein123', 'That passphrase is too common. Try a few unrelated words.'],
		['correct horse battery staple', null],
		['Grüße aus Köln', null],
		['🦷 tooth fairy 🦷', null]
	])('for %j says %j', (candidate, expected) => {
		expect(passphraseProblem(candidate)).toBe(expected);
	});
});
