import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityLog } from '../authority/authority-log';
import { grantsOf } from '../authority/state';
import { WrongPassphraseError } from '../crypto/errors';
import { openPeople, PEOPLE_DOC_ID, withPeople } from '../test-support/people';
import {
	createTestOffice,
	FAST_ITERATIONS,
	TEST_PASSPHRASE,
	type TestOffice
} from '../test-support/test-office';
import {
	createRecoveryKey,
	hasRecoveryKey,
	RecoveryInputError,
	recoverWithKey,
	WrongRecoveryKeyError
} from './recovery';
import { generateRecoveryKey, parseRecoveryKey, RECOVERY_KEY_CHARS } from './recovery-key';
import { changePassphrase } from './passphrase-change';
import { unlockOffice, UnknownPersonError } from './vault';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const NEW_PASSPHRASE = 'eleven brass kettles singing';

describe('recovery keys', () => {
	it('are 7 groups of 4 Crockford characters, different every time', () => {
		const keys = Array.from({ length: 50 }, generateRecoveryKey);
		for (const key of keys)
			expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
		expect(new Set(keys).size).toBe(50);
	});

	it('read back whatever the case, spacing and look-alike letters', () => {
		const key = generateRecoveryKey();
		const typed = key.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
		expect(parseRecoveryKey(typed)).toEqual({ ok: true, key: key.replace(/-/g, '') });
	});

	it('catch every single wrong character as a typo', () => {
		const key = generateRecoveryKey().replace(/-/g, '');
		for (let at = 0; at < RECOVERY_KEY_CHARS; at++) {
			for (const c of ALPHABET) {
				if (c === key[at]) continue;
				const typo = key.slice(0, at) + c + key.slice(at + 1);
				const parsed = parseRecoveryKey(typo);
				expect(parsed.ok ? '' : parsed.message).toContain('typo');
			}
		}
	});

	it('catch two neighbouring characters swapped', () => {
		const key = generateRecoveryKey().replace(/-/g, '');
		for (let at = 0; at + 1 < RECOVERY_KEY_CHARS; at++) {
			if (key[at] === key[at + 1]) continue;
			const swapped = key.slice(0, at) + key[at + 1] + key[at] + key.slice(at + 2);
			expect(parseRecoveryKey(swapped).ok).toBe(false);
		}
	});

	it('say what is wrong with a key of the wrong length or with a stray character', () => {
		expect(parseRecoveryKey('ABCD-EFGH')).toEqual({
			ok: false,
			message: 'A recovery key has 28 characters (7 groups of 4); this has 8.'
		});
		const stray = parseRecoveryKey('ABCD-UFGH');
		expect(stray.ok ? '' : stray.message).toContain('“U”');
		expect(parseRecoveryKey('  ')).toMatchObject({ ok: false });
	});
});

describe('recovering a forgotten passphrase', () => {
	let office: TestOffice;
	let directory: AuthorityLog;
	let personId: string;
	const person = () => directory.require().persons.get(personId)!;
	const make = async () =>
		(await createRecoveryKey(directory, personId, TEST_PASSPHRASE, FAST_ITERATIONS)).recoveryKey;

	beforeEach(async () => {
		office = await createTestOffice();
		personId = office.keys.personId;
		directory = await openPeople(office.db);
	});

	afterEach(async () => {
		await directory.close();
		await office.dispose();
	});

	/** The people document's stored rows: what "changing nothing" is checked against. */
	const peopleRows = () => office.db.updates.where('docId').equals(PEOPLE_DOC_ID).toArray();

	it('sets a new passphrase with the recovery key; the old passphrase and the sheet stop working', async () => {
		expect(hasRecoveryKey(directory, personId)).toBe(false);
		const key = await make();
		expect(hasRecoveryKey(directory, personId)).toBe(true);
		// Signed into the people document, so every device (here: a fresh reader) knows of it.
		expect(await withPeople(office.db, (other) => hasRecoveryKey(other, personId))).toBe(true);

		await recoverWithKey(directory, personId, key, NEW_PASSPHRASE, FAST_ITERATIONS);

		const keys = await unlockOffice(office.db, NEW_PASSPHRASE);
		expect(keys.personId).toBe(personId);
		expect(keys.keyring.areas().sort()).toEqual(office.keys.keyring.areas().sort());
		await expect(unlockOffice(office.db, TEST_PASSPHRASE)).rejects.toBeInstanceOf(
			WrongPassphraseError
		);
		// A sheet opens once: whoever found it later finds it used up.
		expect(hasRecoveryKey(directory, personId)).toBe(false);
		await expect(
			recoverWithKey(directory, personId, key, TEST_PASSPHRASE, FAST_ITERATIONS)
		).rejects.toBeInstanceOf(WrongRecoveryKeyError);
	});

	it('gives the person new keys, with every key they held wrapped again to them', async () => {
		const key = await make();
		const before = person();
		const held = grantsOf(directory.require(), personId).map((g) => `${g.area}|${g.keyId}`);

		await recoverWithKey(directory, personId, key, NEW_PASSPHRASE, FAST_ITERATIONS);

		const after = person();
		expect(after.fingerprint).not.toBe(before.fingerprint);
		const grants = grantsOf(directory.require(), personId);
		expect(grants.map((g) => `${g.area}|${g.keyId}`).sort()).toEqual(held.sort());
		expect(grants.every((g) => g.to === after.fingerprint)).toBe(true);
	});

	it('refuses a key from an older sheet once a new one was made, changing nothing', async () => {
		const old = await make();
		await make();
		const now = person();
		const rows = await peopleRows();

		await expect(
			recoverWithKey(directory, personId, old, NEW_PASSPHRASE, FAST_ITERATIONS)
		).rejects.toBeInstanceOf(WrongRecoveryKeyError);
		expect(person()).toEqual(now);
		expect(await peopleRows()).toEqual(rows);
		await expect(unlockOffice(office.db, TEST_PASSPHRASE)).resolves.toBeTruthy();
	});

	it('refuses a sheet made before the person got new keys, changing nothing', async () => {
		const key = await make();
		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, {
			oldMayBeKnown: true,
			iterations: FAST_ITERATIONS
		});
		const now = person();

		await expect(
			recoverWithKey(directory, personId, key, 'yet another passphrase', FAST_ITERATIONS)
		).rejects.toBeInstanceOf(WrongRecoveryKeyError);
		expect(person()).toEqual(now);
	});

	it('refuses a typo and a weak new passphrase by field, and an office without a sheet', async () => {
		const rows = await peopleRows();
		const attempt = (key: string, passphrase: string) =>
			recoverWithKey(directory, personId, key, passphrase, FAST_ITERATIONS).catch(
				(e: unknown) => e
			);
		const key = generateRecoveryKey();
		expect(await attempt('ABCD', NEW_PASSPHRASE)).toMatchObject({ field: 'key' });
		expect(await attempt(key, 'short')).toBeInstanceOf(RecoveryInputError);
		expect(await attempt(key, 'short')).toMatchObject({ field: 'passphrase' });
		expect(await attempt(key, NEW_PASSPHRASE)).toBeInstanceOf(WrongRecoveryKeyError);
		expect(await peopleRows()).toEqual(rows);
	});

	it('refuses someone the people document does not know', async () => {
		await expect(createRecoveryKey(directory, 'nobody', TEST_PASSPHRASE)).rejects.toBeInstanceOf(
			UnknownPersonError
		);
		expect(hasRecoveryKey(directory, 'nobody')).toBe(false);
	});

	it('makes no sheet without the right passphrase', async () => {
		const rows = await peopleRows();
		await expect(createRecoveryKey(directory, personId, 'not it at all')).rejects.toBeInstanceOf(
			WrongPassphraseError
		);
		expect(hasRecoveryKey(directory, personId)).toBe(false);
		expect(await peopleRows()).toEqual(rows);
	});
});
