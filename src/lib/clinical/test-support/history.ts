/** Factories for medical-history tests: who recorded an item about whom, and when. */
import { NURSE_ID, PATIENT_ID, testId } from './vitals';

/** The attribution of the n-th history item: the test patient, recorded by the test nurse. */
export function recorded(n: number) {
	return {
		id: testId(n),
		patientId: PATIENT_ID,
		recordedAt: '2025-03-04T15:45:00Z',
		recordedBy: NURSE_ID
	};
}
