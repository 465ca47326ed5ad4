// How a reading compares with a reference range for the patient's age band. A reading outside
// the usual range is flagged low or high; one past a critical threshold is flagged critical.
// Flags inform, never block: the reading is stored as taken.
import type { AgeBand } from './age';

/** How a reading compares with its reference range (null: within it). */
export type VitalFlag = 'low' | 'high' | 'critical-low' | 'critical-high';

/** A flag and the sentence shown beside the reading ('' when not flagged). */
export interface VitalAssessment {
	flag: VitalFlag | null;
	message: string;
}

/** The assessment of a reading that is not flagged. */
export const NOT_FLAGGED: VitalAssessment = { flag: null, message: '' };

/** Usual values `min`–`max` inclusive; below `criticalBelow` or from `criticalFrom` up is critical. */
export interface ReferenceRange {
	min: number;
	max: number;
	criticalBelow?: number;
	criticalFrom?: number;
}

/** How messages name someone in each age band ('above the usual range for a toddler'). */
export const AGE_BAND_PHRASES: Record<AgeBand, string> = {
	neonate: 'a newborn',
	infant: 'an infant',
	toddler: 'a toddler',
	preschool: 'a preschool child',
	'school-age': 'a school-age child',
	adolescent: 'an adolescent',
	adult: 'an adult'
};

/** Flags `value` against `range`; `subject` and `unit` word the message ('Pulse', '/min'). */
export function assessRange(
	value: number,
	range: ReferenceRange,
	band: AgeBand,
	subject: string,
	unit: string
): VitalAssessment {
	const usual = `the usual range for ${AGE_BAND_PHRASES[band]} (${range.min}–${range.max} ${unit})`;
	if (range.criticalBelow !== undefined && value < range.criticalBelow) {
		return { flag: 'critical-low', message: `${subject} is far below ${usual}.` };
	}
	if (range.criticalFrom !== undefined && value >= range.criticalFrom) {
		return { flag: 'critical-high', message: `${subject} is far above ${usual}.` };
	}
	if (value < range.min) return { flag: 'low', message: `${subject} is below ${usual}.` };
	if (value > range.max) return { flag: 'high', message: `${subject} is above ${usual}.` };
	return NOT_FLAGGED;
}
