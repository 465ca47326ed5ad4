/**
 * The Record vitals form as the dialog holds it — every box as typed text, both unit systems —
 * and how it becomes the command's input and what the history shows. Text boxes keep what a
 * person typed (even '98,6'), so the schema, not the browser, says what is wrong. The time taken
 * is a wall-clock time in the office's time zone; the command gets the UTC instant it stands for.
 */
import type { Age } from '$lib/clinical/age';
import type { CorrectVitalsInput, RecordVitalsInput } from '$lib/clinical/commands';
import type { VitalsSet } from '$lib/clinical/queries';
import { cmToFeetInches, kgToPoundsOunces, toDisplay } from '$lib/clinical/units';
import { displayUnit, type UnitSystem, type VitalKey } from '$lib/clinical/vitals-catalog';
import { instantToWallTime, wallTimeToInstant } from '$lib/schedule/zoned-time';

/** Children younger than this are weighed in pounds and ounces, measured in inches alone. */
export const OUNCES_MAX_AGE_YEARS = 3;

export interface VitalsFormState {
	unitSystem: UnitSystem;
	/** 'YYYY-MM-DDTHH:MM' in the office's time zone, as a datetime-local box holds it. */
	takenAt: string;
	systolic: string;
	diastolic: string;
	pulse: string;
	respiratoryRate: string;
	temperature: string;
	spo2: string;
	heightCm: string;
	heightFt: string;
	heightIn: string;
	weightKg: string;
	weightLb: string;
	weightOz: string;
	headCircumference: string;
	pain: number | null;
	notes: string;
	/** Why the set being corrected was wrong; unused when recording a new set. */
	reason: string;
}

/** The office's zone, or this device's when the office has not set one. */
const zone = (timeZone?: string) => timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `instant` as a datetime-local value in the office's time zone. */
export function localTakenAt(instant: string | Date, timeZone?: string): string {
	const time = typeof instant === 'string' ? instant : instant.toISOString();
	const { date, time: clock } = instantToWallTime(time, zone(timeZone));
	return `${date}T${clock}`;
}

/** Whether 'YYYY-MM-DD' and 'HH:MM' exist (Date.parse would roll Feb 30 over to March). */
function onCalendar(date: string, time: string): boolean {
	const iso = `${date}T${time}:00.000Z`;
	const parsed = Date.parse(iso);
	return !Number.isNaN(parsed) && new Date(parsed).toISOString() === iso;
}

/**
 * The instant a datetime-local value stands for in the office's time zone; undefined when blank
 * (the command then takes now), the text itself when malformed (the schema then says so).
 */
export function takenAtInstant(local: string, timeZone?: string): string | undefined {
	const trimmed = local.trim();
	if (trimmed === '') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(trimmed);
	if (!match || !onCalendar(match[1], match[2])) return trimmed;
	return wallTimeToInstant({ date: match[1], time: match[2] }, zone(timeZone));
}

/** An empty form in the given units, taken at `now`. */
export function blankVitalsForm(
	unitSystem: UnitSystem = 'imperial',
	now: Date = new Date(),
	timeZone?: string
): VitalsFormState {
	return {
		unitSystem,
		takenAt: localTakenAt(now, timeZone),
		systolic: '',
		diastolic: '',
		pulse: '',
		respiratoryRate: '',
		temperature: '',
		spo2: '',
		heightCm: '',
		heightFt: '',
		heightIn: '',
		weightKg: '',
		weightLb: '',
		weightOz: '',
		headCircumference: '',
		pain: null,
		notes: '',
		reason: ''
	};
}

/** Whether a child of `age` is weighed in pounds and ounces (false when age is unknown). */
export function weighedInOunces(age: Age | null): boolean {
	return age !== null && age.years < OUNCES_MAX_AGE_YEARS;
}

/** A stored set as the form shows it, in the units it was entered in: a correction's start. */
export function vitalsFormOf(set: VitalsSet, age: Age | null, timeZone?: string): VitalsFormState {
	const system = set.unitSystem;
	// Metric shows the stored value itself; imperial what was typed (stored values round-trip).
	const text = (key: VitalKey) => {
		const value = set.values[key as keyof VitalsSet['values']];
		if (value == null) return '';
		return String(system === 'metric' ? value : toDisplay(key, value, system));
	};
	const form = { ...blankVitalsForm(system, new Date(set.takenAt), timeZone), notes: set.notes };
	for (const key of ['systolic', 'diastolic', 'pulse', 'respiratoryRate'] as const) {
		form[key] = text(key);
	}
	form.temperature = text('temperature');
	form.spo2 = text('spo2');
	form.headCircumference = text('headCircumference');
	form.pain = set.values.pain ?? null;
	const { height, weight } = set.values;
	if (system === 'metric') return { ...form, heightCm: text('height'), weightKg: text('weight') };
	if (height != null && weighedInOunces(age)) form.heightIn = text('height');
	else if (height != null) {
		const { ft, in: inches } = cmToFeetInches(height);
		Object.assign(form, { heightFt: ft ? String(ft) : '', heightIn: String(inches) });
	}
	if (weight != null && weighedInOunces(age)) {
		const { lb, oz } = kgToPoundsOunces(weight);
		Object.assign(form, { weightLb: String(lb), weightOz: String(oz) });
	} else form.weightLb = text('weight');
	return form;
}

/** '' → not measured; anything else a number (NaN for text, which the schema refuses). */
function num(text: string): number | null {
	const trimmed = text.trim();
	return trimmed === '' ? null : Number(trimmed);
}

/** The record-vitals command's input, the time taken as a UTC instant. */
export function vitalsInput(form: VitalsFormState, timeZone?: string): RecordVitalsInput {
	const common = {
		takenAt: takenAtInstant(form.takenAt, timeZone),
		systolic: num(form.systolic),
		diastolic: num(form.diastolic),
		pulse: num(form.pulse),
		respiratoryRate: num(form.respiratoryRate),
		temperature: num(form.temperature),
		spo2: num(form.spo2),
		headCircumference: num(form.headCircumference),
		pain: form.pain,
		notes: form.notes
	};
	if (form.unitSystem === 'metric') {
		return {
			unitSystem: 'metric',
			...common,
			height: num(form.heightCm),
			weight: num(form.weightKg)
		};
	}
	const ft = num(form.heightFt);
	const inches = num(form.heightIn);
	const lb = num(form.weightLb);
	const oz = num(form.weightOz);
	return {
		unitSystem: 'imperial',
		...common,
		height: ft == null && inches == null ? null : { ft, in: inches },
		weight: lb == null && oz == null ? null : { lb, oz }
	};
}

/** The correct-vitals command's input: the new set and why the old one was wrong. */
export function correctionInput(form: VitalsFormState, timeZone?: string): CorrectVitalsInput {
	return { ...vitalsInput(form, timeZone), reason: form.reason };
}

/**
 * A canonical reading as the history shows it in `system`, with its unit: '5 ft 6 in',
 * '150 lb', and for a small child (age at the time) '20 in' and '7 lb 8 oz'.
 */
export function vitalText(
	key: VitalKey,
	value: number,
	system: UnitSystem,
	age: Age | null = null
): string {
	if (key === 'height' && system === 'imperial' && !weighedInOunces(age)) {
		const { ft, in: inches } = cmToFeetInches(value);
		return ft === 0 ? `${inches} in` : `${ft} ft ${inches} in`;
	}
	if (key === 'weight' && system === 'imperial' && weighedInOunces(age)) {
		const { lb, oz } = kgToPoundsOunces(value);
		return `${lb} lb ${oz} oz`;
	}
	const unit = displayUnit(key, system).display;
	const shown = toDisplay(key, value, system);
	return key === 'pain' ? `${shown}/10` : `${shown} ${unit}`;
}

/** When a set was taken, as the office reads it: 'Mar 4, 2025, 9:30 AM'. */
export function takenAtText(takenAt: string, timeZone?: string): string {
	return new Intl.DateTimeFormat('en-US', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(takenAt));
}
