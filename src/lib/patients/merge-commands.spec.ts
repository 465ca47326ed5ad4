import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPolicy, registerPatient, updatePatient } from './commands';
import { mergePatients, undoMerge } from './merge-commands';
import {
	duplicatesOf,
	mergedIdsOf,
	patientById,
	policiesOf,
	possibleDuplicatesOf,
	searchPatients,
	standingMergeOf,
	survivorOf
} from './queries';
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

const A_FORM = makePatientForm({ phones: { mobile: '217-555-0101' }, email: '' });
const B_FORM = makePatientForm({
	givenName: 'Maria',
	phones: { mobile: '217-555-0199', home: '217-555-0150' },
	email: 'maria@example.com'
});

async function twoRecords() {
	const a = await office.run(registerPatient, A_FORM);
	const b = await office.run(registerPatient, B_FORM);
	return { a: a.id, b: b.id };
}

const policy = (
	patientId: string,
	payerName: string,
	order: 'primary' | 'secondary' | 'tertiary' = 'primary'
) => office.run(addPolicy, { ...makePolicyForm({ payerName, order }), patientId });

describe('mergePatients', () => {
	it('fills blanks, applies the chosen conflicts and keeps the merged record, marked', async () => {
		const { a, b } = await twoRecords();

		await office.run(mergePatients, {
			survivorId: a,
			duplicateId: b,
			takeFromDuplicate: ['givenName']
		});

		expect(patientById(office.tables, a)).toMatchObject({
			givenName: 'Maria',
			phones: { mobile: '(217) 555-0101', home: '(217) 555-0150' },
			email: 'maria@example.com',
			active: true,
			mergedInto: ''
		});
		expect(patientById(office.tables, b)).toMatchObject({
			givenName: 'Maria',
			phones: { mobile: '(217) 555-0199' },
			active: false,
			mergedInto: a
		});
	});

	it('moves the duplicate’s policies and removes its one of a shared order', async () => {
		const { a, b } = await twoRecords();
		const aetna = await policy(a, 'Aetna');
		const cigna = await policy(b, 'Cigna');
		const medicare = await policy(b, 'Medicare', 'secondary');

		await office.run(mergePatients, { survivorId: a, duplicateId: b });

		expect(policiesOf(office.tables, a).map((p) => p.id)).toEqual([aetna, medicare]);
		const all = policiesOf(office.tables, a, { includeRemoved: true });
		expect(all.find((p) => p.id === cigna)).toMatchObject({ active: false, mergedFrom: b });
		expect(policiesOf(office.tables, b, { includeRemoved: true })).toEqual([]);
	});

	it('keeps the duplicate’s policy when the person chose it for that order', async () => {
		const { a, b } = await twoRecords();
		const aetna = await policy(a, 'Aetna');
		const cigna = await policy(b, 'Cigna');

		await office.run(mergePatients, {
			survivorId: a,
			duplicateId: b,
			takeFromDuplicate: ['policies.primary']
		});

		expect(policiesOf(office.tables, a).map((p) => p.id)).toEqual([cigna]);
		expect(office.tables.policies.get(aetna)?.active).toBe(false);
	});

	it('audits the merge by record ids only', async () => {
		const { a, b } = await twoRecords();
		await office.run(mergePatients, { survivorId: a, duplicateId: b });

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.at(-1)!;
		expect(entry).toMatchObject({ action: 'merge', target: `patients/patients/${b}` });
		expect(entry.detail).toMatch(
			new RegExp(`^patients/patients/${b} merged into patients/patients/${a}: `)
		);
		const mrns = [patientById(office.tables, a)!.mrn, patientById(office.tables, b)!.mrn];
		for (const phi of ['Mar', 'García', '1984', '0150', 'example', ...mrns]) {
			expect(entry.detail).not.toContain(phi);
		}
	});

	it('refuses to merge a record twice, and a record into itself', async () => {
		const { a, b } = await twoRecords();
		await office.run(mergePatients, { survivorId: a, duplicateId: b });

		await expect(office.run(mergePatients, { survivorId: a, duplicateId: b })).rejects.toThrow(
			/already merged/
		);
		await expect(office.run(mergePatients, { survivorId: a, duplicateId: a })).rejects.toThrow(
			'A record cannot be merged into itself.'
		);
	});
});

describe('after a merge', () => {
	it('finds only the survivor in search and duplicate checks', async () => {
		const { a, b } = await twoRecords();
		expect(duplicatesOf(office.tables, A_FORM).map((m) => m.patient.id)).toEqual([a, b]);
		const before = possibleDuplicatesOf(office.tables, patientById(office.tables, a)!);
		expect(before.map((m) => m.patient.id)).toEqual([b]);

		await office.run(mergePatients, { survivorId: a, duplicateId: b });

		const found = searchPatients(office.tables, 'garcia', { includeInactive: true });
		expect(found.patients.map((p) => p.id)).toEqual([a]);
		expect(searchPatients(office.tables, '555-0199').total).toBe(0);
		expect(duplicatesOf(office.tables, B_FORM).map((m) => m.patient.id)).toEqual([a]);
		expect(possibleDuplicatesOf(office.tables, patientById(office.tables, a)!)).toEqual([]);
	});

	it('lists the records merged into a chart, through merges of merges', async () => {
		const { a, b } = await twoRecords();
		const { id: c } = await office.run(registerPatient, makePatientForm({ givenName: 'Mary' }));
		await office.run(mergePatients, { survivorId: b, duplicateId: c });
		await office.run(mergePatients, { survivorId: a, duplicateId: b });

		expect(mergedIdsOf(office.tables, a).sort()).toEqual([b, c].sort());
		expect(mergedIdsOf(office.tables, b)).toEqual([c]);
		expect(mergedIdsOf(office.tables, c)).toEqual([]);
		expect(survivorOf(office.tables, c)?.id).toBe(a);
	});
});

describe('undoMerge', () => {
	it('separates the records again: values, policies and active state as before', async () => {
		const { a, b } = await twoRecords();
		const before = { a: patientById(office.tables, a), b: patientById(office.tables, b) };
		await policy(a, 'Aetna');
		const cigna = await policy(b, 'Cigna');
		await office.run(mergePatients, {
			survivorId: a,
			duplicateId: b,
			takeFromDuplicate: ['givenName']
		});

		const { kept } = await office.run(undoMerge, { duplicateId: b });

		expect(kept).toEqual([]);
		expect(patientById(office.tables, a)).toEqual(before.a);
		expect(patientById(office.tables, b)).toEqual(before.b);
		expect(policiesOf(office.tables, b)).toMatchObject([
			{ id: cigna, active: true, mergedFrom: '' }
		]);
		expect(mergedIdsOf(office.tables, a)).toEqual([]);
		expect(standingMergeOf(office.tables, b)).toBeUndefined();
		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		expect(entries.at(-1)).toMatchObject({ action: 'unmerge', target: `patients/patients/${b}` });
	});

	it('keeps what was edited on the survivor since the merge', async () => {
		const { a, b } = await twoRecords();
		await office.run(mergePatients, { survivorId: a, duplicateId: b });
		await office.run(updatePatient, { ...B_FORM, id: a, email: 'new@example.com' });

		const { kept } = await office.run(undoMerge, { duplicateId: b });

		expect(kept).toEqual(['Email']);
		expect(patientById(office.tables, a)).toMatchObject({
			email: 'new@example.com',
			phones: { home: '' }
		});
	});

	it('refuses a record that is not merged', async () => {
		const { b } = await twoRecords();
		await expect(office.run(undoMerge, { duplicateId: b })).rejects.toThrow(/not merged/);
	});
});
