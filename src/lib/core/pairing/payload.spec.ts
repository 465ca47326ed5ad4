import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestOffice, type TestOffice } from '../test-support/test-office';
import { readTransfer } from './office-transfer';
import { validatePayload, type KeysPayload } from './payload';

let office: TestOffice;
let payload: KeysPayload;

beforeEach(async () => {
	office = await createTestOffice();
	payload = await readTransfer(office.db, 'wss://relay.example.org');
});

afterEach(async () => {
	await office.dispose();
});

type Change = (p: KeysPayload) => unknown;

describe('validatePayload', () => {
	it('accepts what a real office hands over', () => {
		const result = validatePayload(payload);
		expect(result).toEqual({ ok: true, value: payload });
	});

	it('drops fields it does not know', () => {
		const result = validatePayload({ ...payload, extra: 'x', office: { ...payload.office, y: 1 } });
		expect(result.ok && result.value).toEqual(payload);
	});

	it.each<[string, Change]>([
		['no office', (p) => ({ ...p, office: undefined })],
		[
			'an office id with odd characters',
			(p) => ({ ...p, office: { ...p.office, officeId: 'a b' } })
		],
		[
			'a created date that is not a date',
			(p) => ({ ...p, office: { ...p.office, createdAt: 'soon' } })
		],
		[
			'a private key in the public key',
			(p) => ({ ...p, identity: { ...p.identity, publicJwk: { ...p.identity.publicJwk, d: 'x' } } })
		],
		[
			'a public key on another curve',
			(p) => ({
				...p,
				identity: { ...p.identity, publicJwk: { ...p.identity.publicJwk, crv: 'P-384' } }
			})
		],
		[
			'a wrapped private key with a short nonce',
			(p) => ({
				...p,
				identity: {
					...p.identity,
					wrappedPrivateKey: { ...p.identity.wrappedPrivateKey, nonce: new Uint8Array(8) }
				}
			})
		],
		[
			'absurd PBKDF2 iterations',
			(p) => ({
				...p,
				identity: {
					...p.identity,
					wrappedPrivateKey: { ...p.identity.wrappedPrivateKey, iterations: 1e12 }
				}
			})
		],
		[
			'an identity that is not the owner',
			(p) => ({
				...p,
				identity: { ...p.identity, personId: 'someone-else' },
				keyring: p.keyring.map((row) => ({ ...row, personId: 'someone-else' }))
			})
		],
		[
			'a key wrapped for someone else',
			(p) => ({ ...p, keyring: [...p.keyring, { ...p.keyring[0], epoch: 2, personId: 'x' }] })
		],
		['the same key twice', (p) => ({ ...p, keyring: [...p.keyring, p.keyring[0]] })],
		['no keys at all', (p) => ({ ...p, keyring: [] })],
		['a negative epoch', (p) => ({ ...p, keyring: [{ ...p.keyring[0], epoch: -1 }] })],
		['an area name with a slash', (p) => ({ ...p, keyring: [{ ...p.keyring[0], area: 'a/b' }] })],
		[
			'a key that is text, not bytes',
			(p) => ({
				...p,
				keyring: [{ ...p.keyring[0], wrapped: { ...p.keyring[0].wrapped, ciphertext: 'abc' } }]
			})
		],
		['a relay that is not a URL', (p) => ({ ...p, relayUrl: 'relay' })],
		['a relay URL of another scheme', (p) => ({ ...p, relayUrl: 'javascript:alert(1)' })],
		['a list instead of an object', () => []]
	])('refuses a payload with %s', (_, change) => {
		const result = validatePayload(change(payload));
		expect(result.ok).toBe(false);
	});
});
