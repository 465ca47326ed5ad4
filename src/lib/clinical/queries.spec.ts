import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importVitals } from './import';
import { recordVitals } from './commands';
import { chartVitals, trendSeries, vitalsOf, watchVitals, type ChartedVitals } from './queries';
import {
	createClinicalOffice,
	TEST_NOW,
	type ClinicalOffice
} from './test-support/clinical-office';
import { makeMetricForm, makeVitalsSet, NURSE_ID, PATIENT_ID, testId } from './test-support/vitals';

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
		const values = makeVitalsSet(0).values;
		await office.run(importVitals, {
			sets: [
				makeVitalsSet(1, { takenAt: '2024-05-01T15:00:00.000Z' }),
				makeVitalsSet(2, {
					takenAt: '2025-05-01T15:00:00.000Z',
					values: { ...values, systolic: 150, diastolic: 95 }
				})
			]
		});

		const sets = await vitalsOf(office.workspace, ADULT);

		expect(sets.map((set) => set.takenAt)).toEqual([
			'2025-05-01T15:00:00.000Z',
			'2024-05-01T15:00:00.000Z'
		]);
		expect(sets[0].flags.bloodPressure?.flag).toBe('high');
		expect(sets[1].flags.bloodPressure).toBeUndefined();
		expect(sets[0].bmi).toBe(23);
		expect(sets[0].age?.years).toBe(44);
	});

	it('leaves out other patients’ sets', async () => {
		const other = testId(77);
		await office.run(importVitals, {
			sets: [makeVitalsSet(1), makeVitalsSet(2, { patientId: other })]
		});

		const sets = await vitalsOf(office.workspace, ADULT);

		expect(sets.map((set) => set.id)).toEqual([testId(1)]);
	});

	it('includes the sets of patient records merged into this one', async () => {
		const merged = testId(78);
		await office.run(importVitals, {
			sets: [
				makeVitalsSet(1),
				makeVitalsSet(2, { patientId: merged, takenAt: '2025-01-04T15:30:00.000Z' }),
				makeVitalsSet(3, { patientId: testId(79) })
			]
		});

		const sets = await vitalsOf(office.workspace, { ...ADULT, mergedIds: [merged] });

		expect(sets.map((set) => set.id)).toEqual([testId(1), testId(2)]);
	});

	it('lists a set entered in error with its mark', async () => {
		const enteredInError = {
			at: '2025-03-05T10:00:00.000Z',
			by: NURSE_ID,
			reason: 'Wrong patient'
		};
		await office.run(importVitals, { sets: [makeVitalsSet(1, { enteredInError })] });

		const [set] = await vitalsOf(office.workspace, ADULT);

		expect(set.enteredInError).toEqual(enteredInError);
	});
});

describe('watchVitals', () => {
	it('lets a chart that refreshes as a set is written see the first set of the year', async () => {
		const seen: Promise<ChartedVitals[]>[] = [];
		const stop = await watchVitals(office.workspace, () => {
			seen.push(vitalsOf(office.workspace, ADULT));
		});
		const command = recordVitals({ patientId: PATIENT_ID }, () => TEST_NOW);

		const id = await office.run(command, makeMetricForm({ takenAt: TEST_NOW.toISOString() }));
		stop();

		expect(seen.length).toBeGreaterThan(0);
		expect((await seen[0]).map((set) => set.id)).toEqual([id]);
	});
});

describe('trendSeries', () => {
	it('leaves out sets entered in error', () => {
		const enteredInError = { at: '2025-03-05T10:00:00.000Z', by: NURSE_ID, reason: 'Typo' };
		const sets = [
			chartVitals(makeVitalsSet(1, { takenAt: '2025-02-01T10:00:00.000Z' })),
			chartVitals(
				makeVitalsSet(2, {
					takenAt: '2025-02-02T10:00:00.000Z',
					values: { weight: 6.8 },
					enteredInError
				})
			)
		];

		expect(trendSeries(sets, 'weight')).toEqual([
			{ takenAt: '2025-02-01T10:00:00.000Z', value: 68.4 }
		]);
	});

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
