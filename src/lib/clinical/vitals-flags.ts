// Abnormal-value flags for single vitals. Pulse and respiratory rate use the PALS ranges by age
// band (adult ranges from 18); critical thresholds follow PALS (bradycardia under 60, SVT rates,
// breathing over 60 at any age) for children and NEWS2's extreme scores for adolescents and
// adults. Height, weight and head circumference need growth percentiles and are not flagged.
import { ageBand } from './age';
import type { Age, AgeBand } from './age';
import { assessBloodPressure } from './blood-pressure';
import { NOT_FLAGGED, assessRange } from './reference-range';
import type { ReferenceRange, VitalAssessment } from './reference-range';
import type { VitalKey } from './vitals-catalog';
import type { VitalValues } from './vitals-rules';

/** Usual pulse (beats/min) by age band. */
export const PULSE_RANGES: Record<AgeBand, ReferenceRange> = {
	neonate: { min: 100, max: 205, criticalBelow: 60, criticalFrom: 220 },
	infant: { min: 100, max: 180, criticalBelow: 60, criticalFrom: 220 },
	toddler: { min: 98, max: 140, criticalBelow: 60, criticalFrom: 180 },
	preschool: { min: 80, max: 120, criticalBelow: 60, criticalFrom: 180 },
	'school-age': { min: 75, max: 118, criticalBelow: 60, criticalFrom: 180 },
	adolescent: { min: 60, max: 100, criticalBelow: 41, criticalFrom: 131 },
	adult: { min: 60, max: 100, criticalBelow: 41, criticalFrom: 131 }
};

/** Usual respiratory rate (breaths/min) by age band. */
export const RESPIRATORY_RATE_RANGES: Record<AgeBand, ReferenceRange> = {
	neonate: { min: 30, max: 53, criticalFrom: 61 },
	infant: { min: 30, max: 53, criticalFrom: 61 },
	toddler: { min: 22, max: 37, criticalFrom: 61 },
	preschool: { min: 20, max: 28, criticalFrom: 61 },
	'school-age': { min: 18, max: 25, criticalFrom: 61 },
	adolescent: { min: 12, max: 20, criticalBelow: 9, criticalFrom: 25 },
	adult: { min: 12, max: 20, criticalBelow: 9, criticalFrom: 25 }
};

/** Temperature thresholds in °C. */
export const TEMPERATURE = { fever: 38, highFever: 40, hypothermia: 35, severeHypothermia: 32 };

/** A newborn is cold below this temperature (°C), per WHO thermal-care guidance. */
export const NEONATE_HYPOTHERMIA = 36.5;

/** A fever before this age in days needs prompt review, whatever else is found. */
export const YOUNG_INFANT_DAYS = 90;

function assessTemperature(celsius: number, age: Age | null): VitalAssessment {
	if (celsius < TEMPERATURE.severeHypothermia) {
		return { flag: 'critical-low', message: 'Moderate to severe hypothermia.' };
	}
	if (celsius < TEMPERATURE.hypothermia) return { flag: 'low', message: 'Hypothermia.' };
	if (age && age.days < 28 && celsius < NEONATE_HYPOTHERMIA) {
		return { flag: 'low', message: 'Below the usual temperature for a newborn.' };
	}
	if (celsius >= TEMPERATURE.highFever) return { flag: 'critical-high', message: 'High fever.' };
	if (celsius < TEMPERATURE.fever) return NOT_FLAGGED;
	if (age && age.days < YOUNG_INFANT_DAYS) {
		return {
			flag: 'critical-high',
			message: 'Fever in an infant under 3 months needs prompt review.'
		};
	}
	return { flag: 'high', message: 'Fever.' };
}

function assessSpo2(percent: number): VitalAssessment {
	if (percent < 90) return { flag: 'critical-low', message: 'Oxygen saturation under 90%.' };
	if (percent < 92) return { flag: 'low', message: 'Low oxygen saturation.' };
	return NOT_FLAGGED;
}

/** The adult BMI categories (WHO/CDC), lowest first. */
export const BMI_CATEGORIES = ['underweight', 'healthy', 'overweight', 'obese'] as const;

export type BmiCategory = (typeof BMI_CATEGORIES)[number];

/** What each BMI category is called on screen. */
export const BMI_CATEGORY_LABELS: Record<BmiCategory, string> = {
	underweight: 'Underweight',
	healthy: 'Healthy weight',
	overweight: 'Overweight',
	obese: 'Obesity'
};

/** The adult category of a BMI (kg/m²); children need BMI-for-age percentiles instead. */
export function bmiCategory(bmi: number): BmiCategory {
	if (bmi < 18.5) return 'underweight';
	if (bmi < 25) return 'healthy';
	if (bmi < 30) return 'overweight';
	return 'obese';
}

function assessBmi(bmi: number, age: Age | null): VitalAssessment {
	if (!age || ageBand(age) !== 'adult') return NOT_FLAGGED;
	const category = bmiCategory(bmi);
	if (category === 'healthy') return NOT_FLAGGED;
	const flag = category === 'underweight' ? 'low' : 'high';
	return { flag, message: `${BMI_CATEGORY_LABELS[category]}.` };
}

function assessPain(score: number): VitalAssessment {
	if (score >= 7) return { flag: 'high', message: 'Severe pain.' };
	if (score >= 4) return { flag: 'high', message: 'Moderate pain.' };
	return NOT_FLAGGED;
}

function assessByAge(
	value: number,
	ranges: Record<AgeBand, ReferenceRange>,
	age: Age | null,
	subject: string
): VitalAssessment {
	if (!age) return NOT_FLAGGED;
	const band = ageBand(age);
	return assessRange(value, ranges[band], band, subject, '/min');
}

/** Flags one reading in canonical units; blood pressure is judged as a pair (see below). */
export function assessVital(key: VitalKey, value: number, age: Age | null): VitalAssessment {
	switch (key) {
		case 'pulse':
			return assessByAge(value, PULSE_RANGES, age, 'Pulse');
		case 'respiratoryRate':
			return assessByAge(value, RESPIRATORY_RATE_RANGES, age, 'Respiratory rate');
		case 'temperature':
			return assessTemperature(value, age);
		case 'spo2':
			return assessSpo2(value);
		case 'bmi':
			return assessBmi(value, age);
		case 'pain':
			return assessPain(value);
		default:
			return NOT_FLAGGED;
	}
}

/** Where a set's flags are kept: by vital, and blood pressure as one pair. */
export type VitalFlags = Partial<Record<VitalKey | 'bloodPressure', VitalAssessment>>;

/** The flagged readings of a set with its computed `bmi`; unflagged readings are left out. */
export function flagVitals(values: VitalValues, bmi: number | null, age: Age | null): VitalFlags {
	const found: VitalFlags = {};
	const { systolic, diastolic } = values;
	if (systolic != null && diastolic != null) {
		const bp = assessBloodPressure(systolic, diastolic, age);
		if (bp.flag) found.bloodPressure = bp;
	}
	const readings = Object.entries({ ...values, bmi }) as [VitalKey, number | null | undefined][];
	for (const [key, value] of readings) {
		if (value == null) continue;
		const assessment = assessVital(key, value, age);
		if (assessment.flag) found[key] = assessment;
	}
	return found;
}
