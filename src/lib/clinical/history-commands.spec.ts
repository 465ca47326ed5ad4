import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import type { ClinicalPatient } from './clinical-patient';
import {
	addHistoryItem,
	markHistoryEnteredInError,
	updateHistoryItem,
	type HistorySubject
} from './history-commands';
import { importHistory } from './history-import';
import { historyItemsOf, historySubject, patientHistory } from './history-queries';
import type { HistoryKind } from './history-schema';
import {
	createClinicalOffice,
	TEST_NOW,
	TEST_PERIOD,
	type ClinicalOffice
} from './test-support/clinical-office';
import { storedItems } from './test-support/history';
import { PATIENT_ID, testId } from './test-support/vitals';

let office: ClinicalOffice;
const PATIENT: ClinicalPatient = { id: PATIENT_ID };

beforeEach(async () => {
	office = await createClinicalOffice();
});

afterEach(async () => {
	await office.dispose();
});

const subject = (patient = PATIENT): Promise<HistorySubject> =>
	historySubject(office.workspace, patient);
const add = async <K extends HistoryKind>(kind: K, fields: object, patient = PATIENT) =>
	office.run(addHistoryItem(await subject(patient), kind), fields as never);
const penicillin = { substance: 'Penicillin', category: 'drug', reactions: ['hives'] };
/** What the command threw; a command that succeeds fails the test. */
const failure = (attempt: Promise<unknown>): Promise<Error> =>
	attempt.then(
		() => {
			throw new Error('The command succeeded.');
		},
		(caught: unknown) => caught as Error
	);

describe('adding history items', () => {
	it('records who added the item and when, filed in the year it was recorded', async () => {
		const id = await add('problem', { name: 'Asthma', icd10: 'j45909' });

		const [item] = await historyItemsOf(office.workspace, PATIENT);
		expect(item).toMatchObject({
			id,
			kind: 'problem',
			name: 'Asthma',
			icd10: 'J45.909',
			patientId: PATIENT_ID,
			recordedAt: TEST_NOW.toISOString(),
			recordedBy: office.workspace.keys.personId,
			updatedAt: null,
			enteredInError: null
		});
		expect(await subject()).toEqual({ patient: PATIENT, years: ['2026'] });
	});

	it.each<[HistoryKind, object, string, string]>([
		['problem', { name: ' ' }, 'name', 'Enter the problem or diagnosis.'],
		['problem', { name: 'Gout', icd10: '274' }, 'icd10', 'Enter an ICD-10 code like E11.9.'],
		[
			'medication',
			{ name: 'Metformin', start: '2024-13-01' },
			'start',
			'That start date is not on the calendar.'
		],
		['allergy', { substance: 'Latex' }, 'category', 'Choose what kind of allergy this is.'],
		[
			'allergy',
			{ ...penicillin, reactions: ['anaphylaxis'], severity: 'mild' },
			'severity',
			'Anaphylaxis is severe or life-threatening — check the severity.'
		],
		[
			'surgery',
			{ procedure: 'Appendectomy', performed: 'last May' },
			'performed',
			'Enter the date as YYYY-MM-DD, YYYY-MM or just the year.'
		],
		['family', { relative: 'neighbour', condition: 'Stroke' }, 'relative', 'Choose the relative.'],
		[
			'family',
			{ relative: 'mother', condition: 'Stroke', ageAtOnset: 130 },
			'ageAtOnset',
			'Enter an age from 0 to 120.'
		],
		['social', {}, '', 'Choose a smoking status or alcohol use.'],
		[
			'social',
			{ alcohol: 'none', drinksPerWeek: 3 },
			'drinksPerWeek',
			'Drinks per week must be 0 when the patient does not drink.'
		]
	])(
		'refuses a %s with %j: %s says “%s”, and stores nothing',
		async (kind, fields, field, message) => {
			const error = await failure(add(kind, fields));

			expect(error).toBeInstanceOf(InvalidInputError);
			expect((error as InvalidInputError).fields[field]).toBe(message);
			expect(await historyItemsOf(office.workspace, PATIENT)).toEqual([]);
		}
	);

	it('writes an audit entry naming the item and patient but not what was recorded', async () => {
		const id = await add('allergy', penicillin);

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.find((candidate) => candidate.target === `clinical/history/${id}`);
		expect(entry?.action).toBe('create');
		expect(entry?.detail).toBe(`Medical history item added for patients/patients/${PATIENT_ID}`);
		expect(JSON.stringify(entries)).not.toMatch(/penicillin|allerg/i);
	});
});

describe('no known allergies', () => {
	it('is refused while an allergy stands on the chart', async () => {
		await add('allergy', penicillin);

		const error = await failure(add('no-known-allergies', {}));

		expect(error.message).toBe(
			'This patient has allergies on file. Mark them entered in error first if they are wrong.'
		);
		expect((await patientHistory(office.workspace, PATIENT)).allergyStatus).toBe('has-allergies');
	});

	it('is refused when the allergy was recorded under a record merged into this patient', async () => {
		const merged = testId(77);
		await office.run(importHistory, { items: [storedItems.allergy(1, { patientId: merged })] });

		const error = await failure(
			add('no-known-allergies', {}, { id: PATIENT_ID, mergedIds: [merged] })
		);

		expect(error.message).toMatch(/allergies on file/);
	});

	it('may be recorded once the allergy was marked entered in error', async () => {
		const allergy = await add('allergy', penicillin);
		await office.run(markHistoryEnteredInError, { id: allergy, reason: 'Wrong patient' });

		await add('no-known-allergies', {});

		const history = await patientHistory(office.workspace, PATIENT);
		expect(history.allergyStatus).toBe('no-known-allergies');
		expect(history.allergy.enteredInError.map((item) => item.id)).toEqual([allergy]);
	});

	it('is superseded by an allergy recorded later, which then stands alone', async () => {
		const nka = await add('no-known-allergies', { notes: 'Asked at intake' });

		const allergy = await add('allergy', penicillin);

		const history = await patientHistory(office.workspace, PATIENT);
		expect(history.allergyStatus).toBe('has-allergies');
		expect(history.allergy.current.map((item) => item.id)).toEqual([allergy]);
		expect(history.allergy.earlier).toMatchObject([
			{
				id: nka,
				superseded: {
					itemId: allergy,
					at: TEST_NOW.toISOString(),
					by: office.workspace.keys.personId
				}
			}
		]);
	});

	it('replaces an older NKA when confirmed again', async () => {
		await office.run(importHistory, { items: [storedItems.noKnownAllergies(1)] });

		const again = await add('no-known-allergies', {});

		const history = await patientHistory(office.workspace, PATIENT);
		expect(history.allergy.current.map((item) => item.id)).toEqual([again]);
		expect(history.allergy.earlier.map((item) => item.id)).toEqual([testId(1)]);
	});
});

describe('editing and striking out', () => {
	it('edits an item and says who edited it, keeping who recorded it', async () => {
		await office.run(importHistory, { items: [storedItems.problem(1)] });

		await office.run(updateHistoryItem('problem'), {
			id: testId(1),
			name: 'Essential hypertension',
			status: 'resolved',
			resolved: '2025'
		});

		const [item] = await historyItemsOf(office.workspace, PATIENT);
		expect(item).toMatchObject({
			status: 'resolved',
			resolved: '2025',
			recordedAt: '2025-03-04T15:45:00Z',
			recordedBy: storedItems.problem(1).recordedBy,
			updatedAt: TEST_NOW.toISOString(),
			updatedBy: office.workspace.keys.personId
		});
	});

	it('refuses to edit an item as another kind, or one that does not exist', async () => {
		await office.run(importHistory, { items: [storedItems.problem(1)] });

		const wrongKind = failure(
			office.run(updateHistoryItem('surgery'), { id: testId(1), procedure: 'x' })
		);
		const missing = failure(office.run(updateHistoryItem('problem'), { id: testId(2), name: 'x' }));

		expect((await wrongKind).message).toBe('That history item is of another kind.');
		expect((await missing).message).toBe('That history item no longer exists.');
	});

	it('keeps an item marked entered in error but takes it off the active lists', async () => {
		const id = await add('medication', { name: 'Metformin', dose: '500 mg' });

		await office.run(markHistoryEnteredInError, { id, reason: 'Duplicate entry' });

		const history = await patientHistory(office.workspace, PATIENT);
		expect(history.medication.current).toEqual([]);
		expect(history.medication.earlier).toEqual([]);
		expect(history.medication.enteredInError).toMatchObject([
			{
				id,
				name: 'Metformin',
				enteredInError: {
					at: TEST_NOW.toISOString(),
					by: office.workspace.keys.personId,
					reason: 'Duplicate entry'
				}
			}
		]);
	});

	it('refuses to edit or strike out again an item entered in error', async () => {
		const id = await add('surgery', { procedure: 'Appendectomy' });
		await office.run(markHistoryEnteredInError, { id });

		const edit = failure(office.run(updateHistoryItem('surgery'), { id, procedure: 'Tonsils' }));
		const again = failure(office.run(markHistoryEnteredInError, { id }));

		const message = 'That item was marked entered in error; it can no longer be changed.';
		expect((await edit).message).toBe(message);
		expect((await again).message).toBe(message);
	});
});
