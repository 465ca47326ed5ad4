// Turning what is typed into the patient search box into terms. Every term must match some
// field of a patient. A term may stand for several fields at once ('1984' is a year of birth,
// part of a phone number or of an MRN), and matches when any of them does.
import { parseDobQuery, type DobQuery } from './dob-query';
import { foldedWords } from '$lib/text/fold';

/** One word of the query and the fields it could match. */
export interface SearchTerm {
	/** A folded name word: matches a name word exactly, by prefix, or inside it (3+ letters). */
	name?: string;
	dob?: DobQuery;
	/** Digits found inside a phone number (4 or more). */
	phone?: string;
	/** The start of an MRN, 'P…'. */
	mrn?: string;
}

const PHONE_CHARS = /^[\d().+-]+$/;

/** The terms of `query`; [] when nothing searchable was typed. `today` is 'YYYY-MM-DD'. */
export function parseQuery(query: string, today: string): SearchTerm[] {
	const tokens = query
		.trim()
		.split(/[\s,;]+/)
		.filter(Boolean);
	// '(217) 555-0101' and '217 555 0101' are one phone number typed with spaces.
	if (tokens.length > 1 && tokens.every((t) => PHONE_CHARS.test(t))) {
		const digits = tokens.join('').replace(/\D/g, '');
		if (digits.length >= 4) return [{ phone: withoutCountryCode(digits) }];
	}
	return tokens.flatMap((token) => termsOf(token, today));
}

function termsOf(token: string, today: string): SearchTerm[] {
	// 'P0000018', 'p000-0018': an MRN as printed or typed.
	const mrn = /^p(\d+)$/i.exec(token.replace(/-/g, ''));
	if (mrn) return [{ mrn: `P${mrn[1]}` }];
	if (/\p{L}/u.test(token)) return foldedWords(token).map((name) => ({ name }));
	const digits = token.replace(/\D/g, '');
	if (digits === '') return [];
	const term: SearchTerm = {};
	const dob = parseDobQuery(token, today);
	if (dob) term.dob = dob;
	if (PHONE_CHARS.test(token) && digits.length >= 4) term.phone = withoutCountryCode(digits);
	if (/^\d{4,7}$/.test(token)) term.mrn = `P${token}`;
	// A term that can match nothing still counts: 'every term must match' then finds no one.
	return [term];
}

function withoutCountryCode(digits: string): string {
	return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}
