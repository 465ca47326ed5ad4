import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import { PATIENTS_DOCUMENT } from './collections';
import {
	addPolicy,
	assignNewMrn,
	registerPatient,
	removePolicy,
	restorePolicy,
	setPatientActive,
	updatePatient,
	updatePolicy
} from './commands';
import { mrnConflicts, patientById, policiesOf, searchPatients } from './queries';
import {
	createPatientsOffice,
	TEST_PERIOD,
	type PatientsOffice
} from './test-support/patients-office';
import { makePatientForm, makePolicyForm } from './test-support/records';

let office: PatientsOffice;

beforeEach(async () => {
	office = await createPatientsOffice();
});

afterEach(async () => {
	await office.dispose();
});

const MARIA = makePatientForm({ phones: { mobile: '217-555-0142' }, preferredName: 'Mari' });

describe('registerPatient', () => {
	it('gives the first patient MRN P0000018 and the next one the following number', async () => {
		const first = await office.run(registerPatient, MARIA);
		const second = await office.run(registerPatient, makePatientForm({ givenName: 'Ana' }));

		expect(first.mrn).toBe('P0000018');
		expect(second.mrn).toBe('P0000026');
		expect(patientById(office.tables, first.id)).toMatchObject({ active: true, mrn: 'P0000018' });
	});

	it('makes the patient findable by name without accents, birth date, phone and MRN', async () => {
		const { id, mrn } = await office.run(registerPatient, MARIA);

		for (const query of ['maria garcia', 'garc', '1984-03-07', '555-0142', mrn]) {
			expect(searchPatients(office.tables, query).patients.map((p) => p.id)).toEqual([id]);
		}
	});

	it('rejects a form without a birth date field by field and stores nothing', async () => {
		const error = await office
			.run(registerPatient, makePatientForm({ dateOfBirth: '' }))
			.catch((e: unknown) => e);

		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as InvalidInputError).fields).toMatchObject({
			dateOfBirth: 'Enter the date of birth.'
		});
		expect(office.tables.patients.size).toBe(0);
	});
});

describe('updatePatient and setPatientActive', () => {
	it('keeps the MRN when demographics change', async () => {
		const { id, mrn } = await office.run(registerPatient, MARIA);
		await office.run(updatePatient, { ...MARIA, id, familyName: 'García-López' });

		expect(patientById(office.tables, id)).toMatchObject({ familyName: 'García-López', mrn });
	});

	it('hides a deactivated patient from the default search but finds them with inactive', async () => {
		const { id } = await office.run(registerPatient, MARIA);
		await office.run(setPatientActive, { id, active: false });

		expect(searchPatients(office.tables, 'garcia').total).toBe(0);
		const all = searchPatients(office.tables, 'garcia', { includeInactive: true });
		expect(all.patients.map((p) => p.id)).toEqual([id]);
		expect(patientById(office.tables, id)?.active).toBe(false);
	});
});

describe('policies', () => {
	it('lists a patient’s policies primary, secondary, tertiary and drops removed ones', async () => {
		const { id: patientId } = await office.run(registerPatient, MARIA);
		const add = (order: 'primary' | 'secondary' | 'tertiary', payerName: string) =>
			office.run(addPolicy, { ...makePolicyForm({ order, payerName }), patientId });
		await add('tertiary', 'Humana');
		const primary = await add('primary', 'Medicare');
		await add('secondary', 'Aetna');

		expect(policiesOf(office.tables, patientId).map((p) => p.payerName)).toEqual([
			'Medicare',
			'Aetna',
			'Humana'
		]);

		await office.run(updatePolicy, { ...makePolicyForm({ payerName: 'Cigna' }), id: primary });
		await office.run(removePolicy, { id: primary });
		expect(policiesOf(office.tables, patientId).map((p) => p.payerName)).toEqual([
			'Aetna',
			'Humana'
		]);
		const history = policiesOf(office.tables, patientId, { includeRemoved: true });
		expect(history.at(-1)).toMatchObject({ payerName: 'Cigna', active: false });
	});

	it('restores a removed policy to the list, as it was', async () => {
		const { id: patientId } = await office.run(registerPatient, MARIA);
		const id = await office.run(addPolicy, { ...makePolicyForm(), patientId });
		await office.run(removePolicy, { id });
		expect(policiesOf(office.tables, patientId)).toEqual([]);

		await office.run(restorePolicy, { id });

		expect(policiesOf(office.tables, patientId)).toMatchObject([{ id, active: true }]);
		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		expect(entries.at(-1)).toMatchObject({
			action: 'reactivate',
			target: `patients/policies/${id}`
		});
	});

	it('shows a malformed member ID on its field', async () => {
		const { id: patientId } = await office.run(registerPatient, MARIA);
		const error = await office
			.run(addPolicy, { ...makePolicyForm({ memberId: 'ABC 123' }), patientId })
			.catch((e: unknown) => e);

		expect((error as InvalidInputError).fields).toEqual({
			memberId: 'Enter the member ID without spaces.'
		});
	});
});

describe('MRN collisions', () => {
	it('detects two devices that registered offline under one MRN and resolves on request', async () => {
		const other = await createPatientsOffice();
		try {
			const here = await office.run(registerPatient, MARIA);
			const there = await other.run(registerPatient, makePatientForm({ givenName: 'Lucía' }));
			expect(there.mrn).toBe(here.mrn);

			// The other device's changes arrive (what sync does after decrypting them)
			const theirs = await other.workspace.documents.open(PATIENTS_DOCUMENT);
			const ours = await office.workspace.documents.open(PATIENTS_DOCUMENT);
			ours.applyRemote(Y.encodeStateAsUpdate(theirs.doc));

			const [conflict] = mrnConflicts(office.tables);
			expect(conflict.mrn).toBe(here.mrn);
			expect(conflict.patients.map((p) => p.id).sort()).toEqual([here.id, there.id].sort());
			// Nothing changed by itself
			expect(patientById(office.tables, there.id)?.mrn).toBe(here.mrn);

			const fresh = await office.run(assignNewMrn, { id: there.id });
			expect(fresh).toBe('P0000026');
			expect(mrnConflicts(office.tables)).toEqual([]);
			expect(searchPatients(office.tables, fresh).patients.map((p) => p.id)).toEqual([there.id]);
		} finally {
			await other.dispose();
		}
	});
});

describe('audit', () => {
	it('logs every change against the record id with no name, birth date, phone or MRN', async () => {
		const { id, mrn } = await office.run(registerPatient, MARIA);
		await office.run(updatePatient, { ...MARIA, id, givenName: 'Mariana' });
		const policy = await office.run(addPolicy, { ...makePolicyForm(), patientId: id });
		await office.run(removePolicy, { id: policy });
		await office.run(setPatientActive, { id, active: false });

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		expect(entries.map((entry) => entry.action)).toEqual([
			'create',
			'update',
			'create',
			'deactivate',
			'deactivate'
		]);
		expect(entries[0].target).toBe(`patients/patients/${id}`);
		const text = JSON.stringify(
			entries.map(({ action, target, detail }) => ({ action, target, detail }))
		);
		for (const phi of ['Mar', 'García', 'Garcia', '1984', '0142', mrn, 'XOF']) {
			expect(text).not.toContain(phi);
		}
	});
});
