import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import { recordVitals } from './commands';
import { vitalsOf, vitalsYears } from './queries';
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
const command = recordVitals(
	{ patientId: PATIENT_ID, birthDate: ADULT.dateOfBirth, timeZone: 'America/Chicago' },
	() => TEST_NOW
);

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

	it('records the person signed in as the one who took the vitals', async () => {
		await office.run(command, makeMetricForm());

		const [set] = await vitalsOf(office.workspace, ADULT);
		expect(set.takenBy).toBe(office.workspace.keys.personId);
	});

	it('takes the vitals now when no time is given', async () => {
		await office.run(command, makeMetricForm({ takenAt: '' }));

		const [set] = await vitalsOf(office.workspace, ADULT);
		expect(set.takenAt).toBe(TEST_NOW.toISOString());
	});

	it('refuses an impossible temperature on its field and stores nothing', async () => {
		const attempt = office.run(command, makeImperialForm({ temperature: 120 }));

		await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
		const error = (await attempt.catch((caught: unknown) => caught)) as InvalidInputError;
		expect(error.fields.temperature).toMatch(/°F/);
		expect(await vitalsOf(office.workspace, ADULT)).toEqual([]);
		expect(await vitalsYears(office.workspace)).toEqual([]);
	});

	it('files each set in the document of the year it was taken', async () => {
		await office.run(command, makeMetricForm({ takenAt: '2024-12-31T15:00:00.000Z' }));
		await office.run(command, makeMetricForm({ takenAt: '2025-01-02T15:00:00.000Z' }));

		expect(await vitalsYears(office.workspace)).toEqual(['2024', '2025']);
	});

	it('writes an audit entry naming the set and patient but no readings', async () => {
		const id = await office.run(command, makeMetricForm({ systolic: 151 }));

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.find((candidate) => candidate.target === `clinical/vitals/${id}`);
		expect(entry?.action).toBe('create');
		expect(entry?.detail).toBe(`Vitals recorded for patients/patients/${PATIENT_ID}`);
		expect(JSON.stringify(entry)).not.toMatch(/151|68\.4|36\.8/);
	});
});
