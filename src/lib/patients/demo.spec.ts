import { describe, expect, it } from 'vitest';
import { demoPatients, DEMO_PATIENT_COUNT } from './demo';
import { importedPatientSchema } from './import';

describe('demoPatients', () => {
	it('gives the same patients every time', () => {
		expect(demoPatients()).toEqual(demoPatients());
		expect(demoPatients(1, 5)).not.toEqual(demoPatients(2, 5));
	});

	it('makes patients and policies that pass the registration and insurance forms', () => {
		const patients = demoPatients();
		expect(patients).toHaveLength(DEMO_PATIENT_COUNT);
		for (const patient of patients) {
			const result = importedPatientSchema.safeParse(patient);
			expect(result.error?.issues ?? []).toEqual([]);
		}
	});

	it('includes accented names, other languages, Medicare and patients without insurance', () => {
		const patients = demoPatients();
		const names = patients.map(({ patient }) => `${patient.givenName} ${patient.familyName}`);
		expect(names.some((name) => /[^\p{ASCII}]/u.test(name))).toBe(true);
		expect(patients.some(({ patient }) => patient.preferredLanguage === 'es')).toBe(true);
		const payers = patients.flatMap(({ policies = [] }) => policies.map((p) => p.payerName));
		expect(payers).toContain('Medicare');
		expect(payers).toContain('Illinois Medicaid');
		expect(patients.some(({ policies = [] }) => policies.length === 0)).toBe(true);
	});
});
