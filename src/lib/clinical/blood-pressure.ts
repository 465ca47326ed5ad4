// Blood pressure is judged as a pair. From 13 years on, the ACC/AHA 2017 adult categories apply
// (the AAP 2017 guideline uses them for adolescents too). Younger children are compared with the
// PALS systolic ranges for their age band; their diastolic needs height percentiles and is not
// flagged here. At any age, 180/120 or higher is a crisis and PALS hypotension is critical.
import { ageBand } from './age';
import type { Age, AgeBand } from './age';
import { NOT_FLAGGED, assessRange } from './reference-range';
import type { ReferenceRange, VitalAssessment } from './reference-range';

/** The ACC/AHA 2017 blood pressure categories, lowest first. */
export const BP_CATEGORIES = ['normal', 'elevated', 'stage-1', 'stage-2', 'crisis'] as const;

export type BpCategory = (typeof BP_CATEGORIES)[number];

/** What each category is called on screen. */
export const BP_CATEGORY_LABELS: Record<BpCategory, string> = {
	normal: 'Normal',
	elevated: 'Elevated',
	'stage-1': 'Stage 1 hypertension',
	'stage-2': 'Stage 2 hypertension',
	crisis: 'Hypertensive crisis'
};

/** Usual systolic pressure (mm Hg) for children under 13, from the PALS tables. */
export const CHILD_SYSTOLIC_RANGES: Record<
	Exclude<AgeBand, 'adolescent' | 'adult'>,
	ReferenceRange
> = {
	neonate: { min: 67, max: 84 },
	infant: { min: 72, max: 104 },
	toddler: { min: 86, max: 106 },
	preschool: { min: 89, max: 112 },
	'school-age': { min: 97, max: 120 }
};

/** The category of an adult (or adolescent) reading; the higher of the two pressures decides. */
export function bloodPressureCategory(systolic: number, diastolic: number): BpCategory {
	if (systolic >= 180 || diastolic >= 120) return 'crisis';
	if (systolic >= 140 || diastolic >= 90) return 'stage-2';
	if (systolic >= 130 || diastolic >= 80) return 'stage-1';
	if (systolic >= 120) return 'elevated';
	return 'normal';
}

/** The systolic pressure below which PALS calls it hypotension at `age`. */
export function hypotensionBelow(age: Age): number {
	if (age.days < 28) return 60;
	if (age.years < 1) return 70;
	if (age.years <= 10) return 70 + 2 * age.years;
	return 90;
}

const CATEGORY_MESSAGES: Record<Exclude<BpCategory, 'normal' | 'crisis'>, string> = {
	elevated: 'Elevated blood pressure.',
	'stage-1': 'In the stage 1 hypertension range.',
	'stage-2': 'In the stage 2 hypertension range.'
};

/** Flags a reading for a patient of `age`; with the age unknown only a crisis is flagged. */
export function assessBloodPressure(
	systolic: number,
	diastolic: number,
	age: Age | null
): VitalAssessment {
	const category = bloodPressureCategory(systolic, diastolic);
	if (category === 'crisis') {
		return { flag: 'critical-high', message: 'Hypertensive crisis (180/120 or higher).' };
	}
	if (!age) return NOT_FLAGGED;
	const floor = hypotensionBelow(age);
	if (systolic < floor) {
		return {
			flag: 'critical-low',
			message: `Hypotension: systolic pressure under ${floor} mm Hg at this age.`
		};
	}
	const band = ageBand(age);
	if (band === 'adolescent' || band === 'adult') {
		return category === 'normal'
			? NOT_FLAGGED
			: { flag: 'high', message: CATEGORY_MESSAGES[category] };
	}
	return assessRange(systolic, CHILD_SYSTOLIC_RANGES[band], band, 'Systolic pressure', 'mm Hg');
}
