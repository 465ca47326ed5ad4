/**
 * The recovery key printed on the recovery sheet: 130 random bits as 26 Crockford base32
 * characters, then 2 check characters, shown as 7 groups of 4 (`7KQ2-…`).
 *
 * The check is the key's value modulo 1021 (a prime above 32): it catches every single wrong
 * character and every swap of two neighbours, so a typo is reported as a typo, not as "wrong key".
 * Reading is forgiving the way Crockford intends: any case, spaces and dashes ignored, I and L
 * read as 1, O as 0.
 */
import { randomBytes } from '../bytes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_CHARS = 26;
const CHECK_CHARS = 2;
const MODULUS = 1021;
export const RECOVERY_KEY_CHARS = DATA_CHARS + CHECK_CHARS;
const GROUP = 4;

function checkValue(values: number[]): number {
	return values.reduce((r, v) => (r * 32 + v) % MODULUS, 0);
}

function checkChars(values: number[]): string {
	const check = checkValue(values);
	return ALPHABET[Math.floor(check / 32)] + ALPHABET[check % 32];
}

/** Splits a normalized key into groups of 4 for display. */
export function formatRecoveryKey(normalized: string): string {
	return normalized.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** A new random recovery key, formatted for the sheet. */
export function generateRecoveryKey(): string {
	// 256 is a multiple of 32, so masking keeps every character equally likely.
	const values = [...randomBytes(DATA_CHARS)].map((b) => b & 31);
	const data = values.map((v) => ALPHABET[v]).join('');
	return formatRecoveryKey(data + checkChars(values));
}

export type ParsedRecoveryKey = { ok: true; key: string } | { ok: false; message: string };

/** Reads a typed recovery key; explains what is wrong with it, or gives its normalized form. */
export function parseRecoveryKey(typed: string): ParsedRecoveryKey {
	const cleaned = typed
		.toUpperCase()
		.replace(/[\s\-–—]/g, '')
		.replace(/[IL]/g, '1')
		.replace(/O/g, '0');
	if (cleaned.length === 0)
		return { ok: false, message: 'Enter the recovery key from your sheet.' };
	const stray = [...cleaned].find((c) => !ALPHABET.includes(c));
	if (stray) {
		return {
			ok: false,
			message: `“${stray}” does not appear in recovery keys. Check that group again.`
		};
	}
	if (cleaned.length !== RECOVERY_KEY_CHARS) {
		return {
			ok: false,
			message: `A recovery key has ${RECOVERY_KEY_CHARS} characters (7 groups of 4); this has ${cleaned.length}.`
		};
	}
	const values = [...cleaned.slice(0, DATA_CHARS)].map((c) => ALPHABET.indexOf(c));
	if (checkChars(values) !== cleaned.slice(DATA_CHARS)) {
		return {
			ok: false,
			message: 'This recovery key has a typo. Compare each group with your sheet.'
		};
	}
	return { ok: true, key: cleaned };
}
