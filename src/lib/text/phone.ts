// Phone numbers of the North American Numbering Plan, as people type them and as they are stored.

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

/** Ten digits as '(555) 201-3344'. */
export function formatPhoneDigits(digits: string): string {
	return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}
