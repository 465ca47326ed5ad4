// Pure rules for the medical history: ICD-10 code shape, comparing partial dates, and what the
// allergy list says as a whole (an explicit "no known allergies" beside a recorded allergy is a
// contradiction the chart must show, not hide), and which items stand and describe the patient now.
import type { HistoryItem } from './history-schema';

// ICD-10-CM: letter, digit, digit or letter, then optionally a dot and up to four more.
const ICD10 = /^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/** `code` trimmed, uppercased and with the dot after the category put in ('e119' → 'E11.9'). */
export function normalizeIcd10(code: string): string {
	const compact = code.trim().toUpperCase();
	return /^[A-Z0-9]{4,7}$/.test(compact) ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}

/** True for an ICD-10(-CM) code in its dotted form, e.g. 'I10', 'E11.9', 'S72.001A'. */
export function isIcd10(code: string): boolean {
	return ICD10.test(code);
}

/** True when the partial date `a` lies wholly before `b` ('2019' is not before '2019-06'). */
export function partialDateBefore(a: string, b: string): boolean {
	const length = Math.min(a.length, b.length);
	return a.slice(0, length) < b.slice(0, length);
}

/** What a patient's allergy list amounts to, for the banner at the top of the chart. */
export type AllergyStatus = 'not-recorded' | 'no-known-allergies' | 'has-allergies' | 'conflicting';

/** The allergy status of a patient's history items. */
export function allergyStatus(items: readonly HistoryItem[]): AllergyStatus {
	const noneKnown = items.some((item) => item.kind === 'no-known-allergies');
	const allergies = items.some((item) => item.kind === 'allergy');
	if (noneKnown && allergies) return 'conflicting';
	if (allergies) return 'has-allergies';
	return noneKnown ? 'no-known-allergies' : 'not-recorded';
}

/** False once an item was struck out as entered in error or, for "no known allergies", replaced. */
export function isStanding(item: HistoryItem): boolean {
	if (item.enteredInError !== null) return false;
	return item.kind !== 'no-known-allergies' || item.superseded === null;
}

/**
 * Whether a standing item describes the patient now: an active problem, a medication taken or on
 * hold, any allergy, surgery or family history. A social history is current when it is the newest
 * one, which only the whole list can tell (see groupHistory).
 */
export function isCurrent(item: HistoryItem): boolean {
	if (!isStanding(item)) return false;
	if (item.kind === 'problem') return item.status === 'active';
	if (item.kind === 'medication') return item.status === 'active' || item.status === 'on-hold';
	return true;
}
