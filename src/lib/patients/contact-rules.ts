// Pure rules for patient contact details: phone numbers, email, US addresses.
// These duplicate the generic helpers of src/lib/directory/rules.ts on purpose: an area may use
// another only through its queries.ts. TODO move both copies to a neutral src/lib/text/ module
// once the directory files are free to change.

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

/** The 10 digits of a valid phone number (no country code, no extension), or null. */
export function phoneDigits(s: string): string | null {
	const normalized = normalizePhone(s);
	return normalized === null ? null : normalized.slice(0, 14).replace(/\D/g, '');
}

/** Pragmatic email check: one '@', no spaces, a dotted domain; not the full RFC grammar. */
export function isValidEmail(s: string): boolean {
	return s.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s);
}

/** True for a US ZIP code, '12345' or ZIP+4 '12345-6789'. */
export function isValidZip(s: string): boolean {
	return /^\d{5}(?:-\d{4})?$/.test(s);
}

/**
 * States, DC and the territories, plus the military 'states' AA, AE and AP: patients live in
 * all of them, while an office (the directory's list) is in a state, DC or Puerto Rico.
 */
export const US_STATES = [
	...['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL'],
	...['IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT'],
	...['NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI'],
	...['SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR'],
	...['GU', 'VI', 'AS', 'MP', 'AA', 'AE', 'AP']
] as const;

export type UsState = (typeof US_STATES)[number];

const STATE_SET: ReadonlySet<string> = new Set(US_STATES);

/** True for a two-letter code in US_STATES (uppercase). */
export function isUsState(s: string): s is UsState {
	return STATE_SET.has(s);
}
