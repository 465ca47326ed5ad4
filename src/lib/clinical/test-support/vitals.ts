/**
 * Small factories for clinical tests: a stored vitals set as the projection would hold it, and
 * the vitals form filled in as a nurse would, in metric or imperial units.
 */
import type { VitalsForm, VitalsSet } from '../vitals-schema';

type MetricForm = Extract<VitalsForm, { unitSystem: 'metric' }>;
type ImperialForm = Extract<VitalsForm, { unitSystem: 'imperial' }>;

/** A well-formed record id (a ULID) for the n-th test record. */
export function testId(n: number): string {
	return `01J${String(n).padStart(23, '0')}`;
}

/** The patient most clinical tests are about. */
export const PATIENT_ID = testId(900);

/** The nurse who takes the vitals in most tests. */
export const NURSE_ID = testId(901);

/** An adult's full set of vitals, canonical and rounded, taken by the test nurse. */
export function makeVitalsSet(n: number, overrides: Partial<VitalsSet> = {}): VitalsSet {
	return {
		id: testId(n),
		patientId: PATIENT_ID,
		takenAt: '2025-03-04T15:30:00.000Z',
		takenBy: NURSE_ID,
		unitSystem: 'metric',
		values: {
			systolic: 118,
			diastolic: 76,
			pulse: 72,
			respiratoryRate: 14,
			temperature: 36.8,
			spo2: 98,
			height: 172.5,
			weight: 68.4,
			pain: 0
		},
		notes: '',
		...overrides
	};
}

/** The vitals form in metric units with every box filled in. */
export function makeMetricForm(overrides: Partial<MetricForm> = {}): MetricForm {
	return {
		unitSystem: 'metric',
		takenAt: '2025-03-04T15:30:00.000Z',
		systolic: 118,
		diastolic: 76,
		pulse: 72,
		respiratoryRate: 14,
		temperature: 36.8,
		spo2: 98,
		height: 172.5,
		weight: 68.4,
		headCircumference: null,
		pain: 0,
		notes: '',
		...overrides
	};
}

/** The vitals form in imperial units (°F, ft + in, lb + oz) with every box filled in. */
export function makeImperialForm(overrides: Partial<ImperialForm> = {}): ImperialForm {
	return {
		unitSystem: 'imperial',
		takenAt: '2025-03-04T15:30:00.000Z',
		systolic: 118,
		diastolic: 76,
		pulse: 72,
		respiratoryRate: 14,
		temperature: 98.6,
		spo2: 98,
		height: { ft: 5, in: 8 },
		weight: { lb: 150, oz: 8 },
		headCircumference: null,
		pain: 0,
		notes: '',
		...overrides
	};
}
