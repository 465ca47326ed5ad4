import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../crypto/errors';
import { unwrapWithPassphrase } from '../crypto/passphrase';
import { documentId } from '../documents/document-id';
import { DocumentStore } from '../documents/document-store';
import { PeopleDirectory } from '../people/people-directory';
import {
	createTestOffice,
	FAST_ITERATIONS,
	TEST_PASSPHRASE,
	type TestOffice
} from '../test-support/test-office';
import { changePassphrase, WeakPassphraseError } from './change-passphrase';
import { keyringCipher } from './document-cipher';
import { readPeopleKey } from './people-key';
import { setPin, unlockWithPin } from './pin';
import { loadPassphraseWrap } from './stored-wraps';
import { unlockPerson, UnknownPersonError } from './vault';

const NEW_PASSPHRASE = 'twelve amber foxes at dawn';
const DOC = { area: 'alpha' };

describe('changing a passphrase', () => {
	let office: TestOffice;
	let directory: PeopleDirectory;
	let personId: string;

	beforeEach(async () => {
		office = await createTestOffice();
		personId = office.keys.personId;
		const peopleKey = await readPeopleKey(office.db);
		directory = await PeopleDirectory.open(office.db, peopleKey!, office.keys.deviceId, {
			channelName: null
		});
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
		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, FAST_ITERATIONS);

		expect(await signIn(NEW_PASSPHRASE)).toBe('signed in');
		expect(await signIn(TEST_PASSPHRASE)).toBeInstanceOf(WrongPassphraseError);
	});

	it('re-encrypts no office data: grants stay the same and old documents still open', async () => {
		const store = office.openStore();
		const doc = await store.open(DOC);
		doc.transact((d) => d.getMap('items').set('a', 'written before the change'));
		await store.flush();
		const grantsBefore = directory.grantsOf(personId);
		const rowsBefore = await office.db.updates.count();

		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, FAST_ITERATIONS);

		expect(directory.grantsOf(personId)).toEqual(grantsBefore);
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
		const before = directory.person(personId)!.wrappedPrivateKey;

		await expect(
			changePassphrase(directory, personId, 'not my passphrase at all', NEW_PASSPHRASE)
		).rejects.toBeInstanceOf(WrongPassphraseError);

		expect(directory.person(personId)!.wrappedPrivateKey).toEqual(before);
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

	it('keeps the PIN on this device working, since it wraps the same private key', async () => {
		const pkcs8 = await unwrapWithPassphrase(
			loadPassphraseWrap(directory.person(personId)!.wrappedPrivateKey),
			TEST_PASSPHRASE
		);
		await setPin(office.db, personId, '2580', pkcs8, { iterations: FAST_ITERATIONS });

		await changePassphrase(directory, personId, TEST_PASSPHRASE, NEW_PASSPHRASE, FAST_ITERATIONS);

		const unwrapped = await unlockWithPin(office.db, personId, '2580');
		const keys = await unlockPerson(office.db, directory, personId, { pkcs8: unwrapped });
		expect(keys.keyring.has('alpha')).toBe(true);
	});
});
