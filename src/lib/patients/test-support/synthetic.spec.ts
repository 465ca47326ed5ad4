import { describe, expect, it } from 'vitest';
import { patientSchema } from '../schema';
import { syntheticPatients } from './synthetic';

describe('syntheticPatients', () => {
	const patients = syntheticPatients(2_000);

	it('makes valid stored patients with unique ids and MRNs', () => {
		for (const patient of patients) expect(patientSchema.parse(patient)).toEqual(patient);
		expect(new Set(patients.map((p) => p.id)).size).toBe(patients.length);
		expect(new Set(patients.map((p) => p.mrn)).size).toBe(patients.length);
	});

	it('is the same for the same seed and differs for another', () => {
		expect(syntheticPatients(50)).toEqual(patients.slice(0, 50));
		expect(syntheticPatients(50, 7)).not.toEqual(patients.slice(0, 50));
	});

	it('includes accents, nicknames, shared names and inactive patients', () => {
		expect(patients.some((p) => /[^\x20-\x7e]/.test(p.familyName))).toBe(true);
		expect(patients.some((p) => p.preferredName !== '')).toBe(true);
		expect(patients.some((p) => !p.active)).toBe(true);
		expect(patients.filter((p) => p.familyName === 'García').length).toBeGreaterThan(20);
	});
});
