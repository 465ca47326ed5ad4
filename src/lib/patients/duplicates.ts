// Is the patient being registered probably one we already have? A match needs the same date of
// birth and a similar name, or a shared phone number. Each match carries its reasons, so the
// person deciding sees why, and a score to sort by:
//   0.55  same date of birth with a similar name
//   0.30  a shared phone number (families share phones, so alone it ranks low)
//   0.15  × how alike the names are, when they are similar
import { formatPhoneDigits, phoneDigits } from '$lib/text/phone';
import { compareNames, type NameMatch, type PersonName } from './names';

/** What a duplicate check reads of a patient (a registration form or a stored record). */
export interface PatientIdentity extends PersonName {
	id?: string;
	dateOfBirth: string;
	phones: { mobile?: string; home?: string; work?: string };
	/** Set on a record merged into another: that one is checked instead. */
	mergedInto?: string;
}

/** One reason a patient looks like the candidate. */
export type DuplicateReason =
	| { kind: 'same-date-of-birth' }
	| { kind: 'similar-name'; how: NameMatch }
	| { kind: 'same-phone'; phone: string };

/** A patient who probably is the candidate, and why. */
export interface DuplicateMatch<P> {
	patient: P;
	/** 0 … 1, higher is more likely the same person. */
	score: number;
	reasons: DuplicateReason[];
}

/** How strict a duplicate check is, and how many matches it returns. */
export interface DuplicateOptions {
	/** How alike both the given and the family name must be (0 … 1); default 0.88. */
	minNameSimilarity?: number;
	/** At most this many matches, best first; default 10. */
	limit?: number;
}

/** The 10-digit phone numbers of a patient, deduplicated. */
export function identityPhones(identity: PatientIdentity): string[] {
	const { mobile = '', home = '', work = '' } = identity.phones;
	const digits = [mobile, home, work].map(phoneDigits).filter((d): d is string => d !== null);
	return [...new Set(digits)];
}

/** How `candidate` resembles `other`, or null when it does not look like the same person. */
export function duplicateMatch<P extends PatientIdentity>(
	candidate: PatientIdentity,
	other: P,
	options: DuplicateOptions = {}
): DuplicateMatch<P> | null {
	if (other.mergedInto || (candidate.id !== undefined && candidate.id === other.id)) return null;
	const names = compareNames(candidate, other);
	const similar = names.weakest >= (options.minNameSimilarity ?? 0.88);
	const sameBirth = candidate.dateOfBirth !== '' && candidate.dateOfBirth === other.dateOfBirth;
	const otherPhones = identityPhones(other);
	const shared = identityPhones(candidate).find((phone) => otherPhones.includes(phone));
	if (!(sameBirth && similar) && shared === undefined) return null;
	const reasons: DuplicateReason[] = [];
	if (sameBirth) reasons.push({ kind: 'same-date-of-birth' });
	if (similar) reasons.push({ kind: 'similar-name', how: names.how });
	if (shared !== undefined) reasons.push({ kind: 'same-phone', phone: formatPhoneDigits(shared) });
	const score =
		(sameBirth && similar ? 0.55 : 0) +
		(shared !== undefined ? 0.3 : 0) +
		(similar ? 0.15 * names.score : 0);
	return { patient: other, score: Math.round(score * 1000) / 1000, reasons };
}

/** Patients in `existing` that `candidate` probably duplicates, most likely first. */
export function likelyDuplicates<P extends PatientIdentity>(
	candidate: PatientIdentity,
	existing: Iterable<P>,
	options: DuplicateOptions = {}
): DuplicateMatch<P>[] {
	const matches: DuplicateMatch<P>[] = [];
	for (const other of existing) {
		const match = duplicateMatch(candidate, other, options);
		if (match) matches.push(match);
	}
	matches.sort(
		(a, b) => b.score - a.score || (a.patient.id ?? '').localeCompare(b.patient.id ?? '')
	);
	return matches.slice(0, options.limit ?? 10);
}

const NAME_MATCH_WORDS: Record<NameMatch, string> = {
	same: 'same name',
	accents: 'same name apart from accents or capitals',
	compound: 'shares part of the last name',
	spelling: 'similar spelling of the name',
	nickname: 'nickname of the same first name',
	swapped: 'first and last names swapped'
};

/** The reasons of a match as one sentence: 'Same date of birth, nickname of the same first name.' */
export function describeDuplicate(match: DuplicateMatch<unknown>): string {
	const words = match.reasons.map((reason) =>
		reason.kind === 'same-date-of-birth'
			? 'same date of birth'
			: reason.kind === 'similar-name'
				? NAME_MATCH_WORDS[reason.how]
				: `same phone ${reason.phone}`
	);
	const sentence = words.join(', ');
	return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
