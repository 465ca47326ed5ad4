// US postal addresses and email addresses: the checks a form runs before saving them.

/** The 50 states and the District of Columbia, as two-letter postal codes. */
export const US_STATES_AND_DC = [
	...['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL'],
	...['IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT'],
	...['NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI'],
	...['SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC']
] as const;

/** Puerto Rico, Guam, the US Virgin Islands, American Samoa, the Northern Mariana Islands. */
export const US_TERRITORIES = ['PR', 'GU', 'VI', 'AS', 'MP'] as const;

/** The postal 'states' of military mail: Americas, Europe (and beyond), Pacific. */
export const US_MILITARY_STATES = ['AA', 'AE', 'AP'] as const;

/** True for a US ZIP code, '12345' or ZIP+4 '12345-6789'. */
export function isValidZip(s: string): boolean {
	return /^\d{5}(?:-\d{4})?$/.test(s);
}

/** Pragmatic email check: one '@', no spaces, a dotted domain; not the full RFC grammar. */
export function isValidEmail(s: string): boolean {
	return s.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s);
}
