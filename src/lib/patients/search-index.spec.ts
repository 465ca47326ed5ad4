import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mrnForSequence } from './mrn';
import type { Patient } from './schema';
import { PatientSearchIndex } from './search-index';
import { makePatient, testId } from './test-support/records';

const TODAY = '2026-11-27';
const phones = (mobile = '', home = '', work = '') => ({ mobile, home, work });

const PEOPLE: Patient[] = [
	makePatient(1, {
		givenName: 'María',
		middleName: 'José',
		familyName: 'García López',
		dateOfBirth: '1984-03-07',
		phones: phones('(217) 555-0101')
	}),
	makePatient(2, {
		givenName: 'Mario',
		familyName: 'Garza',
		dateOfBirth: '1990-12-01',
		phones: phones('(312) 555-0188', '(217) 555-0101')
	}),
	makePatient(3, {
		givenName: 'Ana',
		middleName: 'María',
		familyName: 'Gardner',
		dateOfBirth: '1984-03-17',
		phones: phones('(773) 201-4455')
	}),
	makePatient(4, {
		givenName: 'Seán',
		familyName: "O'Brien",
		preferredName: 'Jack',
		dateOfBirth: '1950-07-04',
		phones: phones('', '(630) 222-0101')
	}),
	makePatient(5, {
		givenName: 'Łukasz',
		familyName: 'Nowak',
		dateOfBirth: '2015-03-07',
		active: false
	}),
	makePatient(6, { givenName: 'Marta', familyName: 'de la Cruz', dateOfBirth: '1915-03-07' }),
	makePatient(7, {
		givenName: 'Edgar',
		familyName: 'Smith',
		dateOfBirth: '1984-03-07',
		mergedInto: testId(1),
		active: false
	})
];

const index = () => new PatientSearchIndex(PEOPLE, { today: () => TODAY });

/** The names of the patients `query` finds, best first. */
function found(query: string, search = index()): string[] {
	return search.search(query).patients.map((p) => `${p.givenName} ${p.familyName}`);
}

describe('PatientSearchIndex', () => {
	it.each([
		['maria', ['María García López', 'Ana Gardner']],
		['MARÍA garcía', ['María García López']],
		['lopez', ['María García López']],
		['garcia-lopez', ['María García López']],
		['garcialopez', ['María García López']],
		['delacruz', ['Marta de la Cruz']],
		['cruz', ['Marta de la Cruz']],
		['sean obrien', ['Seán O’Brien'.replace('’', "'")]],
		["o'brien", ["Seán O'Brien"]],
		['brien', ["Seán O'Brien"]],
		['jack', ["Seán O'Brien"]],
		['lukasz', ['Łukasz Nowak']],
		['rza', ['Mario Garza']],
		['mar gar', ['María García López', 'Mario Garza', 'Ana Gardner']],
		['zz', []],
		['', []]
	])('finds %j by any part of the name, ignoring accents and case → %j', (query, names) => {
		expect(found(query)).toEqual(names);
	});

	it('does not match inside a name for fewer than 3 letters', () => {
		expect(found('ar')).toEqual([]);
		expect(found('gar')).toEqual([
			'María García López',
			'Ana Gardner',
			'Mario Garza',
			'Edgar Smith'
		]);
	});

	it.each([
		['1984-03-07', ['María García López', 'Edgar Smith']],
		['03/07/1984', ['María García López', 'Edgar Smith']],
		['3/7/84', ['María García López', 'Edgar Smith']],
		['3/7/15', ['Marta de la Cruz', 'Łukasz Nowak']],
		['1984-03', ['María García López', 'Ana Gardner', 'Edgar Smith']],
		['3/17', ['Ana Gardner']],
		['19840307', ['María García López', 'Edgar Smith']]
	])('finds the date of birth %j in any usual format → %j', (query, names) => {
		expect(found(query)).toEqual(names);
	});

	it.each([
		['2175550101', ['María García López', 'Mario Garza']],
		['(217) 555-0101', ['María García López', 'Mario Garza']],
		['1-217-555-0101', ['María García López', 'Mario Garza']],
		['0188', ['Mario Garza']],
		['555-01', ['María García López', 'Mario Garza']],
		['2014', ['Ana Gardner']],
		['0101', ['María García López', 'Mario Garza', "Seán O'Brien"]]
	])('finds phone digits %j anywhere in a number → %j', (query, names) => {
		expect(found(query)).toEqual(names);
	});

	it('finds a patient by MRN, with or without the P, and lists MRN prefixes', () => {
		expect(found(mrnForSequence(4))).toEqual(["Seán O'Brien"]);
		expect(found(mrnForSequence(4).toLowerCase())).toEqual(["Seán O'Brien"]);
		expect(found(mrnForSequence(4).slice(1))).toEqual(["Seán O'Brien"]);
		expect(found('P00000')).toHaveLength(PEOPLE.length);
	});

	it('ranks exact before prefix before inside matches, and middle names below first names', () => {
		const search = new PatientSearchIndex(
			[
				makePatient(1, { givenName: 'Mariana', familyName: 'Ames' }),
				makePatient(2, { givenName: 'Ana', familyName: 'Zamora' }),
				makePatient(3, { givenName: 'Annamaria', familyName: 'Baker' }),
				makePatient(4, { givenName: 'Eva', middleName: 'Maria', familyName: 'Able' }),
				makePatient(5, { givenName: 'Maria', familyName: 'Young' })
			],
			{ today: () => TODAY }
		);
		expect(found('maria', search)).toEqual([
			'Maria Young',
			'Eva Able',
			'Mariana Ames',
			'Annamaria Baker'
		]);
	});

	it('lists active patients before inactive ones, and merged records last', () => {
		const search = new PatientSearchIndex([
			makePatient(1, { givenName: 'Abe', familyName: 'Kim', active: false, mergedInto: testId(3) }),
			makePatient(2, { givenName: 'Ann', familyName: 'Kim', active: false }),
			makePatient(3, { givenName: 'Zed', familyName: 'Kim' })
		]);
		expect(found('kim', search)).toEqual(['Zed Kim', 'Ann Kim', 'Abe Kim']);
		expect(found('3/7')).toEqual([
			'Marta de la Cruz',
			'María García López',
			'Łukasz Nowak',
			'Edgar Smith'
		]);
	});

	it('limits the list and counts every match', () => {
		const result = index().search('P0', { limit: 2 });
		expect(result.total).toBe(PEOPLE.length);
		expect(result.patients.map((p) => p.id)).toEqual([testId(6), testId(1)]);
	});

	it('follows upserts and removals', () => {
		const search = index();
		search.upsert({ ...PEOPLE[1], familyName: 'Ramírez', phones: phones('(415) 555-9999') });
		expect(found('garza', search)).toEqual([]);
		expect(found('ramirez', search)).toEqual(['Mario Ramírez']);
		expect(found('9999', search)).toEqual(['Mario Ramírez']);
		expect(found('0188', search)).toEqual([]);
		search.remove(testId(1));
		expect(found('maria', search)).toEqual(['Ana Gardner']);
		expect(found('2175550101', search)).toEqual([]);
		search.upsert(
			makePatient(8, { givenName: 'Aaron', familyName: 'Aalto', dateOfBirth: '2001-01-01' })
		);
		expect(found('2001', search)).toEqual(['Aaron Aalto']);
		expect(search.size).toBe(PEOPLE.length);
	});

	it('finds every patient by its own MRN and by its own full name', () => {
		const letter = fc.constantFrom(...'abcdeéfghiíjklmnñoöpqrstuüvwxyzßłø'.split(''));
		const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((l) => l.join(''));
		const name = fc
			.tuple(word, fc.option(word, { nil: undefined }), fc.constantFrom(' ', '-', "'"))
			.map(([a, b, joiner]) => (b === undefined ? a : `${a}${joiner}${b}`))
			.map((s) => s.charAt(0).toUpperCase() + s.slice(1));
		const person = fc.record({
			givenName: name,
			familyName: name,
			preferredName: fc.option(name, { nil: '' })
		});
		fc.assert(
			fc.property(fc.array(person, { minLength: 1, maxLength: 40 }), (people) => {
				const patients = people.map((p, n) => makePatient(n + 1, p));
				const search = new PatientSearchIndex(patients, { today: () => TODAY });
				for (const patient of patients) {
					const byMrn = search.search(patient.mrn).patients;
					expect(byMrn[0]?.id).toBe(patient.id);
					const byName = search.search(`${patient.givenName} ${patient.familyName}`, {
						limit: Infinity
					});
					expect(byName.patients.map((p) => p.id)).toContain(patient.id);
				}
			}),
			{ numRuns: 60 }
		);
	});
});
