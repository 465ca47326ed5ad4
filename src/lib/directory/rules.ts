// Pure rules for the office directory: identifiers, places and list helpers. Contact details,
// dates and search folding are shared with other areas through $lib/text; re-exported here so
// the directory's schema and queries keep one place to import their rules from.
import { US_STATES_AND_DC } from '$lib/text/address';

export { isValidEmail, isValidZip } from '$lib/text/address';
export { matchesSearch } from '$lib/text/fold';
export { isRealIsoDate } from '$lib/text/iso-date';
export { normalizePhone } from '$lib/text/phone';

/** True when `npi` is 10 digits whose last digit is the Luhn check digit over '80840' + the rest. */
export function npiCheckDigitValid(npi: string): boolean {
	if (!/^\d{10}$/.test(npi)) return false;
	// The NPI standard computes Luhn as if the number carried the health-industry prefix 80840.
	const digits = `80840${npi}`;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

// IRS campus prefixes never assigned to an EIN.
const INVALID_EIN_PREFIXES = new Set(
	'00 07 08 09 17 18 19 28 29 49 69 70 78 79 89 96 97'.split(' ')
);

/** The EIN in 'NN-NNNNNNN' form, or null when `s` is not 9 digits (with or without the dash). */
export function normalizeTaxId(s: string): string | null {
	const m = /^(\d{2})-?(\d{7})$/.exec(s.trim());
	return m ? `${m[1]}-${m[2]}` : null;
}

/** A sentence saying what is wrong with the EIN `s`, or null when it is acceptable. */
export function taxIdProblem(s: string): string | null {
	const ein = normalizeTaxId(s);
	if (ein === null) return 'Enter the tax ID (EIN) as 9 digits, e.g. 12-3456789.';
	const prefix = ein.slice(0, 2);
	if (INVALID_EIN_PREFIXES.has(prefix)) {
		return `No EIN starts with ${prefix} — check for a typo.`;
	}
	return null;
}

/** The engine's canonical spelling of the IANA zone `tz`, or null when it is not one. */
export function canonicalTimeZone(tz: string): string | null {
	// Newer engines also accept UTC offsets such as '+01:00'; an office needs a named zone.
	if (!/^[A-Za-z]/.test(tz)) return null;
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
	} catch {
		return null;
	}
}

/** True when `tz` names an IANA time zone this engine knows. */
export function isValidTimeZone(tz: string): boolean {
	return canonicalTimeZone(tz) !== null;
}

/** Every IANA time zone this engine knows, sorted, always including 'UTC'. */
export function listTimeZones(): string[] {
	const zones =
		typeof Intl.supportedValuesOf === 'function'
			? Intl.supportedValuesOf('timeZone')
			: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
	return [...new Set([...zones, 'UTC'])].sort();
}

/** Where an office can be: a state, DC or Puerto Rico (patients also live in other territories). */
export const US_STATES = [...US_STATES_AND_DC, 'PR'] as const;

export type UsState = (typeof US_STATES)[number];

const nameCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders people by family name, then given name, the way a printed directory would. */
export function compareByName(
	a: { familyName: string; givenName: string },
	b: { familyName: string; givenName: string }
): number {
	return (
		nameCollator.compare(a.familyName, b.familyName) ||
		nameCollator.compare(a.givenName, b.givenName)
	);
}
