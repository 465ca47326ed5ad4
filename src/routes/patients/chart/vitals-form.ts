/**
 * The Record vitals form as the dialog holds it — every box as typed text, both unit systems —
 * and how it becomes the command's input and what the history shows. Text boxes keep what a
 * person typed (even '98,6'), so the schema, not the browser, says what is wrong.
 */
import type { RecordVitalsInput } from '$lib/clinical/commands';
import { cmToFeetInches, toDisplay } from '$lib/clinical/units';
import { displayUnit, type UnitSystem, type VitalKey } from '$lib/clinical/vitals-catalog';

export interface VitalsFormState {
	unitSystem: UnitSystem;
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
	headCircumference: string;
	pain: number | null;
	notes: string;
}

/** An empty form in the given units. */
export function blankVitalsForm(unitSystem: UnitSystem = 'imperial'): VitalsFormState {
	return {
		unitSystem,
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
		headCircumference: '',
		pain: null,
		notes: ''
	};
}

/** '' → not measured; anything else a number (NaN for text, which the schema refuses). */
function num(text: string): number | null {
	const trimmed = text.trim();
	return trimmed === '' ? null : Number(trimmed);
}

/** The command's input; `takenAt` is left out so the set is taken now. */
export function vitalsInput(form: VitalsFormState): RecordVitalsInput {
	const common = {
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
	return {
		unitSystem: 'imperial',
		...common,
		height: ft == null && inches == null ? null : { ft, in: inches },
		weight: lb == null ? null : { lb, oz: null }
	};
}

/** A canonical reading as the history shows it in `system`, with its unit: '5 ft 6 in', '150 lb'. */
export function vitalText(key: VitalKey, value: number, system: UnitSystem): string {
	if (key === 'height' && system === 'imperial') {
		const { ft, in: inches } = cmToFeetInches(value);
		return ft === 0 ? `${inches} in` : `${ft} ft ${inches} in`;
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
