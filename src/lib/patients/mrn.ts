// The practice's medical record numbers: 'P' + a 6-digit sequence number + a Luhn check digit,
// e.g. sequence 1 → 'P0000018'. The check digit catches any single mistyped digit and most swaps
// of neighbouring digits, so a mistyped MRN finds no patient rather than the wrong one.

export const MRN_PREFIX = 'P';
/** The largest sequence number an MRN can carry. */
export const MAX_MRN_SEQUENCE = 999_999;

const MRN = /^P(\d{6})(\d)$/;

/** The Luhn (mod 10) check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
	if (!/^\d+$/.test(digits)) throw new Error(`Not a string of digits: ${digits}`);
	let sum = 0;
	// Walking from the right, the digit next to the check digit is doubled, then every second one.
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 0) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}

/** The MRN for sequence number `sequence` (1 … 999,999). */
export function mrnForSequence(sequence: number): string {
	if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_MRN_SEQUENCE) {
		throw new RangeError(`An MRN sequence number is 1 to ${MAX_MRN_SEQUENCE}, not ${sequence}.`);
	}
	const payload = String(sequence).padStart(6, '0');
	return `${MRN_PREFIX}${payload}${luhnCheckDigit(payload)}`;
}

/** True for 'P' + 7 digits whose last digit is the check digit, with a sequence of at least 1. */
export function isValidMrn(s: string): boolean {
	return mrnSequence(s) !== null;
}

/** The sequence number an MRN carries, or null when it is not a valid MRN. */
export function mrnSequence(mrn: string): number | null {
	const m = MRN.exec(mrn);
	if (!m || luhnCheckDigit(m[1]) !== Number(m[2])) return null;
	const sequence = Number(m[1]);
	return sequence >= 1 ? sequence : null;
}

/** `s` as an MRN is stored: trimmed, uppercase, inner spaces and dashes removed. */
export function normalizeMrn(s: string): string {
	return s.trim().toUpperCase().replace(/[\s-]/g, '');
}

/** The MRN after the highest valid one in `existing` ('P0000018' when there is none). */
export function nextMrn(existing: Iterable<string>): string {
	let highest = 0;
	for (const mrn of existing) highest = Math.max(highest, mrnSequence(mrn) ?? 0);
	return mrnForSequence(highest + 1);
}
