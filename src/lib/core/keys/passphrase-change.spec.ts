import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorityLog } from '../authority/authority-log';
import { grantsOf } from '../authority/state';
import { WrongPassphraseError } from '../crypto/errors';
import { documentId } from '../documents/document-id';
import { DocumentStore } from '../documents/document-store';
import { openPeople } from '../test-support/people';
import {
	createTestOffice,
	FAST_ITERATIONS,
	TEST_PASSPHRASE,
	type TestOffice
} from '../test-support/test-office';
import { keyringCipher } from './document-cipher';
import { openWithPassphrase } from './own-secret';
import { changePassphrase, WeakPassphraseError } from './passphrase-change';
import { setPin, unlockWithPin } from './pin';
import { SecretMismatchError } from './person-secret';
import { unlockPerson, UnknownPersonError } from './vault';

const NEW_PASSPHRASE = 'twelve amber foxes at dawn';
const DOC = { area: 'alpha' };

describe('changing a passphrase', () => {
	let office: TestOffice;
	let directory: AuthorityLog;
	let personId: string;
	const fast = { iterations: FAST_ITERATIONS };
	const person = () => directory.require().persons.get(personId)!;

	beforeEach(async () => {
		office = await createTestOffice();
		personId = office.keys.personId;
		directory = await openPeople(office.db);
	});

	afterEach(async () => {
		await directory.close();
		await office.dispose();
	});

	/** The error (or 'signed in') of a sign-in with this passphrase. */
	function signIn(passphrase: string): Promise<unknown> {
		return unlockPerson(office.db, directory, personId, { passphrase }).then(
			() => 'signed in',
			(error: unknown) => error
		);
	}

	it('signs in with the new passphrase only; the old one stops working', async () => {
		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, fast);

		expect(await signIn(NEW_PASSPHRASE)).toBe('signed in');
		expect(await signIn(TEST_PASSPHRASE)).toBeInstanceOf(WrongPassphraseError);
	});

	it('re-encrypts no office data: grants stay the same and old documents still open', async () => {
		const store = office.openStore();
		const doc = await store.open(DOC);
		doc.transact((d) => d.getMap('items').set('a', 'written before the change'));
		await store.flush();
		const grantsBefore = grantsOf(directory.require(), personId);
		const rowsBefore = await office.db.updates.count();

		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, fast);

		expect(grantsOf(directory.require(), personId)).toEqual(grantsBefore);
		const keys = await unlockPerson(office.db, directory, personId, {
			passphrase: NEW_PASSPHRASE
		});
		const reader = new DocumentStore(
			office.db,
			keyringCipher(keys.keyring, keys.deviceId),
			keys.deviceId,
			{ channelName: null }
		);
		const reopened = await reader.open(DOC);
		expect(reopened.doc.getMap('items').get('a')).toBe('written before the change');
		await reader.close();
		// Only the people document gained a row (the new wrapping); no area document was rewritten.
		const alphaRows = await office.db.updates.where('docId').equals(documentId(DOC)).count();
		expect(alphaRows).toBe(1);
		expect(await office.db.updates.count()).toBe(rowsBefore + 1);
	});

	it('refuses a wrong current passphrase and changes nothing', async () => {
		const before = person().wrap;

		await expect(
			changePassphrase(directory, personId, 'not my passphrase at all', NEW_PASSPHRASE)
		).rejects.toBeInstanceOf(WrongPassphraseError);

		expect(person().wrap).toEqual(before);
		expect(await signIn(TEST_PASSPHRASE)).toBe('signed in');
	});

	it('refuses a weak new passphrase with a message a person can act on', async () => {
		await expect(changePassphrase(directory, personId, TEST_PASSPHRASE, 'short')).rejects.toThrow(
			new WeakPassphraseError('Use at least 10 characters.')
		);
		expect(await signIn(TEST_PASSPHRASE)).toBe('signed in');
	});

	it('refuses a person the office does not know', async () => {
		await expect(
			changePassphrase(directory, 'nobody', TEST_PASSPHRASE, NEW_PASSPHRASE)
		).rejects.toBeInstanceOf(UnknownPersonError);
	});

	it('keeps the PIN on this device working, since it wraps the same secret', async () => {
		const secret = await openWithPassphrase(directory, personId, TEST_PASSPHRASE);
		await setPin(office.db, personId, '2580', secret, fast);

		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, fast);

		const unwrapped = await unlockWithPin(office.db, personId, '2580');
		const keys = await unlockPerson(office.db, directory, personId, unwrapped);
		expect(keys.keyring.has('alpha')).toBe(true);
	});

	describe('when the old passphrase may be known', () => {
		it('gives the person a new key pair, every key they held re-wrapped to it', async () => {
			const before = person();
			const areas = grantsOf(directory.require(), personId).map((g) => `${g.area}|${g.keyId}`);
			const keys = await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, {
				...fast,
				oldMayBeKnown: true
			});
			const after = person();
			expect(after.signingKey).not.toBe(before.signingKey);
			expect(after.fingerprint).not.toBe(before.fingerprint);
			expect(after.pastSigningKeys).toContain(before.signingKey);
			expect(keys.signingKey).toBe(after.signingKey);
			const grants = grantsOf(directory.require(), personId);
			expect(grants.map((g) => `${g.area}|${g.keyId}`).sort()).toEqual(areas.sort());
			expect(grants.every((g) => g.to === after.fingerprint)).toBe(true);
			const signedIn = await unlockPerson(office.db, directory, personId, {
				passphrase: NEW_PASSPHRASE
			});
			expect(signedIn.keyring.has('alpha')).toBe(true);
			expect(directory.require().refused).toEqual([]);
		});

		it('stops a PIN set before from opening anything', async () => {
			const secret = await openWithPassphrase(directory, personId, TEST_PASSPHRASE);
			await setPin(office.db, personId, '2580', secret, fast);
			await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, {
				...fast,
				oldMayBeKnown: true
			});
			const unwrapped = await unlockWithPin(office.db, personId, '2580');
			await expect(unlockPerson(office.db, directory, personId, unwrapped)).rejects.toBeInstanceOf(
				SecretMismatchError
			);
		});
	});
});
