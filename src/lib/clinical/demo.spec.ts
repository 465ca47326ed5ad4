import { describe, expect, it } from 'vitest';
import { demoVitals } from './demo';
import { vitalsSetSchema } from './vitals-schema';
import { testId } from './test-support/vitals';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const patients = Array.from({ length: 2100 }, (_, n) => ({
	id: testId(n),
	mrn: `P${String(n).padStart(7, '0')}`,
	dateOfBirth: n % 10 === 0 ? '2025-01-15' : '1970-05-20'
}));

describe('demoVitals', () => {
	const sets = demoVitals(patients, testId(9999), NOW);

	it('gives about 300 patients one to six plausible sets in the past three years', () => {
		const perPatient = new Map<string, number>();
		for (const set of sets) perPatient.set(set.patientId, (perPatient.get(set.patientId) ?? 0) + 1);
		expect(perPatient.size).toBeGreaterThan(250);
		expect(perPatient.size).toBeLessThan(320);
		expect(Math.max(...perPatient.values())).toBeLessThanOrEqual(6);
		for (const set of sets) {
			expect(vitalsSetSchema.safeParse(set).success).toBe(true);
			expect(set.takenAt < NOW.toISOString()).toBe(true);
			expect(set.takenAt > '2023-11-01').toBe(true);
		}
	});

	it('measures babies’ head circumference and never before birth', () => {
		const babies = sets.filter((set) => set.values.headCircumference != null);
		expect(babies.length).toBeGreaterThan(0);
		for (const set of babies) expect(set.takenAt > '2025-01-15').toBe(true);
	});

	it('gives the same sets for the same seed', () => {
		expect(demoVitals(patients, testId(9999), NOW)).toEqual(sets);
	});
});
