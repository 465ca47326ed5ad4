import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importHistory } from './history-import';
import { groupHistory, patientHistory } from './history-queries';
import { clinicalYears } from './queries';
import type { HistoryItem } from './history-schema';
import { createClinicalOffice, type ClinicalOffice } from './test-support/clinical-office';
import { storedItems } from './test-support/history';
import { PATIENT_ID, testId } from './test-support/vitals';

const ids = (items: readonly HistoryItem[]) => items.map((item) => item.id);
const at = (day: string) => ({ recordedAt: `${day}T15:00:00Z` });

describe('groupHistory', () => {
	it('puts current items first and earlier ones after, each newest recorded first', () => {
		const history = groupHistory([
			storedItems.problem(1, at('2023-01-01')),
			storedItems.problem(2, { ...at('2024-01-01'), status: 'resolved', resolved: '2024' }),
			storedItems.problem(3, at('2025-01-01')),
			storedItems.problem(4, { ...at('2025-06-01'), status: 'resolved', resolved: '2025' })
		]);

		expect(ids(history.problem.current)).toEqual([testId(3), testId(1)]);
		expect(ids(history.problem.earlier)).toEqual([testId(4), testId(2)]);
	});

	it('orders items recorded at the same moment by id, newest first', () => {
		const history = groupHistory([storedItems.problem(1), storedItems.problem(2)]);

		expect(ids(history.problem.current)).toEqual([testId(2), testId(1)]);
	});

	it('takes the newest social history as current and keeps older ones as earlier', () => {
		const history = groupHistory([
			storedItems.social(1, { ...at('2023-01-01'), smoking: 'current-every-day' }),
			storedItems.social(2, { ...at('2025-01-01'), smoking: 'former' }),
			storedItems.social(3, {
				...at('2026-01-01'),
				enteredInError: { at: '2026-01-02T09:00:00Z', by: testId(901), reason: '' }
			})
		]);

		expect(ids(history.social.current)).toEqual([testId(2)]);
		expect(ids(history.social.earlier)).toEqual([testId(1)]);
		expect(ids(history.social.enteredInError)).toEqual([testId(3)]);
	});

	it('lists “no known allergies” with the allergies and reports a conflict when both stand', () => {
		const history = groupHistory([storedItems.allergy(1), storedItems.noKnownAllergies(2)]);

		expect(ids(history.allergy.current)).toEqual([testId(2), testId(1)]);
		expect(history.allergyStatus).toBe('conflicting');
	});

	it('says allergies are not recorded when nothing stands', () => {
		const struck = { at: '2025-03-05T09:00:00Z', by: testId(901), reason: '' };
		const history = groupHistory([storedItems.allergy(1, { enteredInError: struck })]);

		expect(history.allergyStatus).toBe('not-recorded');
		expect(history.allergy.current).toEqual([]);
	});
});

describe('patientHistory', () => {
	let office: ClinicalOffice;

	beforeEach(async () => {
		office = await createClinicalOffice();
	});

	afterEach(async () => {
		await office.dispose();
	});

	it('reads every year and the records merged into the patient, leaving out others', async () => {
		const merged = testId(77);
		const stranger = testId(78);
		await office.run(importHistory, {
			items: [
				storedItems.problem(1),
				// Ids made in 2025 and 2026, so the items sit in those years' documents.
				storedItems.allergy(2, { id: '01JN7G1C000000000000000000', patientId: merged }),
				storedItems.problem(3, { id: '01KJKB3Q000000000000000000', patientId: merged }),
				storedItems.problem(4, { patientId: stranger })
			]
		});

		const history = await patientHistory(office.workspace, { id: PATIENT_ID, mergedIds: [merged] });

		expect(ids(history.problem.current).sort()).toEqual(
			[testId(1), '01KJKB3Q000000000000000000'].sort()
		);
		expect(ids(history.allergy.current)).toEqual(['01JN7G1C000000000000000000']);
		expect(await clinicalYears(office.workspace)).toEqual(['2024', '2025', '2026']);
		const alone = await patientHistory(office.workspace, { id: PATIENT_ID });
		expect(ids(alone.problem.current)).toEqual([testId(1)]);
		expect(alone.allergyStatus).toBe('not-recorded');
	});
});
