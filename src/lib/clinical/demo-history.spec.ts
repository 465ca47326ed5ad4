import { describe, expect, it } from 'vitest';
import { demoHistory } from './demo-history';
import { historyYear } from './history-collections';
import { groupHistory } from './history-queries';
import { historyItemSchema, type HistoryItem } from './history-schema';
import { testId } from './test-support/vitals';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const patients = Array.from({ length: 2000 }, (_, n) => ({
	id: testId(n),
	mrn: `P${String(n).padStart(7, '0')}`,
	dateOfBirth: n % 10 === 0 ? '2019-01-15' : n % 3 === 0 ? '1948-05-20' : '1985-09-02',
	sexAssignedAtBirth: n % 2 === 0 ? 'female' : 'male'
}));
const staff = [
	{ id: testId(9000), role: 'physician' },
	{ id: testId(9001), role: 'registered-nurse' },
	{ id: testId(9002), role: 'medical-assistant' }
];

describe('demoHistory', () => {
	const items = demoHistory(patients, staff, NOW);
	const byPatient = new Map<string, HistoryItem[]>();
	for (const item of items)
		byPatient.set(item.patientId, [...(byPatient.get(item.patientId) ?? []), item]);

	it('gives a few hundred patients histories that pass the stored schema', () => {
		expect(byPatient.size).toBeGreaterThan(350);
		expect(byPatient.size).toBeLessThan(520);
		for (const item of items) {
			const parsed = historyItemSchema.safeParse(item);
			expect(parsed.success, JSON.stringify(item)).toBe(true);
			expect(item.recordedAt < NOW.toISOString()).toBe(true);
		}
	});

	it('files every item in the year it was recorded, with ids that never repeat', () => {
		for (const item of items) expect(historyYear(item.id)).toBe(item.recordedAt.slice(0, 4));
		expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
	});

	it('has intake staff record them, never the physician', () => {
		const recorders = new Set(items.map((item) => item.recordedBy));
		expect([...recorders].sort()).toEqual([testId(9001), testId(9002)]);
	});

	it('covers every kind and shows allergies, NKA and unrecorded allergy lists', () => {
		const kinds = new Set(items.map((item) => item.kind));
		expect([...kinds].sort()).toEqual(
			[
				'allergy',
				'family',
				'medication',
				'no-known-allergies',
				'problem',
				'social',
				'surgery'
			].sort()
		);
		const statuses = new Set([...byPatient.values()].map((own) => groupHistory(own).allergyStatus));
		expect([...statuses].sort()).toEqual(['has-allergies', 'no-known-allergies', 'not-recorded']);
	});

	it('gives no child a Cesarean section or a drink, and no man a Cesarean section', () => {
		const child = new Set(patients.filter((_, n) => n % 10 === 0).map((patient) => patient.id));
		const men = new Set(patients.filter((_, n) => n % 2 === 1).map((patient) => patient.id));
		for (const item of items) {
			if (item.kind === 'surgery' && item.procedure === 'Cesarean section') {
				expect(child.has(item.patientId) || men.has(item.patientId)).toBe(false);
			}
			if (item.kind === 'social' && child.has(item.patientId)) expect(item.alcohol).toBe('none');
		}
	});

	it('gives the same items for the same seed', () => {
		expect(demoHistory(patients, staff, NOW)).toEqual(items);
	});
});
