import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOfficeMeta } from '../backup/office-rows';
import { randomBytes } from '../bytes';
import type { OfficeDatabase } from '../storage/db';
import { deleteDatabase, FAST_ITERATIONS, testDatabase } from '../test-support/test-office';
import {
	hasPin,
	NoPinError,
	PIN_ATTEMPTS,
	PinInputError,
	PinLockedError,
	pinProblem,
	removePin,
	setPin,
	unlockWithPin,
	WrongPinError
} from './pin';

const PERSON = 'person-a';
const PIN = '2580';
const options = { iterations: FAST_ITERATIONS };

/** The error an unlock attempt rejects with. */
function attempt(db: OfficeDatabase, pin: string, personId = PERSON): Promise<unknown> {
	return unlockWithPin(db, personId, pin).then(
		() => 'unlocked',
		(e: unknown) => e
	);
}

describe('pinProblem', () => {
	it.each([
		['', 'Use at least 4 digits.'],
		['258', 'Use at least 4 digits.'],
		['123456789', 'Use at most 8 digits.'],
		['25a0', 'A PIN is made of digits only (0–9).'],
		['25 80', 'A PIN is made of digits only (0–9).'],
		['1111', 'Use different digits, not one digit repeated.'],
		['00000000', 'Use different digits, not one digit repeated.'],
		['1234', 'Avoid digits in a row, like 1234 or 9876: they are among the first guesses.'],
		['9876', 'Avoid digits in a row, like 1234 or 9876: they are among the first guesses.'],
		['345678', 'Avoid digits in a row, like 1234 or 9876: they are among the first guesses.'],
		['7890', 'Avoid digits in a row, like 1234 or 9876: they are among the first guesses.']
	])('refuses %j: %s', (pin, message) => {
		expect(pinProblem(pin)).toBe(message);
	});

	it.each(['2580', '193746', '1357', '12345670', '0852'])('accepts %j', (pin) => {
		expect(pinProblem(pin)).toBeNull();
	});
});

describe('PIN sign-in on this device', () => {
	let db: OfficeDatabase;
	let other: OfficeDatabase | undefined;
	let pkcs8: Uint8Array;
	const secret = () => ({ bytes: pkcs8, version: 2 as const });
	const secret2 = () => ({ secret: pkcs8, version: 2 });
	beforeEach(async () => {
		db = testDatabase();
		pkcs8 = randomBytes(138);
		await setPin(db, PERSON, PIN, secret(), options);
	});
	afterEach(async () => {
		vi.restoreAllMocks();
		await deleteDatabase(db);
		if (other) await deleteDatabase(other);
		other = undefined;
	});

	it('returns the exact private key bytes for the right PIN', async () => {
		expect(await hasPin(db, PERSON)).toBe(true);
		expect(await unlockWithPin(db, PERSON, PIN)).toEqual(secret2());
		expect(await unlockWithPin(db, PERSON, PIN)).toEqual(secret2());
	});

	it('counts wrong PINs down, then deletes the PIN so even the right one needs the passphrase', async () => {
		for (const left of [4, 3, 2, 1]) {
			const error = await attempt(db, '1357');
			expect(error).toBeInstanceOf(WrongPinError);
			expect(error).toMatchObject({ attemptsLeft: left });
		}
		const fifth = await attempt(db, '1357');
		expect(fifth).toBeInstanceOf(PinLockedError);
		expect((fifth as Error).message).toBe(
			'Too many wrong PINs. Sign in with your passphrase; you can set a new PIN afterwards.'
		);
		expect(await hasPin(db, PERSON)).toBe(false);
		expect(await db.pins.get(PERSON)).toBeUndefined();
		expect(await attempt(db, PIN)).toBeInstanceOf(NoPinError);
	});

	it('says in words how many tries are left', async () => {
		const first = (await attempt(db, '1357')) as Error;
		expect(first.name).toBe('WrongPinError');
		expect(first.message).toBe('Wrong PIN. 4 tries left before your passphrase is needed.');
		await attempt(db, '1357');
		await attempt(db, '1357');
		expect(await attempt(db, '1357')).toMatchObject({
			message: 'Wrong PIN. 1 try left before your passphrase is needed.'
		});
	});

	it('starts the count again after a right PIN, even on the last allowed try', async () => {
		for (let i = 1; i < PIN_ATTEMPTS; i++) await attempt(db, '1357');
		expect(await unlockWithPin(db, PERSON, PIN)).toEqual(secret2());
		expect((await db.pins.get(PERSON))?.failures).toBe(0);
		expect(await attempt(db, '1357')).toMatchObject({ attemptsLeft: 4 });
	});

	it('counts an attempt before trying it, so one cut short still counts', async () => {
		// The key derivation never finishes, like a tab closed mid-attempt.
		const derive = vi
			.spyOn(globalThis.crypto.subtle, 'deriveBits')
			.mockReturnValueOnce(new Promise(() => {}));
		void unlockWithPin(db, PERSON, PIN);
		await vi.waitFor(() => expect(derive).toHaveBeenCalled());
		expect((await db.pins.get(PERSON))?.failures).toBe(1);
	});

	it('gives two tabs trying at once different tries', async () => {
		const errors = await Promise.all([attempt(db, '1357'), attempt(db, '1357')]);
		const left = errors.map((e) => (e as WrongPinError).attemptsLeft).sort();
		expect(left).toEqual([3, 4]);
	});

	it('treats a row at the limit (cut short on the last try) as locked', async () => {
		await db.pins.update(PERSON, { failures: PIN_ATTEMPTS });
		expect(await hasPin(db, PERSON)).toBe(false);
		expect(await attempt(db, PIN)).toBeInstanceOf(PinLockedError);
		expect(await db.pins.get(PERSON)).toBeUndefined();
	});

	it('does not open a PIN row copied to another device', async () => {
		other = testDatabase();
		await setPin(other, 'person-b', '193746', { bytes: randomBytes(138), version: 2 }, options);
		await other.pins.put((await db.pins.get(PERSON))!);
		expect(await attempt(other, PIN)).toBeInstanceOf(WrongPinError);
	});

	it('drops a copied PIN row on a device that never set a PIN', async () => {
		other = testDatabase();
		await other.pins.put((await db.pins.get(PERSON))!);
		expect(await attempt(other, PIN)).toBeInstanceOf(NoPinError);
		expect(await hasPin(other, PERSON)).toBe(false);
	});

	it('does not open a PIN row moved to another person', async () => {
		const row = (await db.pins.get(PERSON))!;
		await db.pins.put({ ...row, personId: 'person-b' });
		expect(await attempt(db, PIN, 'person-b')).toBeInstanceOf(WrongPinError);
	});

	it('replaces an existing PIN: the old one stops working and the count restarts', async () => {
		await attempt(db, '1357');
		await setPin(db, PERSON, '193746', secret(), options);
		expect((await db.pins.get(PERSON))?.failures).toBe(0);
		expect(await attempt(db, PIN)).toBeInstanceOf(WrongPinError);
		expect(await unlockWithPin(db, PERSON, '193746')).toEqual(secret2());
	});

	it('refuses a weak PIN and writes nothing', async () => {
		other = testDatabase();
		await expect(setPin(other, PERSON, '1234', secret(), options)).rejects.toThrow(PinInputError);
		await expect(setPin(other, PERSON, '12', secret(), options)).rejects.toThrow(
			'Use at least 4 digits.'
		);
		expect(await other.pins.count()).toBe(0);
		expect(await other.meta.count()).toBe(0);
		// An existing PIN stays as it was.
		const before = await db.pins.get(PERSON);
		await expect(setPin(db, PERSON, '1111', secret(), options)).rejects.toThrow(PinInputError);
		expect(await db.pins.get(PERSON)).toEqual(before);
	});

	it('removes a PIN for one person only', async () => {
		await setPin(db, 'person-b', '193746', secret(), options);
		await removePin(db, PERSON);
		expect(await hasPin(db, PERSON)).toBe(false);
		expect(await hasPin(db, 'person-b')).toBe(true);
		expect(await attempt(db, PIN)).toBeInstanceOf(NoPinError);
	});

	it('keeps one device secret, outside what a backup copies', async () => {
		const deviceSecret = (await db.meta.get('pin:device-secret'))?.value;
		expect(deviceSecret).toBeInstanceOf(Uint8Array);
		expect((deviceSecret as Uint8Array).length).toBe(32);
		await setPin(db, 'person-b', '193746', secret(), options);
		expect((await db.meta.get('pin:device-secret'))?.value).toEqual(deviceSecret);
		expect(isOfficeMeta('pin:device-secret')).toBe(false);
	});
});
