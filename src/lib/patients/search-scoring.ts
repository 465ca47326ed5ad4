// How well one search term matches one indexed patient. Points: exact 6, prefix 4, inside 2;
// a match on a middle name or suffix earns one point less than on a first, last or preferred
// name, so 'maria gar' lists María García before Ana María Garza. 0 means no match.
import type { SearchTerm } from './search-query';

/** A patient's fields as search compares them, computed once when the patient is indexed. */
export interface IndexedPatient {
	/** Folded name words: first the legal first and last and preferred names, then the rest. */
	words: string[];
	/** How many of `words` come from the first, last or preferred name. */
	primaryWords: number;
	dob: string;
	/** 10-digit phone numbers. */
	phones: string[];
	mrn: string;
	/** 2 active, 1 inactive, 0 merged into another record. */
	standing: number;
	/** Folded last name, first name and id: the order of equally good matches. */
	sortKey: string;
	/** A number that sorts like `sortKey` (kept by NameOrder). */
	order: number;
}

export const EXACT = 6;
export const PREFIX = 4;
export const INSIDE = 2;

/** The points `term` earns on `patient`: the best over the fields it can stand for. */
export function termScore(term: SearchTerm, patient: IndexedPatient): number {
	let best = 0;
	if (term.name !== undefined) best = nameScore(term.name, patient);
	if (best < EXACT && term.dob) best = Math.max(best, dobScore(term, patient.dob));
	if (best < EXACT && term.phone !== undefined) {
		best = Math.max(best, phoneScore(term.phone, patient.phones));
	}
	if (best < EXACT && term.mrn !== undefined) {
		const mrn = patient.mrn;
		best = Math.max(best, mrn === term.mrn ? EXACT : mrn.startsWith(term.mrn) ? PREFIX : 0);
	}
	return best;
}

function nameScore(word: string, { words, primaryWords }: IndexedPatient): number {
	let best = 0;
	for (let i = 0; i < words.length; i++) {
		const candidate = words[i];
		const points =
			candidate === word
				? EXACT
				: candidate.startsWith(word)
					? PREFIX
					: word.length >= 3 && candidate.includes(word)
						? INSIDE
						: 0;
		if (points === 0) continue;
		best = Math.max(best, i < primaryWords ? points : points - 1);
		if (best === EXACT) break;
	}
	return best;
}

function dobScore({ dob }: SearchTerm, birth: string): number {
	if (!dob) return 0;
	if (dob.kind === 'prefix') {
		return birth.startsWith(dob.prefix) ? (dob.prefix.length === 10 ? EXACT : PREFIX) : 0;
	}
	return dob.dates.has(birth) ? (dob.complete ? EXACT : PREFIX) : 0;
}

function phoneScore(digits: string, phones: string[]): number {
	let best = 0;
	for (const phone of phones) {
		if (phone === digits) return EXACT;
		if (phone.endsWith(digits)) best = PREFIX;
		else if (best === 0 && phone.includes(digits)) best = INSIDE;
	}
	return best;
}
