/** Factories for medical-history tests: who recorded an item about whom, and when. */
import type { HistoryItem } from '../history-schema';
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

/** Fields every stored kind has, as a freshly recorded item holds them. */
const FRESH = { notes: '', updatedAt: null, updatedBy: null, enteredInError: null } as const;

/** Well-formed stored items of each kind, the n-th one, with `overrides` applied. */
export const storedItems = {
	problem: (n: number, overrides: Partial<Extract<HistoryItem, { kind: 'problem' }>> = {}) =>
		({
			kind: 'problem',
			...recorded(n),
			...FRESH,
			name: 'Essential hypertension',
			icd10: 'I10',
			onset: '2019',
			status: 'active',
			resolved: '',
			...overrides
		}) satisfies HistoryItem,
	allergy: (n: number, overrides: Partial<Extract<HistoryItem, { kind: 'allergy' }>> = {}) =>
		({
			kind: 'allergy',
			...recorded(n),
			...FRESH,
			substance: 'Penicillin',
			category: 'drug',
			reactions: ['hives'],
			reaction: '',
			severity: 'moderate',
			onset: '',
			...overrides
		}) satisfies HistoryItem,
	noKnownAllergies: (
		n: number,
		overrides: Partial<Extract<HistoryItem, { kind: 'no-known-allergies' }>> = {}
	) =>
		({
			kind: 'no-known-allergies',
			...recorded(n),
			...FRESH,
			superseded: null,
			...overrides
		}) satisfies HistoryItem,
	social: (n: number, overrides: Partial<Extract<HistoryItem, { kind: 'social' }>> = {}) =>
		({
			kind: 'social',
			...recorded(n),
			...FRESH,
			smoking: 'never',
			alcohol: 'occasional',
			drinksPerWeek: null,
			...overrides
		}) satisfies HistoryItem
};
