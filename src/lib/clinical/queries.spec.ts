import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordVitals } from './commands';
import { importVitals } from './import';
import { chartVitals, trendSeries, vitalsOf } from './queries';
import { createClinicalOffice, type ClinicalOffice } from './test-support/clinical-office';
import { makeMetricForm, makeVitalsSet, PATIENT_ID, testId } from './test-support/vitals';

let office: ClinicalOffice;

beforeEach(async () => {
	office = await createClinicalOffice();
});

afterEach(async () => {
	await office.dispose();
});

const ADULT = { id: PATIENT_ID, dateOfBirth: '1980-06-01' };

describe('vitalsOf', () => {
	it('lists a patient’s sets newest first across years, with high blood pressure flagged', async () => {
		const command = recordVitals({ patientId: PATIENT_ID, birthDate: ADULT.dateOfBirth });
		await office.run(command, makeMetricForm({ takenAt: '2024-05-01T15:00:00.000Z' }));
		await office.run(
			command,
			makeMetricForm({ takenAt: '2025-05-01T15:00:00.000Z', systolic: 150, diastolic: 95 })
		);

		const sets = await vitalsOf(office.workspace, ADULT);

		expect(sets.map((set) => set.takenAt)).toEqual([
			'2025-05-01T15:00:00.000Z',
			'2024-05-01T15:00:00.000Z'
		]);
		expect(sets[0].flags.bloodPressure?.flag).toBe('high');
		expect(sets[1].flags.bloodPressure).toBeUndefined();
		expect(sets[0].bmi).toBe(23);
	});

	it('leaves out other patients’ sets', async () => {
		const other = testId(77);
		await office.run(importVitals, {
			sets: [makeVitalsSet(1), makeVitalsSet(2, { patientId: other })]
		});

		const sets = await vitalsOf(office.workspace, ADULT);

		expect(sets.map((set) => set.id)).toEqual([testId(1)]);
	});
});

describe('trendSeries', () => {
	it('gives one vital oldest first and skips sets that did not measure it', () => {
		const sets = [
			chartVitals(makeVitalsSet(1, { takenAt: '2025-02-01T10:00:00.000Z' })),
			chartVitals(makeVitalsSet(2, { takenAt: '2024-02-01T10:00:00.000Z', values: { pulse: 80 } })),
			chartVitals(makeVitalsSet(3, { takenAt: '2023-02-01T10:00:00.000Z' }))
		];

		expect(trendSeries(sets, 'weight')).toEqual([
			{ takenAt: '2023-02-01T10:00:00.000Z', value: 68.4 },
			{ takenAt: '2025-02-01T10:00:00.000Z', value: 68.4 }
		]);
	});
});
