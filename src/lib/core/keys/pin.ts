/**
 * Quick sign-in with a PIN on one enrolled device, for people who share a tablet.
 *
 * The person's secret (keys/person-secret.ts) is wrapped a third time, beside the passphrase and recovery
 * wrappings (vault.ts, recovery.ts): PBKDF2-SHA256 stretches the PIN with the row's salt, then
 * HKDF-SHA256 mixes in a 256-bit secret held in this device's meta (`pin:device-secret`).
 * Why both: a PIN has at most 10^8 values, so PBKDF2 alone would fall to an offline search of a
 * copied row in hours. With the device secret, a row that leaves the device (copied out, or a
 * bug that syncs or backs it up) is a 256-bit problem; on the device, the attempt counter is what
 * stops guessing. Someone who copies the whole IndexedDB gets the secret too and can search the
 * PINs offline — the passphrase wrapping is the protection against that, the PIN is not.
 *
 * The counter: each attempt adds one and stores it in a read-write transaction BEFORE the PIN is
 * tried, so closing the tab mid-attempt still counts and two tabs cannot both spend the same
 * try. A right PIN sets it back to 0; the PIN_ATTEMPTS-th wrong one deletes the row. The AAD
 * `po-pin-v1|<personId>` stops a row from being moved to another person.
 */
import { asBuffer, bytesEqual, concatBytes, randomBytes, utf8Encode } from '../bytes';
import { open, seal } from '../crypto/aead';
import type { OfficeDatabase, PinRow } from '../storage/db';
import { readMeta, writeMeta } from '../storage/db';

/** Wrong PINs allowed in a row before the PIN is deleted and the passphrase is needed. */
export const PIN_ATTEMPTS = 5;

/** Stretching for the PIN; lower than the passphrase's, the device secret carries the weight. */
export const PIN_ITERATIONS = 210_000;

const DEVICE_SECRET_META_KEY = 'pin:device-secret';
const SECRET_BYTES = 32;
const SALT_BYTES = 16;
// Stops a tampered row from making a sign-in hang for minutes.
const MAX_ITERATIONS = 10_000_000;
const KDF = 'PBKDF2-SHA256+HKDF-SHA256';
const HKDF_INFO = utf8Encode('po-pin-key-v1');

/** A PIN this device will not accept; the message says why. */
export class PinInputError extends Error {
	override name = 'PinInputError';
}

/** No PIN is set for this person on this device (never set, removed, or cleared). */
export class NoPinError extends Error {
	override name = 'NoPinError';
	constructor(options?: ErrorOptions) {
		super('There is no PIN for you on this device. Sign in with your passphrase.', options);
	}
}

/** The PIN was wrong; `attemptsLeft` more tries remain before the PIN is deleted. */
export class WrongPinError extends Error {
	override name = 'WrongPinError';
	constructor(
		readonly attemptsLeft: number,
		options?: ErrorOptions
	) {
		const tries = attemptsLeft === 1 ? '1 try' : `${attemptsLeft} tries`;
		super(`Wrong PIN. ${tries} left before your passphrase is needed.`, options);
	}
}

/** A PIN that unwrapped a secret the person no longer has (they got new keys since). */
export class OutdatedPinError extends Error {
	override name = 'OutdatedPinError';
	constructor(options?: ErrorOptions) {
		super(
			'This PIN no longer matches your sign-in. Use your passphrase, then set the PIN again.',
			options
		);
	}
}

/** The last allowed attempt was wrong, so the PIN was deleted from this device. */
export class PinLockedError extends Error {
	override name = 'PinLockedError';
	constructor(options?: ErrorOptions) {
		super(
			'Too many wrong PINs. Sign in with your passphrase; you can set a new PIN afterwards.',
			options
		);
	}
}

/** Explains why a new PIN is not acceptable, or returns null when it is. */
export function pinProblem(pin: string): string | null {
	if (!/^[0-9]*$/.test(pin)) return 'A PIN is made of digits only (0–9).';
	if (pin.length < 4) return 'Use at least 4 digits.';
	if (pin.length > 8) return 'Use at most 8 digits.';
	if (new Set(pin).size === 1) return 'Use different digits, not one digit repeated.';
	// Steps taken modulo 10, so 7890 and 0987 count as runs too: they are guessed as early.
	const steps = new Set([...pin].slice(1).map((d, i) => (Number(d) - Number(pin[i]) + 10) % 10));
	if (steps.size === 1 && (steps.has(1) || steps.has(9))) {
		return 'Avoid digits in a row, like 1234 or 9876: they are among the first guesses.';
	}
	return null;
}

/** Sets (or replaces) the person's PIN on this device, wrapping their secret under it. */
export async function setPin(
	db: OfficeDatabase,
	personId: string,
	pin: string,
	secret: { bytes: Uint8Array; version: 1 | 2 },
	options: { iterations?: number } = {}
): Promise<void> {
	const problem = pinProblem(pin);
	if (problem) throw new PinInputError(problem);
	const iterations = options.iterations ?? PIN_ITERATIONS;
	if (!saneIterations(iterations)) {
		throw new RangeError(`PBKDF2 iterations must be from 1 to ${MAX_ITERATIONS}.`);
	}
	const deviceSecret = await ensureDeviceSecret(db);
	const salt = randomBytes(SALT_BYTES);
	const key = await deriveKey(pin, salt, iterations, deviceSecret);
	const sealed = await seal(key, secret.bytes, aad(personId));
	const row: PinRow = {
		personId,
		version: secret.version,
		kdf: KDF,
		iterations,
		salt,
		...sealed,
		failures: 0,
		createdAt: new Date().toISOString()
	};
	await db.pins.put(row);
}

/** Whether the person can sign in with a PIN on this device. */
export async function hasPin(db: OfficeDatabase, personId: string): Promise<boolean> {
	const row = await db.pins.get(personId);
	return row !== undefined && row.failures < PIN_ATTEMPTS;
}

/** Deletes the person's PIN on this device (the passphrase keeps working). */
export async function removePin(db: OfficeDatabase, personId: string): Promise<void> {
	await db.pins.delete(personId);
}

/**
 * Returns the person's secret as the PIN sealed it (the caller zeroes the bytes when done).
 * Throws NoPinError, WrongPinError or PinLockedError.
 */
export async function unlockWithPin(
	db: OfficeDatabase,
	personId: string,
	pin: string
): Promise<{ secret: Uint8Array; version: 1 | 2 }> {
	const attempt = await countAttempt(db, personId);
	// Thrown here, not inside the transaction: throwing there would roll back the delete.
	if (attempt.outcome !== 'try') {
		throw attempt.outcome === 'locked' ? new PinLockedError() : new NoPinError();
	}
	const { row, secret } = attempt;
	const key = await deriveKey(pin, row.salt, row.iterations, secret);
	let pkcs8: Uint8Array;
	try {
		pkcs8 = await open(key, row, aad(personId));
	} catch (cause) {
		const attemptsLeft = PIN_ATTEMPTS - row.failures;
		if (attemptsLeft > 0) throw new WrongPinError(attemptsLeft, { cause });
		await settle(db, row, (current) => db.pins.delete(current.personId));
		throw new PinLockedError({ cause });
	}
	await settle(db, row, (current) => db.pins.update(current.personId, { failures: 0 }));
	return { secret: pkcs8, version: row.version ?? 1 };
}

type Attempt =
	{ outcome: 'try'; row: PinRow; secret: Uint8Array } | { outcome: 'no-pin' | 'locked' };

/** Adds one to the failure count, stored before the PIN is tried; returns the row as counted. */
function countAttempt(db: OfficeDatabase, personId: string): Promise<Attempt> {
	return db.transaction('rw', db.pins, db.meta, async (): Promise<Attempt> => {
		const row = await db.pins.get(personId);
		if (!row) return { outcome: 'no-pin' };
		const secret = await readMeta<unknown>(db, DEVICE_SECRET_META_KEY, null);
		// isView, not instanceof: bytes read back may come from another realm (jsdom in tests).
		const usable =
			ArrayBuffer.isView(secret) &&
			secret.byteLength === SECRET_BYTES &&
			row.kdf === KDF &&
			saneIterations(row.iterations);
		// A row this device can never open (secret gone, tampered parameters) only misleads.
		if (!usable) {
			await db.pins.delete(personId);
			return { outcome: 'no-pin' };
		}
		// Already at the limit: a tab closed during the last allowed attempt.
		if (row.failures >= PIN_ATTEMPTS) {
			await db.pins.delete(personId);
			return { outcome: 'locked' };
		}
		const counted = { ...row, failures: row.failures + 1 };
		await db.pins.put(counted);
		return { outcome: 'try', row: counted, secret: Uint8Array.from(secret as Uint8Array) };
	});
}

/** Applies change to the row only if it is still the wrapping that was tried (not a newer PIN). */
async function settle(
	db: OfficeDatabase,
	tried: PinRow,
	change: (row: PinRow) => Promise<unknown>
) {
	await db.transaction('rw', db.pins, async () => {
		const current = await db.pins.get(tried.personId);
		if (current && bytesEqual(current.nonce, tried.nonce)) await change(current);
	});
}

/** This device's PIN secret, made on first use; one transaction, so two tabs agree on it. */
function ensureDeviceSecret(db: OfficeDatabase): Promise<Uint8Array> {
	return db.transaction('rw', db.meta, async () => {
		const existing = await readMeta<Uint8Array | null>(db, DEVICE_SECRET_META_KEY, null);
		if (existing) return existing;
		const secret = randomBytes(SECRET_BYTES);
		await writeMeta(db, DEVICE_SECRET_META_KEY, secret);
		return secret;
	});
}

/** PBKDF2 over the PIN, then HKDF over (device secret ‖ stretched PIN) → AES-256-GCM key. */
async function deriveKey(pin: string, salt: Uint8Array, iterations: number, secret: Uint8Array) {
	const subtle = globalThis.crypto.subtle;
	const pinMaterial = await subtle.importKey('raw', utf8Encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const stretched = new Uint8Array(
		await subtle.deriveBits(
			{ name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
			pinMaterial,
			256
		)
	);
	// Both parts are 32 bytes, so the concatenation is unambiguous.
	const ikm = concatBytes(secret, stretched);
	stretched.fill(0);
	const material = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
	ikm.fill(0);
	return subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: asBuffer(salt), info: HKDF_INFO },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

function aad(personId: string): Uint8Array {
	return utf8Encode(`po-pin-v1|${personId}`);
}

function saneIterations(iterations: number): boolean {
	return Number.isInteger(iterations) && iterations >= 1 && iterations <= MAX_ITERATIONS;
}
