// Pure rules for the office directory: identifiers, contact details, places and list helpers.

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

/** A NANP number as '(555) 201-3344' (plus ' x123' for an extension), or null when invalid. */
export function normalizePhone(s: string): string | null {
	let rest = s.trim();
	let extension = '';
	const ext = /\s*(?:x|ext\.?|extension)\s*(\d{1,6})$/i.exec(rest);
	if (ext) {
		extension = ` x${ext[1]}`;
		rest = rest.slice(0, ext.index);
	}
	// Letters or other symbols mean a typo, not formatting to be stripped away.
	if (!/^[\d\s().+-]+$/.test(rest)) return null;
	let digits = rest.replace(/\D/g, '');
	if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
	if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return null;
	return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}${extension}`;
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

/** Pragmatic email check: one '@', no spaces, a dotted domain; not the full RFC grammar. */
export function isValidEmail(s: string): boolean {
	return s.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s);
}

export const US_STATES = [
	...['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL'],
	...['IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT'],
	...['NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI'],
	...['SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR']
] as const;

export type UsState = (typeof US_STATES)[number];

/** True for a US ZIP code, '12345' or ZIP+4 '12345-6789'. */
export function isValidZip(s: string): boolean {
	return /^\d{5}(?:-\d{4})?$/.test(s);
}

/** True for a 'YYYY-MM-DD' string naming a date that exists on the calendar. */
export function isRealIsoDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 2023-02-30 over to March, so a round trip exposes impossible dates.
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** `s` lowercased, without accents, with runs of whitespace collapsed, for forgiving search. */
export function normalizeForSearch(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when every word of `query` appears inside at least one of `haystackParts`. */
export function matchesSearch(haystackParts: string[], query: string): boolean {
	const tokens = normalizeForSearch(query).split(' ').filter(Boolean);
	const parts = haystackParts.map(normalizeForSearch);
	return tokens.every((token) => parts.some((part) => part.includes(token)));
}

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
