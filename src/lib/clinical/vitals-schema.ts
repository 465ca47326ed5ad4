// Zod schemas for a vitals set. The stored record holds canonical units only (mm Hg, /min, °C,
// %, cm, kg, score), rounded as units.ts stores them, plus the unit system it was entered in so
// it is shown back the same way. The input schema takes what a person typed — °F, ft + in,
// lb + oz in imperial mode — converts, checks against the rules and rounds once at the end.
// A set entered in error keeps its values and carries the mark (see vitals-error-schema.ts).
import { z } from 'zod';
import { ageAtMeasurement } from './age';
import { instant, optionalText, recordId } from './fields';
import { feetInchesToCm, fromEntered, poundsOuncesToKg, toStorage } from './units';
import { MEASURED_VITAL_KEYS, UNIT_SYSTEMS } from './vitals-catalog';
import type { MeasuredVitalKey } from './vitals-catalog';
import { correctsSchema, enteredInErrorSchema } from './vitals-error-schema';
import { vitalsProblems } from './vitals-rules';
import type { VitalProblem, VitalValues } from './vitals-rules';
import { takenAtProblem } from './vitals-time-rules';

const TAKEN_AT = 'Enter when the vitals were taken.';
const CHOOSE_UNITS = 'Choose metric or imperial units.';

/** Each value rounded the way it is stored; absent values stay absent. */
function roundValues(values: VitalValues): VitalValues {
	const rounded: VitalValues = {};
	for (const key of MEASURED_VITAL_KEYS) {
		const value = values[key];
		if (value != null) rounded[key] = toStorage(key, value);
	}
	return rounded;
}

function report(ctx: z.RefinementCtx, problems: VitalProblem[], prefix: string[] = []): void {
	for (const { field, message } of problems) {
		ctx.addIssue({ code: 'custom', path: field ? [...prefix, field] : prefix, message });
	}
}

const reading = z.number({ error: 'A reading must be a number.' }).optional();

const storedValues = z.object({
	systolic: reading,
	diastolic: reading,
	pulse: reading,
	respiratoryRate: reading,
	temperature: reading,
	spo2: reading,
	height: reading,
	weight: reading,
	headCircumference: reading,
	pain: reading
} satisfies Record<MeasuredVitalKey, typeof reading>);

/** A vitals set as stored; context-free, so a later DOB correction never quarantines it. */
export const vitalsSetSchema = z
	.object({
		id: recordId(),
		patientId: recordId('The patient ID is malformed.'),
		takenAt: instant(TAKEN_AT),
		takenBy: recordId('The ID of the person who took the vitals is malformed.'),
		unitSystem: z.enum(UNIT_SYSTEMS, { error: CHOOSE_UNITS }),
		values: storedValues,
		notes: optionalText('Notes', 500),
		// Both optional: sets stored before sets could be struck out have neither.
		enteredInError: enteredInErrorSchema.optional(),
		corrects: correctsSchema.optional()
	})
	.superRefine((set, ctx) => report(ctx, vitalsProblems(set.values), ['values']))
	.transform((set) => ({ ...set, values: roundValues(set.values) }));

export type VitalsSet = z.output<typeof vitalsSetSchema>;

// An empty number box binds null; both null and absent mean "not measured".
const entry = (what: string) => z.number({ error: `Enter the ${what} as a number.` }).nullish();

/** One box of a two-part imperial entry (feet, inches, pounds, ounces). */
const part = (label: string, below: number, whole = false) => {
	const base = z.number({ error: `Enter the ${label.toLowerCase()} as a number.` });
	return (whole ? base.int(`${label} must be a whole number.`) : base)
		.min(0, `${label} cannot be negative.`)
		.lt(below, `${label} must be less than ${below}.`)
		.nullish();
};

const common = {
	takenAt: instant(TAKEN_AT),
	notes: optionalText('Notes', 500),
	systolic: entry('systolic pressure'),
	diastolic: entry('diastolic pressure'),
	pulse: entry('pulse'),
	respiratoryRate: entry('respiratory rate'),
	spo2: entry('SpO₂'),
	pain: entry('pain score'),
	temperature: entry('temperature'),
	headCircumference: entry('head circumference')
};

const metricForm = z.object({
	unitSystem: z.literal('metric'),
	...common,
	height: entry('height'),
	weight: entry('weight')
});

// A baby's length is typed in inches alone, so inches may pass 12 only when feet are empty.
const feetAndInches = z
	.object({ ft: part('Feet', 10, true), in: part('Inches', 120) })
	.superRefine((height, ctx) => {
		if (height.ft && height.in != null && height.in >= 12) {
			ctx.addIssue({ code: 'custom', path: ['in'], message: 'Inches must be less than 12.' });
		}
	})
	.nullish();

const imperialForm = z.object({
	unitSystem: z.literal('imperial'),
	...common,
	height: feetAndInches,
	weight: z.object({ lb: part('Pounds', 1000), oz: part('Ounces', 16) }).nullish()
});

type VitalsFormOutput = z.output<typeof metricForm> | z.output<typeof imperialForm>;

/** Two boxes left empty mean "not measured"; one filled means the other is zero. */
function pair(a: number | null | undefined, b: number | null | undefined): [number, number] | null {
	return a == null && b == null ? null : [a ?? 0, b ?? 0];
}

/** The canonical, unrounded values of a form as typed. */
function canonicalValues(form: VitalsFormOutput): VitalValues {
	const values: VitalValues = {};
	const set = (key: MeasuredVitalKey, value: number | null | undefined) => {
		if (value != null) values[key] = fromEntered(key, value, form.unitSystem);
	};
	for (const key of MEASURED_VITAL_KEYS) {
		if (key !== 'height' && key !== 'weight') set(key, form[key]);
	}
	if (form.unitSystem === 'metric') {
		set('height', form.height);
		set('weight', form.weight);
		return values;
	}
	const height = pair(form.height?.ft, form.height?.in);
	const weight = pair(form.weight?.lb, form.weight?.oz);
	if (height) values.height = feetInchesToCm(...height);
	if (weight) values.weight = poundsOuncesToKg(...weight);
	return values;
}

/** What the input schema needs to know: the patient's DOB, the office's time zone, the clock. */
export interface MeasurementContext {
	birthDate?: string;
	timeZone?: string;
	/** When given, the time taken is checked against it (vitals-time-rules.ts). */
	now?: () => Date;
}

/** The vitals form for a patient; parses to a set without id, patient or author, rounded. */
export function makeVitalsInputSchema(context: MeasurementContext = {}) {
	return z
		.discriminatedUnion('unitSystem', [metricForm, imperialForm], { error: CHOOSE_UNITS })
		.transform((form) => ({
			takenAt: form.takenAt,
			unitSystem: form.unitSystem,
			values: canonicalValues(form),
			notes: form.notes
		}))
		.superRefine((input, ctx) => {
			const age = ageAtMeasurement(context.birthDate, input.takenAt, context.timeZone);
			if (context.birthDate && !age) {
				const message = 'The vitals cannot be taken before the date of birth.';
				ctx.addIssue({ code: 'custom', path: ['takenAt'], message });
			}
			const late = context.now && takenAtProblem(input.takenAt, context.now(), input.notes);
			if (late) ctx.addIssue({ code: 'custom', path: [late.field], message: late.message });
			report(ctx, vitalsProblems(input.values, { system: input.unitSystem, age }));
		})
		.transform((input) => ({ ...input, values: roundValues(input.values) }));
}

export type VitalsInput = z.output<ReturnType<typeof makeVitalsInputSchema>>;
export type VitalsForm = z.input<ReturnType<typeof makeVitalsInputSchema>>;
