// Zod schemas for medical-history items: problems, medications, allergies (or an explicit
// "no known allergies"), surgeries, family and social history. Each kind has an input schema
// for its form and a stored schema that adds who the item is about, when it was recorded and
// by whom. Clinical dates may be partial ('2019', '2019-06') because patients remember so.
//
// Items are never deleted. A stored item also says who last edited it, and whether it was struck
// out as "entered in error" (kept, shown apart, never counted); a "no known allergies" entry says
// which later entry superseded it. These fields default to null, so items written before they
// existed still validate.
import { z } from 'zod';
import {
	attribution,
	instant,
	optionalDate,
	optionalPartialDate,
	optionalText,
	recordId,
	requiredText
} from './fields';
import {
	ALCOHOL_USES,
	ALLERGY_CATEGORIES,
	ALLERGY_REACTIONS,
	ALLERGY_SEVERITIES,
	MEDICATION_ROUTES,
	MEDICATION_STATUSES,
	PROBLEM_STATUSES,
	RELATIVE_KEYS,
	SMOKING_STATUS_KEYS
} from './history-picklists';
import { isIcd10, normalizeIcd10, partialDateBefore } from './history-rules';

const icd10 = z
	.string()
	.transform(normalizeIcd10)
	.refine((s) => s === '' || isIcd10(s), 'Enter an ICD-10 code like E11.9.')
	.default('');

const notes = optionalText('Notes', 500);

/** The problem form: name, optional ICD-10 code, onset, status. */
export const problemInputSchema = z
	.object({
		name: requiredText('The problem', 200, 'Enter the problem or diagnosis.'),
		icd10,
		onset: optionalPartialDate('onset date'),
		status: z.enum(PROBLEM_STATUSES, { error: 'Choose active or resolved.' }).default('active'),
		resolved: optionalPartialDate('resolved date'),
		notes
	})
	.superRefine((value, ctx) => {
		if (value.resolved !== '' && value.status !== 'resolved') {
			ctx.addIssue({ code: 'custom', path: ['resolved'], message: 'Mark the problem resolved.' });
		} else if (partialDateBefore(value.resolved, value.onset)) {
			const message = 'The resolved date cannot be before the onset.';
			ctx.addIssue({ code: 'custom', path: ['resolved'], message });
		}
	});

/** The medication form: name, dose, route, frequency, start and stop, status. */
export const medicationInputSchema = z
	.object({
		name: requiredText('The medication', 200, 'Enter the medication.'),
		dose: optionalText('The dose', 60),
		route: z.enum(MEDICATION_ROUTES, { error: 'Choose how it is taken.' }).default('oral'),
		frequency: optionalText('The frequency', 60),
		start: optionalDate('start date'),
		stop: optionalDate('stop date'),
		status: z.enum(MEDICATION_STATUSES, { error: 'Choose a status.' }).default('active'),
		notes
	})
	.superRefine((value, ctx) => {
		if (value.stop !== '' && value.start !== '' && value.stop < value.start) {
			const message = 'The stop date cannot be before the start date.';
			ctx.addIssue({ code: 'custom', path: ['stop'], message });
		}
	});

/** The allergy form: substance, category, reactions picked or described, severity. */
export const allergyInputSchema = z
	.object({
		substance: requiredText('The substance', 200, 'Enter what the patient is allergic to.'),
		category: z.enum(ALLERGY_CATEGORIES, { error: 'Choose what kind of allergy this is.' }),
		reactions: z
			.array(z.enum(ALLERGY_REACTIONS, { error: 'Choose reactions from the list.' }))
			.transform((picked) => ALLERGY_REACTIONS.filter((r) => picked.includes(r)))
			.default([]),
		reaction: optionalText('The reaction', 200),
		// null: the patient does not know how bad the reaction was.
		severity: z.enum(ALLERGY_SEVERITIES, { error: 'Choose a severity.' }).nullable().default(null),
		onset: optionalPartialDate('date it started'),
		notes
	})
	.superRefine((value, ctx) => {
		const mild = value.severity === 'mild' || value.severity === 'moderate';
		if (value.reactions.includes('anaphylaxis') && mild) {
			const message = 'Anaphylaxis is severe or life-threatening — check the severity.';
			ctx.addIssue({ code: 'custom', path: ['severity'], message });
		}
	});

/** The "no known allergies" entry, with optional notes. */
export const noKnownAllergiesInputSchema = z.object({ notes });

/** The surgical history form: procedure and the date or year it was done. */
export const surgeryInputSchema = z.object({
	procedure: requiredText('The procedure', 200, 'Enter the operation or procedure.'),
	performed: optionalPartialDate('date'),
	notes
});

/** The family history form: relative, condition, age at onset. */
export const familyHistoryInputSchema = z.object({
	relative: z.enum(RELATIVE_KEYS, { error: 'Choose the relative.' }),
	condition: requiredText('The condition', 200, 'Enter the condition.'),
	ageAtOnset: z
		.number({ error: 'Enter the age as a number.' })
		.int('Enter the age in whole years.')
		.min(0, 'Enter an age from 0 to 120.')
		.max(120, 'Enter an age from 0 to 120.')
		.nullable()
		.default(null),
	notes
});

/** The social history form: smoking status, alcohol use, drinks per week. */
export const socialHistoryInputSchema = z
	.object({
		smoking: z
			.enum(SMOKING_STATUS_KEYS, { error: 'Choose a smoking status.' })
			.nullable()
			.default(null),
		alcohol: z
			.enum(ALCOHOL_USES, { error: 'Choose how often they drink.' })
			.nullable()
			.default(null),
		drinksPerWeek: z
			.number({ error: 'Enter drinks per week as a number.' })
			.int('Enter whole drinks per week.')
			.min(0, 'Drinks per week cannot be negative.')
			.max(200, 'Drinks per week can be at most 200.')
			.nullable()
			.default(null),
		notes
	})
	.superRefine((value, ctx) => {
		if (value.smoking === null && value.alcohol === null) {
			ctx.addIssue({
				code: 'custom',
				path: [],
				message: 'Choose a smoking status or alcohol use.'
			});
		}
		if (value.drinksPerWeek !== null && value.drinksPerWeek > 0 && value.alcohol === 'none') {
			const message = 'Drinks per week must be 0 when the patient does not drink.';
			ctx.addIssue({ code: 'custom', path: ['drinksPerWeek'], message });
		}
	});

const at = instant('The time must be a UTC time like 2025-03-01T14:30:00Z.');
const by = recordId('The ID of the person who made this change is malformed.');

/** Who struck an item out as entered in error, when, and why (optional). */
export const enteredInErrorSchema = z.object({ at, by, reason: optionalText('The reason', 200) });

/** The later entry that replaced a "no known allergies" entry: an allergy, or a newer one. */
export const supersededSchema = z.object({ at, by, itemId: recordId() });

/** The fields a stored item adds to its form: its kind, who recorded it about whom and when. */
const storedAs = <K extends string>(kind: K) => ({
	kind: z.literal(kind),
	...attribution,
	updatedAt: at.nullable().default(null),
	updatedBy: by.nullable().default(null),
	enteredInError: enteredInErrorSchema.nullable().default(null)
});

/** A problem or diagnosis as stored. */
export const problemSchema = problemInputSchema.safeExtend(storedAs('problem'));
/** A medication as stored. */
export const medicationSchema = medicationInputSchema.safeExtend(storedAs('medication'));
/** An allergy as stored. */
export const allergySchema = allergyInputSchema.safeExtend(storedAs('allergy'));
/** An explicit "no known allergies" as stored. */
export const noKnownAllergiesSchema = noKnownAllergiesInputSchema.safeExtend({
	...storedAs('no-known-allergies'),
	superseded: supersededSchema.nullable().default(null)
});
/** An operation or procedure as stored. */
export const surgerySchema = surgeryInputSchema.safeExtend(storedAs('surgery'));
/** A condition in a relative as stored. */
export const familyHistorySchema = familyHistoryInputSchema.safeExtend(storedAs('family'));
/** Smoking and alcohol use as stored. */
export const socialHistorySchema = socialHistoryInputSchema.safeExtend(storedAs('social'));

/** Any stored history item, told apart by `kind`. */
export const historyItemSchema = z.discriminatedUnion('kind', [
	problemSchema,
	medicationSchema,
	allergySchema,
	noKnownAllergiesSchema,
	surgerySchema,
	familyHistorySchema,
	socialHistorySchema
]);

export type HistoryItem = z.output<typeof historyItemSchema>;
export type HistoryKind = HistoryItem['kind'];
export type Problem = z.output<typeof problemSchema>;
export type Medication = z.output<typeof medicationSchema>;
export type Allergy = z.output<typeof allergySchema>;
export type NoKnownAllergies = z.output<typeof noKnownAllergiesSchema>;
export type Surgery = z.output<typeof surgerySchema>;
export type FamilyHistory = z.output<typeof familyHistorySchema>;
export type SocialHistory = z.output<typeof socialHistorySchema>;
export type EnteredInError = z.output<typeof enteredInErrorSchema>;

/** The form schema of each kind, for the add and edit commands. */
export const HISTORY_INPUT_SCHEMAS = {
	problem: problemInputSchema,
	medication: medicationInputSchema,
	allergy: allergyInputSchema,
	'no-known-allergies': noKnownAllergiesInputSchema,
	surgery: surgeryInputSchema,
	family: familyHistoryInputSchema,
	social: socialHistoryInputSchema
} as const satisfies Record<HistoryKind, z.ZodType>;

/** What the form of a kind produces once checked. */
export type HistoryInput<K extends HistoryKind> = z.output<(typeof HISTORY_INPUT_SCHEMAS)[K]>;
/** What the form of a kind takes before defaults are filled in. */
export type HistoryFormInput<K extends HistoryKind> = z.input<(typeof HISTORY_INPUT_SCHEMAS)[K]>;

/** The form schema of `kind`, typed by kind (TypeScript cannot index the map generically). */
export function historyInputSchema<K extends HistoryKind>(
	kind: K
): z.ZodType<HistoryInput<K>, HistoryFormInput<K>> {
	return HISTORY_INPUT_SCHEMAS[kind] as unknown as z.ZodType<HistoryInput<K>, HistoryFormInput<K>>;
}
