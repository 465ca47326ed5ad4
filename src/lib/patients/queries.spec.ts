import { describe, expect, it } from 'vitest';
import { ProjectionTable } from '$lib/core/projection/projection-table';
import type { InsurancePolicy } from './insurance-schema';
import type { MergeRecord } from './merge-schema';
import { PatientFinder } from './patient-finder';
import {
	ageOn,
	birthWithAge,
	duplicatesOf,
	mrnConflicts,
	patientDisplayName,
	policiesOf,
	searchPatients,
	type PatientTables
} from './queries';
import type { Patient } from './schema';
import { makePatient, makePolicy } from './test-support/records';

function tablesOf(patients: Patient[], policies: InsurancePolicy[] = []): PatientTables {
	const patientRows = new ProjectionTable<Patient>('patients', ['active', 'mrn', 'mergedInto']);
	const policyRows = new ProjectionTable<InsurancePolicy>('policies', ['patientId']);
	patientRows.upsert(patients);
	policyRows.upsert(policies);
	return {
		patients: patientRows,
		policies: policyRows,
		merges: new ProjectionTable<MergeRecord>('merges', ['survivorId', 'duplicateId']),
		finder: new PatientFinder(patientRows, { today: () => '2026-03-15' })
	};
}

describe('searchPatients', () => {
	it('follows the table: new, changed and removed patients are found or forgotten', () => {
		const tables = tablesOf([makePatient(1)]);
		tables.patients.upsert([makePatient(2, { givenName: 'Lucía', familyName: 'Ortiz' })]);
		expect(searchPatients(tables, 'ortiz').total).toBe(1);

		tables.patients.upsert([makePatient(2, { givenName: 'Lucía', familyName: 'Reyes' })]);
		expect(searchPatients(tables, 'ortiz').total).toBe(0);
		expect(searchPatients(tables, 'lucia reyes').total).toBe(1);

		tables.patients.remove([makePatient(1).id]);
		expect(searchPatients(tables, 'garcia').total).toBe(0);
	});

	it('counts all matches but returns at most the limit', () => {
		const tables = tablesOf(Array.from({ length: 60 }, (_, i) => makePatient(i + 1)));
		const found = searchPatients(tables, 'garcia');
		expect(found.total).toBe(60);
		expect(found.patients).toHaveLength(50);
	});

	it('lists inactive patients after active ones when asked for them', () => {
		const tables = tablesOf([makePatient(1, { active: false }), makePatient(2)]);
		const ids = searchPatients(tables, 'maria', { includeInactive: true }).patients.map(
			(p) => p.id
		);
		expect(ids).toEqual([makePatient(2).id, makePatient(1).id]);
	});
});

describe('duplicatesOf', () => {
	it('warns about a patient with the same birth date and a similar name', () => {
		const tables = tablesOf([makePatient(1), makePatient(2, { dateOfBirth: '1990-01-01' })]);
		const matches = duplicatesOf(tables, {
			givenName: 'Maria',
			familyName: 'Garcia',
			dateOfBirth: '1984-03-07',
			sexAssignedAtBirth: 'female'
		});
		expect(matches.map((m) => m.patient.id)).toEqual([makePatient(1).id]);
		expect(matches[0].reasons.map((r) => r.kind)).toEqual(['same-date-of-birth', 'similar-name']);
	});

	it('finds nothing for a half-filled form', () => {
		const tables = tablesOf([makePatient(1)]);
		expect(duplicatesOf(tables, { givenName: 'Maria' })).toEqual([]);
	});
});

describe('policiesOf', () => {
	it('orders active policies primary, secondary, tertiary', () => {
		const patient = makePatient(1);
		const tables = tablesOf(
			[patient],
			[
				makePolicy(1, patient.id, { order: 'tertiary' }),
				makePolicy(2, patient.id, { order: 'primary', active: false }),
				makePolicy(3, patient.id, { order: 'primary' }),
				makePolicy(4, patient.id, { order: 'secondary' }),
				makePolicy(5, makePatient(2).id)
			]
		);
		expect(policiesOf(tables, patient.id).map((p) => p.order)).toEqual([
			'primary',
			'secondary',
			'tertiary'
		]);
	});
});

describe('mrnConflicts', () => {
	it('reports each MRN held by more than one patient, oldest record first', () => {
		const tables = tablesOf([
			makePatient(3, { mrn: makePatient(1).mrn }),
			makePatient(1),
			makePatient(2)
		]);
		expect(mrnConflicts(tables)).toEqual([
			{
				mrn: makePatient(1).mrn,
				patients: [makePatient(1), makePatient(3, { mrn: makePatient(1).mrn })]
			}
		]);
	});
});

describe('display', () => {
	it('names a patient family name first with the middle name and suffix', () => {
		const patient = makePatient(1, { middleName: 'Elena', suffix: 'Jr.' });
		expect(patientDisplayName(patient)).toBe('García Jr., María Elena');
	});

	it.each([
		['1984-03-07', '2026-03-06', 41],
		['1984-03-07', '2026-03-07', 42],
		['2000-02-29', '2026-02-28', 25]
	])('is %s years old on %s: %i', (dob, today, age) => {
		expect(ageOn(dob, today)).toBe(age);
	});

	it('gives babies their age in months', () => {
		expect(birthWithAge('2025-11-20', '2026-03-15')).toBe('2025-11-20 (3 mo)');
		expect(birthWithAge('1984-03-07', '2026-03-15')).toBe('1984-03-07 (42 y)');
	});
});
