/**
 * How history items read on the chart: a headline, a line of details, and who recorded (edited,
 * struck out) each one and when. Partial dates read as they were given ('2019', 'Jun 2019').
 */
import {
	ALCOHOL_USE_LABELS,
	ALLERGY_REACTION_LABELS,
	ALLERGY_SEVERITY_LABELS,
	MEDICATION_ROUTE_LABELS,
	MEDICATION_STATUS_LABELS,
	NO_KNOWN_ALLERGIES,
	RELATIVES,
	SMOKING_STATUSES,
	type AllergyCategory
} from '$lib/clinical/history-picklists';
import type { HistorySection } from '$lib/clinical/queries';
import type { HistoryItem } from '$lib/clinical/history-schema';

/** Each chart section's words. */
export const SECTION_WORDS: Record<
	HistorySection,
	{ title: string; add: string; noun: string; empty: string }
> = {
	problem: {
		title: 'Problems',
		add: 'Add problem',
		noun: 'problem',
		empty: 'No problems on file.'
	},
	medication: {
		title: 'Medications',
		add: 'Add medication',
		noun: 'medication',
		empty: 'No medications on file.'
	},
	allergy: {
		title: 'Allergies',
		add: 'Add allergy',
		noun: 'allergy',
		empty: 'Allergies not recorded.'
	},
	surgery: {
		title: 'Surgeries',
		add: 'Add surgery',
		noun: 'surgery',
		empty: 'No surgeries on file.'
	},
	family: {
		title: 'Family',
		add: 'Add family history',
		noun: 'family history',
		empty: 'No family history on file.'
	},
	social: {
		title: 'Social',
		add: 'Add social history',
		noun: 'social history',
		empty: 'No social history on file.'
	}
};

export const CATEGORY_SHORT_LABELS: Record<AllergyCategory, string> = {
	drug: 'Medication',
	food: 'Food',
	environment: 'Environment',
	other: 'Other'
};

const MONTH = new Intl.DateTimeFormat('en-US', {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const DAY = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** '2019' → '2019', '2019-06' → 'Jun 2019', '2019-06-14' → 'Jun 14, 2019'. */
export function partialDateText(date: string): string {
	if (date.length === 7) return MONTH.format(new Date(`${date}-01T00:00:00Z`));
	if (date.length === 10) return DAY.format(new Date(`${date}T00:00:00Z`));
	return date;
}

/** The item's headline. */
export function itemTitle(item: HistoryItem): string {
	switch (item.kind) {
		case 'problem':
			return item.name;
		case 'medication':
			return [item.name, item.dose].filter(Boolean).join(' ');
		case 'allergy':
			return item.substance;
		case 'no-known-allergies':
			return NO_KNOWN_ALLERGIES.label;
		case 'surgery':
			return item.procedure;
		case 'family':
			return `${RELATIVES[item.relative].label}: ${item.condition}`;
		case 'social':
			return item.smoking ? SMOKING_STATUSES[item.smoking].label : 'Smoking not recorded';
	}
}

/** What the allergy did: the reactions picked and the one described. */
export function reactionsText(item: Extract<HistoryItem, { kind: 'allergy' }>): string {
	const picked = item.reactions.map((reaction) => ALLERGY_REACTION_LABELS[reaction]);
	return [...picked, item.reaction].filter(Boolean).join(', ');
}

/** The details under the headline, each a short phrase. */
export function itemDetails(item: HistoryItem): string[] {
	const since = (date: string, word: string) => (date ? `${word} ${partialDateText(date)}` : '');
	const parts = ((): string[] => {
		switch (item.kind) {
			case 'problem':
				return [
					item.icd10 && `ICD-10 ${item.icd10}`,
					since(item.onset, 'Since'),
					item.status === 'resolved' ? since(item.resolved, 'Resolved') || 'Resolved' : ''
				];
			case 'medication':
				return [
					MEDICATION_ROUTE_LABELS[item.route],
					item.frequency,
					item.status === 'active' ? '' : MEDICATION_STATUS_LABELS[item.status],
					since(item.start, 'Started'),
					since(item.stop, 'Stopped')
				];
			case 'allergy':
				return [
					CATEGORY_SHORT_LABELS[item.category],
					reactionsText(item),
					item.severity ? ALLERGY_SEVERITY_LABELS[item.severity] : 'Severity unknown',
					since(item.onset, 'Since')
				];
			case 'surgery':
				return [since(item.performed, 'In')];
			case 'family':
				return [item.ageAtOnset === null ? '' : `From age ${item.ageAtOnset}`];
			case 'social':
				return [
					item.alcohol ? `Alcohol: ${ALCOHOL_USE_LABELS[item.alcohol].toLowerCase()}` : '',
					item.drinksPerWeek === null ? '' : `${item.drinksPerWeek} drinks a week`
				];
			default:
				return [];
		}
	})();
	return parts.filter(Boolean);
}

/** A moment as the chart shows it, in the office's time zone. */
export function momentText(instant: string, timeZone?: string): string {
	return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone }).format(
		new Date(instant)
	);
}

/** Who recorded the item and when, and who last edited it. */
export function recordedText(
	item: HistoryItem,
	nameOf: (personId: string) => string,
	timeZone?: string
): string {
	const recorded = `Recorded ${momentText(item.recordedAt, timeZone)} by ${nameOf(item.recordedBy)}`;
	if (!item.updatedAt || !item.updatedBy) return recorded;
	return `${recorded} · edited ${momentText(item.updatedAt, timeZone)} by ${nameOf(item.updatedBy)}`;
}

/** Why an item no longer stands: struck out, or (no known allergies) replaced. */
export function retiredText(
	item: HistoryItem,
	nameOf: (personId: string) => string,
	timeZone?: string
): string {
	const struck = item.enteredInError;
	if (struck) {
		const reason = struck.reason ? `: ${struck.reason}` : '';
		return `Marked entered in error ${momentText(struck.at, timeZone)} by ${nameOf(struck.by)}${reason}`;
	}
	if (item.kind === 'no-known-allergies' && item.superseded) {
		return `Replaced by a later entry ${momentText(item.superseded.at, timeZone)}`;
	}
	return '';
}
