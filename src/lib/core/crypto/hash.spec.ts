import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../bytes';
import { sha256, sha256Hex } from './hash';

describe('sha256', () => {
	it('matches the published digest of the empty input', async () => {
		expect(await sha256Hex('')).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
	});

	it('hashes a string as its UTF-8 bytes', async () => {
		expect(await sha256Hex('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(await sha256Hex(utf8Encode('Praxis Müller'))).toBe(await sha256Hex('Praxis Müller'));
	});

	it('returns 32 bytes', async () => {
		expect(await sha256(new Uint8Array([1, 2, 3]))).toHaveLength(32);
	});
});
