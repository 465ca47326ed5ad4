// What the search index keeps per patient: its fields folded and split once, when indexed.
import { phoneDigits } from '$lib/text/phone';
import type { IndexedPatient } from './search-scoring';
import { foldCompact, foldText, foldedWords } from '$lib/text/fold';

/** The fields of a patient that search reads. */
export interface SearchablePatient {
	id: string;
	mrn: string;
	givenName: string;
	middleName: string;
	familyName: string;
	suffix: string;
	preferredName: string;
	dateOfBirth: string;
	phones: { mobile: string; home: string; work: string };
	active: boolean;
	mergedInto: string;
}

/** One indexed patient. */
export interface SearchEntry<P> extends IndexedPatient {
	patient: P;
	/** The search pass that last looked at this entry (to count it once per search). */
	pass: number;
}

/** A name part folded for search: its words, and its whole folded text for sorting. */
export interface FoldedName {
	words: string[];
	text: string;
}

/**
 * The entry for `patient`. `cache` maps raw name parts to their folded forms: names repeat a
 * lot across an office's patients, so folding each distinct one once keeps indexing fast.
 */
export function entryOf<P extends SearchablePatient>(
	patient: P,
	cache: Map<string, FoldedName>
): SearchEntry<P> {
	const { givenName, middleName, familyName, suffix, preferredName } = patient;
	const fold = (part: string): FoldedName => {
		let folded = cache.get(part);
		if (!folded) {
			const words = foldedWords(part);
			// 'de la Cruz' is also found as 'delacruz', 'Mary Ann' as 'maryann'.
			if (words.length > 1) words.push(foldCompact(part));
			folded = { words, text: foldText(part) };
			cache.set(part, folded);
		}
		return folded;
	};
	const words = new Set<string>();
	const addWords = (part: string) => {
		for (const word of fold(part).words) words.add(word);
	};
	[givenName, familyName, preferredName].forEach(addWords);
	const primaryWords = words.size;
	[middleName, suffix].forEach(addWords);
	const phones = [patient.phones.mobile, patient.phones.home, patient.phones.work]
		.map(digitsOf)
		.filter((digits): digits is string => digits !== null);
	return {
		patient,
		words: [...words],
		primaryWords,
		dob: patient.dateOfBirth,
		phones,
		mrn: patient.mrn.toUpperCase(),
		standing: patient.mergedInto ? 0 : patient.active ? 2 : 1,
		sortKey: `${fold(familyName).text}\u0000${fold(givenName).text}\u0000${patient.id}`,
		order: 0,
		pass: 0
	};
}

const STORED_PHONE = /^\((\d{3})\) (\d{3})-(\d{4})(?: x\d+)?$/;

/** The 10 digits of a phone number; stored ones are already '(555) 201-3344', read directly. */
function digitsOf(phone: string): string | null {
	if (phone === '') return null;
	const m = STORED_PHONE.exec(phone);
	return m ? m[1] + m[2] + m[3] : phoneDigits(phone);
}
