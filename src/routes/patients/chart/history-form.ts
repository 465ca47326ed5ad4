/**
 * The add/edit history dialog's form, one shape per kind, as the dialog holds it: text boxes as
 * typed text (numbers too, so the schema — not the browser — says what is wrong), chips as the
 * value picked or null. `historyInput` turns it into what the history commands take.
 */
import type { HistoryFormInput, HistoryItem, HistoryKind } from '$lib/clinical/history-schema';
import type {
	AlcoholUse,
	AllergyCategory,
	AllergyReaction,
	AllergySeverity,
	MedicationRoute,
	MedicationStatus,
	ProblemStatus,
	Relative,
	SmokingStatus
} from '$lib/clinical/history-picklists';

export interface ProblemForm {
	kind: 'problem';
	name: string;
	icd10: string;
	onset: string;
	status: ProblemStatus;
	resolved: string;
	notes: string;
}

export interface MedicationForm {
	kind: 'medication';
	name: string;
	dose: string;
	route: MedicationRoute;
	frequency: string;
	start: string;
	stop: string;
	status: MedicationStatus;
	notes: string;
}

export interface AllergyForm {
	kind: 'allergy';
	substance: string;
	category: AllergyCategory | null;
	reactions: AllergyReaction[];
	reaction: string;
	severity: AllergySeverity | null;
	onset: string;
	notes: string;
}

export interface NoKnownAllergiesForm {
	kind: 'no-known-allergies';
	notes: string;
}

export interface SurgeryForm {
	kind: 'surgery';
	procedure: string;
	performed: string;
	notes: string;
}

export interface FamilyForm {
	kind: 'family';
	relative: Relative | null;
	condition: string;
	ageAtOnset: string;
	notes: string;
}

export interface SocialForm {
	kind: 'social';
	smoking: SmokingStatus | null;
	alcohol: AlcoholUse | null;
	drinksPerWeek: string;
	notes: string;
}

export type HistoryForm =
	| ProblemForm
	| MedicationForm
	| AllergyForm
	| NoKnownAllergiesForm
	| SurgeryForm
	| FamilyForm
	| SocialForm;

const BLANK: { [K in HistoryKind]: Extract<HistoryForm, { kind: K }> } = {
	problem: {
		kind: 'problem',
		name: '',
		icd10: '',
		onset: '',
		status: 'active',
		resolved: '',
		notes: ''
	},
	medication: {
		kind: 'medication',
		name: '',
		dose: '',
		route: 'oral',
		frequency: '',
		start: '',
		stop: '',
		status: 'active',
		notes: ''
	},
	allergy: {
		kind: 'allergy',
		substance: '',
		category: null,
		reactions: [],
		reaction: '',
		severity: null,
		onset: '',
		notes: ''
	},
	'no-known-allergies': { kind: 'no-known-allergies', notes: '' },
	surgery: { kind: 'surgery', procedure: '', performed: '', notes: '' },
	family: { kind: 'family', relative: null, condition: '', ageAtOnset: '', notes: '' },
	social: { kind: 'social', smoking: null, alcohol: null, drinksPerWeek: '', notes: '' }
};

/** An empty form of `kind`. */
export function blankHistoryForm(kind: HistoryKind): HistoryForm {
	return structuredClone(BLANK[kind]);
}

const text = (n: number | null) => (n === null ? '' : String(n));

/** The form filled in with a stored item, to edit it. */
export function historyFormOf(item: HistoryItem): HistoryForm {
	const stored = structuredClone(item) as Record<string, unknown>;
	const form = Object.fromEntries(
		Object.keys(BLANK[item.kind]).map((key) => [key, stored[key]])
	) as unknown as HistoryForm;
	if (item.kind === 'family') return { ...(form as FamilyForm), ageAtOnset: text(item.ageAtOnset) };
	if (item.kind === 'social')
		return { ...(form as SocialForm), drinksPerWeek: text(item.drinksPerWeek) };
	return form;
}

/** '' → not given; anything else a number (NaN for text, which the schema refuses). */
function num(typed: string): number | null {
	const trimmed = typed.trim();
	return trimmed === '' ? null : Number(trimmed);
}

/** The command input of a form (its kind says which command). */
export function historyInput<F extends HistoryForm>(form: F): HistoryFormInput<F['kind']> {
	const { kind: _kind, ...fields } = form;
	let input: object = fields;
	if (form.kind === 'family') input = { ...fields, ageAtOnset: num(form.ageAtOnset) };
	if (form.kind === 'social') input = { ...fields, drinksPerWeek: num(form.drinksPerWeek) };
	// A category not chosen yet goes as missing, so its message asks for one.
	if (form.kind === 'allergy' && form.category === null) input = { ...fields, category: undefined };
	return input as HistoryFormInput<F['kind']>;
}
