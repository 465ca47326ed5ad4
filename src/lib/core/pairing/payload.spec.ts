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
		const result = validatePayload({
			...payload,
			extra: 'x',
			office: { ...payload.office, y: 1 },
			people: payload.people.map((row) => ({ ...row, docId: 'alpha', synced: 0 }))
		});
		expect(result.ok && result.value).toEqual(payload);
	});

	it('carries the people keys as 32 bytes with their ids, the pinned root, and the people document as sealed rows', () => {
		expect(payload.peopleKeys).toHaveLength(1);
		expect(payload.peopleKeys[0].raw).toBeInstanceOf(Uint8Array);
		expect(payload.peopleKeys[0].raw).toHaveLength(32);
		expect(payload.office.root?.genesisId).toMatch(/^[0-9a-f]{64}$/);
		expect(payload.people.length).toBeGreaterThan(0);
		for (const row of payload.people) {
			expect(Object.keys(row).sort()).toEqual([
				'ciphertext',
				'deviceId',
				'epoch',
				'kind',
				'link',
				'nonce'
			]);
			expect(row.deviceId).toBe(office.keys.deviceId);
		}
	});

	it('accepts no people rows: a large office’s people document comes by sync instead', () => {
		expect(validatePayload({ ...payload, people: [] }).ok).toBe(true);
	});

	it('accepts a snapshot followed by updates, and up to 5000 rows', () => {
		const [row] = payload.people;
		const rows = [
			{ ...row, kind: 'snapshot' as const },
			...Array.from({ length: 4999 }, () => row)
		];
		expect(validatePayload({ ...payload, people: rows }).ok).toBe(true);
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
		['no people key', (p) => ({ ...p, peopleKeys: [] })],
		['no pinned root', (p) => ({ ...p, office: { ...p.office, root: undefined } })],
		[
			'a people key of 16 bytes',
			(p) => ({ ...p, peopleKeys: [{ ...p.peopleKeys[0], raw: p.peopleKeys[0].raw.slice(0, 16) }] })
		],
		[
			'a people key of 33 bytes',
			(p) => ({ ...p, peopleKeys: [{ ...p.peopleKeys[0], raw: new Uint8Array(33) }] })
		],
		[
			'a people key that is text, not bytes',
			(p) => ({ ...p, peopleKeys: [{ ...p.peopleKeys[0], raw: 'a'.repeat(32) }] })
		],
		[
			'a people key without its id',
			(p) => ({ ...p, peopleKeys: [{ ...p.peopleKeys[0], keyId: undefined }] })
		],
		['people rows that are not a list', (p) => ({ ...p, people: p.people[0] })],
		[
			'two snapshots',
			(p) => ({
				...p,
				people: p.people.flatMap((row) => [0, 1].map(() => ({ ...row, kind: 'snapshot' })))
			})
		],
		[
			'more than 5000 rows',
			(p) => ({ ...p, people: Array.from({ length: 5001 }, () => p.people[0]) })
		],
		['a row of another kind', (p) => ({ ...p, people: [{ ...p.people[0], kind: 'key' }] })],
		['a row with a negative epoch', (p) => ({ ...p, people: [{ ...p.people[0], epoch: -1 }] })],
		['a row with a fractional epoch', (p) => ({ ...p, people: [{ ...p.people[0], epoch: 1.5 }] })],
		[
			'a row with a device id with a slash',
			(p) => ({ ...p, people: [{ ...p.people[0], deviceId: 'a/b' }] })
		],
		[
			'a row with a short nonce',
			(p) => ({ ...p, people: [{ ...p.people[0], nonce: new Uint8Array(8) }] })
		],
		[
			'a row whose ciphertext is shorter than its tag',
			(p) => ({ ...p, people: [{ ...p.people[0], ciphertext: new Uint8Array(15) }] })
		],
		[
			'a row whose ciphertext is text, not bytes',
			(p) => ({ ...p, people: [{ ...p.people[0], ciphertext: 'abc'.repeat(10) }] })
		],
		[
			'a row without its ciphertext',
			(p) => ({ ...p, people: [{ ...p.people[0], ciphertext: undefined }] })
		],
		['a relay that is not a URL', (p) => ({ ...p, relayUrl: 'relay' })],
		['a relay URL of another scheme', (p) => ({ ...p, relayUrl: 'javascript:alert(1)' })],
		['a list instead of an object', () => []]
	])('refuses a payload with %s', (_, change) => {
		const result = validatePayload(change(payload));
		expect(result.ok).toBe(false);
	});
});
