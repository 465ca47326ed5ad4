import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from '../bytes';
import type { TestOffice } from '../test-support/test-office';
import { createTestOffice } from '../test-support/test-office';
import { readTransfer } from './office-transfer';
import { peopleRowsUsable } from './people-check';

const RELAY = 'wss://relay.example/sync';
let office: TestOffice;

beforeEach(async () => {
	office = await createTestOffice();
});

afterEach(async () => {
	await office.dispose();
});

describe('checking the people a pairing hands over', () => {
	it('accepts the rows of an office with someone who can sign in', async () => {
		expect(await peopleRowsUsable(await readTransfer(office.db, RELAY))).toBe(true);
	});

	it('refuses rows that do not open with the people key that came with them', async () => {
		const payload = await readTransfer(office.db, RELAY);
		const peopleKeys = [{ ...payload.peopleKeys[0], raw: randomBytes(32) }];
		expect(await peopleRowsUsable({ ...payload, peopleKeys })).toBe(false);
	});

	it('refuses one altered row', async () => {
		const payload = await readTransfer(office.db, RELAY);
		const [first, ...rest] = payload.people;
		const ciphertext = first.ciphertext.slice();
		ciphertext[0] ^= 1;
		expect(
			await peopleRowsUsable({ ...payload, people: [{ ...first, ciphertext }, ...rest] })
		).toBe(false);
	});

	it('refuses an office record whose root is not where its signed changes start', async () => {
		const payload = await readTransfer(office.db, RELAY);
		const root = { ...payload.office.root!, genesisId: 'f'.repeat(64) };
		expect(await peopleRowsUsable({ ...payload, office: { ...payload.office, root } })).toBe(false);
	});
});
