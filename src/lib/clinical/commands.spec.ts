import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import { correctVitals, markVitalsInError, recordVitals } from './commands';
import { vitalsOf, clinicalYears } from './queries';
import {
	createClinicalOffice,
	TEST_NOW,
	TEST_PERIOD,
	type ClinicalOffice
} from './test-support/clinical-office';
import { makeImperialForm, makeMetricForm, PATIENT_ID } from './test-support/vitals';

let office: ClinicalOffice;

beforeEach(async () => {
	office = await createClinicalOffice();
});

afterEach(async () => {
	await office.dispose();
});

const ADULT = { id: PATIENT_ID, dateOfBirth: '1980-06-01' };
const SUBJECT = {
	patientId: PATIENT_ID,
	birthDate: ADULT.dateOfBirth,
	timeZone: 'America/Chicago'
};
// The test forms are taken on 2025-03-04 at 15:30 UTC; the nurse saves them half an hour later.
const SAVED_AT = new Date('2025-03-04T16:00:00.000Z');
const command = recordVitals(SUBJECT, () => SAVED_AT);

async function fieldErrors(attempt: Promise<unknown>): Promise<Record<string, string>> {
	const error = await attempt.then(
		() => null,
		(caught: unknown) => caught
	);
	expect(error).toBeInstanceOf(InvalidInputError);
	return (error as InvalidInputError).fields;
}

describe('recordVitals', () => {
	it('stores an imperial entry in canonical units and remembers it was imperial', async () => {
		await office.run(
			command,
			makeImperialForm({ height: { ft: 5, in: 6 }, weight: { lb: 150, oz: 0 }, temperature: 98.6 })
		);

		const [set] = await vitalsOf(office.workspace, ADULT);
		expect(set.unitSystem).toBe('imperial');
		expect(set.values.height).toBe(167.6);
		expect(set.values.weight).toBe(68.04);
		expect(set.values.temperature).toBe(37);
	});

	it('stores a baby’s 7 lb 8 oz as 3.4 kg, free of floating noise', async () => {
		const baby = recordVitals({ ...SUBJECT, birthDate: '2025-02-20' }, () => SAVED_AT);
		await office.run(baby, {
			unitSystem: 'imperial',
			takenAt: SAVED_AT.toISOString(),
			weight: { lb: 7, oz: 8 }
		});

		const [set] = await vitalsOf(office.workspace, { id: PATIENT_ID, dateOfBirth: '2025-02-20' });
		expect(set.values.weight).toBe(3.4);
	});

	it('records the person signed in as the one who took the vitals', async () => {
		await office.run(command, makeMetricForm());

		const [set] = await vitalsOf(office.workspace, ADULT);
		expect(set.takenBy).toBe(office.workspace.keys.personId);
	});

	it('takes the vitals now when no time is given', async () => {
		await office.run(
			recordVitals(SUBJECT, () => TEST_NOW),
			makeMetricForm({ takenAt: '' })
		);

		const [set] = await vitalsOf(office.workspace, ADULT);
		expect(set.takenAt).toBe(TEST_NOW.toISOString());
	});

	it('refuses an impossible temperature on its field and stores nothing', async () => {
		const fields = await fieldErrors(office.run(command, makeImperialForm({ temperature: 120 })));

		expect(fields.temperature).toMatch(/°F/);
		expect(await vitalsOf(office.workspace, ADULT)).toEqual([]);
		expect(await clinicalYears(office.workspace)).toEqual([]);
	});

	it.each([
		[
			'2025-03-04T16:05:00.000Z',
			{},
			'takenAt',
			'The time taken is in the future: check the date and time.'
		],
		[
			'2025-01-04T16:00:00.000Z',
			{},
			'notes',
			'Vitals taken more than 30 days ago need a note saying why they are entered late.'
		],
		[
			'2024-03-04T15:00:00.000Z',
			{ notes: 'From paper' },
			'takenAt',
			'Vitals taken more than a year ago cannot be entered: check the year.'
		]
	])('refuses vitals taken at %s (%j) on %s: %s', async (takenAt, extra, field, message) => {
		const fields = await fieldErrors(office.run(command, makeMetricForm({ takenAt, ...extra })));

		expect(fields).toEqual({ [field]: message });
	});

	it('files each set in the document of the year it was taken', async () => {
		const late = { notes: 'Copied from the paper chart.' };
		const januaryNow = () => new Date('2025-01-03T15:00:00.000Z');
		const atNewYear = recordVitals(SUBJECT, januaryNow);
		await office.run(atNewYear, makeMetricForm({ takenAt: '2024-12-31T15:00:00.000Z', ...late }));
		await office.run(atNewYear, makeMetricForm({ takenAt: '2025-01-02T15:00:00.000Z' }));

		expect(await clinicalYears(office.workspace)).toEqual(['2024', '2025']);
	});

	it('writes an audit entry naming the set and patient but no readings', async () => {
		const id = await office.run(command, makeMetricForm({ systolic: 151 }));

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.find((candidate) => candidate.target === `clinical/vitals/${id}`);
		expect(entry?.action).toBe('create');
		expect(entry?.detail).toBe(`Vitals recorded for patients/patients/${PATIENT_ID}`);
		// Nothing but ids and the chain: no field could carry a reading. (Matching the readings in
		// the whole entry would fail now and then: random ids and hashes may hold "151".)
		expect(Object.keys(entry!).sort()).toEqual(
			[
				'action',
				'actor',
				'at',
				'detail',
				'device',
				'hash',
				'prevHash',
				'seq',
				'target',
				'trust'
			].sort()
		);
	});
});

describe('markVitalsInError', () => {
	async function recordOne() {
		const id = await office.run(command, makeMetricForm({ systolic: 151 }));
		const [set] = await vitalsOf(office.workspace, ADULT);
		return { ...set, id };
	}

	it('keeps the set, marked with who struck it out, when and why', async () => {
		const set = await recordOne();

		await office.run(markVitalsInError(set), { reason: '  Wrong patient  ' });

		const [marked] = await vitalsOf(office.workspace, ADULT);
		expect(marked.values).toEqual(set.values);
		expect(marked.enteredInError).toEqual({
			at: TEST_NOW.toISOString(),
			by: office.workspace.keys.personId,
			reason: 'Wrong patient'
		});
	});

	it.each([
		['', 'Say why these vitals were entered in error.'],
		['x'.repeat(201), 'The reason can be at most 200 characters.']
	])('refuses the reason %j: %s', async (reason, message) => {
		const set = await recordOne();

		const fields = await fieldErrors(office.run(markVitalsInError(set), { reason }));

		expect(fields).toEqual({ reason: message });
		expect((await vitalsOf(office.workspace, ADULT))[0].enteredInError).toBeUndefined();
	});

	it('refuses to strike out a set twice, keeping the first reason', async () => {
		const set = await recordOne();
		await office.run(markVitalsInError(set), { reason: 'Wrong patient' });

		const again = office.run(markVitalsInError(set), { reason: 'Typo' });

		await expect(again).rejects.toThrow('These vitals are already marked in error.');
		expect((await vitalsOf(office.workspace, ADULT))[0].enteredInError?.reason).toBe(
			'Wrong patient'
		);
	});

	it('writes an audit entry naming the set and patient but not the reason', async () => {
		const set = await recordOne();
		await office.run(markVitalsInError(set), { reason: 'Wrong patient' });

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.find((candidate) => candidate.action === 'update');
		expect(entry?.target).toBe(`clinical/vitals/${set.id}`);
		expect(entry?.detail).toBe(
			`Vitals marked entered in error for patients/patients/${PATIENT_ID}`
		);
		// Not "151" here: random ids and hashes in the entry may hold it by chance.
		expect(JSON.stringify(entry)).not.toMatch(/Wrong patient/);
	});
});

describe('correctVitals', () => {
	it('records the corrected set and strikes out the old one, each naming the other', async () => {
		const oldId = await office.run(command, makeMetricForm({ systolic: 181 }));
		const [old] = await vitalsOf(office.workspace, ADULT);

		const newId = await office.run(
			correctVitals(old, SUBJECT, () => SAVED_AT),
			{
				...makeMetricForm({ systolic: 118 }),
				reason: 'Systolic typed as 181'
			}
		);

		const sets = await vitalsOf(office.workspace, ADULT);
		const corrected = sets.find((set) => set.id === newId);
		const struck = sets.find((set) => set.id === oldId);
		expect(corrected?.values.systolic).toBe(118);
		expect(corrected?.corrects).toBe(oldId);
		expect(corrected?.enteredInError).toBeUndefined();
		expect(struck?.values.systolic).toBe(181);
		expect(struck?.enteredInError).toMatchObject({
			reason: 'Systolic typed as 181',
			replacedBy: newId
		});
	});

	it('shows the form’s and the reason’s problems together and changes nothing', async () => {
		await office.run(command, makeMetricForm());
		const [old] = await vitalsOf(office.workspace, ADULT);

		const attempt = office.run(
			correctVitals(old, SUBJECT, () => SAVED_AT),
			{
				...makeMetricForm({ pulse: 400 }),
				reason: ''
			}
		);

		expect(await fieldErrors(attempt)).toEqual({
			pulse: 'Pulse must be between 20 and 300 beats per minute.',
			reason: 'Say why these vitals were entered in error.'
		});
		const sets = await vitalsOf(office.workspace, ADULT);
		expect(sets).toHaveLength(1);
		expect(sets[0].enteredInError).toBeUndefined();
	});

	it('refuses to correct a set already struck out and records nothing new', async () => {
		await office.run(command, makeMetricForm());
		const [old] = await vitalsOf(office.workspace, ADULT);
		await office.run(markVitalsInError(old), { reason: 'Wrong patient' });

		const attempt = office.run(
			correctVitals(old, SUBJECT, () => SAVED_AT),
			{
				...makeMetricForm(),
				reason: 'Typo'
			}
		);

		await expect(attempt).rejects.toThrow('These vitals are already marked in error.');
		expect(await vitalsOf(office.workspace, ADULT)).toHaveLength(1);
	});
});
