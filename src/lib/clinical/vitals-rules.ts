// Plausibility of vitals: a value outside these limits is a typo or a wrong unit, never a
// reading, so it is rejected with a sentence saying what is allowed — in the units the person
// entered. Limits are in canonical units and are checked before rounding. Abnormal readings
// are flagged, not rejected (see vitals-flags.ts). BMI is derived here from height and weight.
import type { Age } from './age';
import { DISPLAY_DECIMALS, roundTo, toEntered } from './units';
import { VITALS } from './vitals-catalog';
import type { MeasuredVitalKey, UnitSystem } from './vitals-catalog';

/** The values of one vitals set in canonical units; absent means not measured. */
export type VitalValues = Partial<Record<MeasuredVitalKey, number>>;

/** One thing wrong with a vitals set: the field it belongs to (null: the whole set). */
export interface VitalProblem {
	field: MeasuredVitalKey | null;
	message: string;
}

interface Limits {
	min: number;
	max: number;
	whole: boolean;
}

/** The lowest and highest value that can be a real reading, in canonical units. */
export const PLAUSIBLE_LIMITS: Record<MeasuredVitalKey, Limits> = {
	systolic: { min: 40, max: 300, whole: true },
	diastolic: { min: 20, max: 200, whole: true },
	pulse: { min: 20, max: 300, whole: true },
	respiratoryRate: { min: 4, max: 80, whole: true },
	temperature: { min: 25, max: 45, whole: false },
	spo2: { min: 50, max: 100, whole: true },
	height: { min: 20, max: 250, whole: false },
	weight: { min: 0.3, max: 400, whole: false },
	headCircumference: { min: 20, max: 65, whole: false },
	pain: { min: 0, max: 10, whole: true }
};

/** Head circumference is a growth measure for children younger than this. */
export const HEAD_CIRCUMFERENCE_MAX_AGE_YEARS = 3;

/** BMI means little before this age (growth charts use weight-for-length instead). */
export const BMI_MIN_AGE_YEARS = 2;

const SPOKEN_UNITS: Partial<Record<MeasuredVitalKey, string>> = {
	pulse: 'beats per minute',
	respiratoryRate: 'breaths per minute'
};

/** `value` rounded toward the inside of the range, so the message never promises too much. */
function inward(value: number, decimals: number, up: boolean): number {
	const factor = 10 ** decimals;
	const scaled = Number((value * factor).toPrecision(12));
	return (up ? Math.ceil(scaled) : Math.floor(scaled)) / factor;
}

function imperialLength(inches: number): string {
	const feet = Math.floor(inches / 12);
	const rest = roundTo(inches - feet * 12, 1);
	return feet === 0 ? `${rest} in` : `${feet} ft ${rest} in`;
}

/** 'between 25 and 45 °C' for the vital, in the units of `system`. */
function rangeText(key: MeasuredVitalKey, system: UnitSystem): string {
	const { min, max } = PLAUSIBLE_LIMITS[key];
	const unit = system === 'imperial' ? VITALS[key].imperialUnit : null;
	if (!unit) {
		const spoken = SPOKEN_UNITS[key] ?? VITALS[key].unit.display;
		return `between ${min} and ${max}${spoken === '%' ? '' : ' '}${spoken}`;
	}
	const decimals = DISPLAY_DECIMALS[key];
	const low = inward(toEntered(key, min, system), decimals, true);
	const high = inward(toEntered(key, max, system), decimals, false);
	if (key === 'height') return `between ${imperialLength(low)} and ${imperialLength(high)}`;
	return `between ${low} and ${high} ${unit.display}`;
}

/** What is wrong with one canonical, unrounded value entered in `system` units, or null. */
export function vitalValueProblem(
	key: MeasuredVitalKey,
	value: number,
	system: UnitSystem = 'metric'
): string | null {
	const { min, max, whole } = PLAUSIBLE_LIMITS[key];
	if (key === 'pain' && (!Number.isInteger(value) || value < min || value > max)) {
		return 'Pain score must be a whole number from 0 to 10.';
	}
	const label = VITALS[key].label;
	if (whole && !Number.isInteger(value)) return `${label} must be a whole number.`;
	if (value < min || value > max) return `${label} must be ${rangeText(key, system)}.`;
	return null;
}

function bloodPressureProblem(
	systolic: number | undefined,
	diastolic: number | undefined,
	compareOrder: boolean
): VitalProblem | null {
	if (systolic == null && diastolic == null) return null;
	if (diastolic == null) {
		return { field: 'diastolic', message: 'Enter the diastolic pressure as well.' };
	}
	if (systolic == null)
		return { field: 'systolic', message: 'Enter the systolic pressure as well.' };
	if (compareOrder && diastolic >= systolic) {
		return { field: 'diastolic', message: 'Diastolic must be lower than systolic.' };
	}
	return null;
}

/** Every problem with a vitals set: implausible values, half a blood pressure, wrong age. */
export function vitalsProblems(
	values: VitalValues,
	options: { system?: UnitSystem; age?: Age | null } = {}
): VitalProblem[] {
	const problems: VitalProblem[] = [];
	const entries = Object.entries(values) as [MeasuredVitalKey, number | undefined][];
	const present = entries.filter((entry): entry is [MeasuredVitalKey, number] => entry[1] != null);
	if (present.length === 0) return [{ field: null, message: 'Enter at least one vital sign.' }];
	for (const [key, value] of present) {
		const message = vitalValueProblem(key, value, options.system);
		if (message) problems.push({ field: key, message });
	}
	// An implausible pressure already has its message; its order with the other adds nothing.
	const plausible = !problems.some((p) => p.field === 'systolic' || p.field === 'diastolic');
	const pair = bloodPressureProblem(values.systolic, values.diastolic, plausible);
	if (pair) problems.push(pair);
	const { headCircumference } = values;
	const age = options.age;
	if (headCircumference != null && age && age.years >= HEAD_CIRCUMFERENCE_MAX_AGE_YEARS) {
		problems.push({
			field: 'headCircumference',
			message: 'Head circumference is recorded only for children under 3.'
		});
	}
	return problems;
}

/** BMI in kg/m² to 0.1 from height and weight, or null when either is missing or age is under 2. */
export function computeBmi(
	heightCm: number | undefined,
	weightKg: number | undefined,
	age: Age | null
): number | null {
	if (heightCm == null || weightKg == null || !age || age.years < BMI_MIN_AGE_YEARS) return null;
	const metres = heightCm / 100;
	return roundTo(weightKg / (metres * metres), 1);
}
