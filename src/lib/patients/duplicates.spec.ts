import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from './duplicate-index';
import {
	describeDuplicate,
	duplicateMatch,
	likelyDuplicates,
	type PatientIdentity
} from './duplicates';
import type { Patient } from './schema';
import { makePatient, testId } from './test-support/records';

const phones = (mobile = '', home = '') => ({ mobile, home, work: '' });

const existing = makePatient(1, {
	givenName: 'Robert',
	familyName: 'Nguyễn',
	dateOfBirth: '1970-05-20',
	phones: phones('(217) 555-0101')
});

/** A form being filled in: only the fields a duplicate check reads. */
function candidate(overrides: Partial<PatientIdentity> = {}): PatientIdentity {
	return {
		givenName: 'Robert',
		familyName: 'Nguyen',
		dateOfBirth: '1970-05-20',
		phones: phones(),
		...overrides
	};
}

describe('duplicateMatch', () => {
	it.each([
		['accents and capitals', { familyName: 'NGUYEN' }, 'accents'],
		['a nickname', { givenName: 'Bob' }, 'nickname'],
		['the preferred name a nickname', { givenName: 'Rupert', preferredName: 'Bobby' }, 'nickname'],
		['swapped names', { givenName: 'Nguyen', familyName: 'Robert' }, 'swapped'],
		['a typo', { givenName: 'Roebrt' }, 'spelling'],
		['a compound last name', { familyName: 'Nguyen Tran' }, 'compound'],
		['the same spelling', { familyName: 'Nguyễn' }, 'same']
	] as const)('flags the same date of birth with %s', (_case, overrides, how) => {
		const match = duplicateMatch(candidate(overrides), existing);
		expect(match?.reasons).toEqual([{ kind: 'same-date-of-birth' }, { kind: 'similar-name', how }]);
		expect(match?.score).toBeGreaterThan(0.65);
	});

	it("flags 'Jonh' as 'John' born the same day", () => {
		const john = makePatient(2, {
			givenName: 'John',
			familyName: 'Smith',
			dateOfBirth: '1990-01-02'
		});
		const typed = candidate({ givenName: 'Jonh', familyName: 'Smith', dateOfBirth: '1990-01-02' });
		expect(duplicateMatch(typed, john)?.reasons).toContainEqual({
			kind: 'similar-name',
			how: 'spelling'
		});
	});

	it('flags a shared phone even when name and date of birth differ, with a low score', () => {
		const relative = candidate({
			givenName: 'Linh',
			dateOfBirth: '2001-09-09',
			phones: phones('', '217-555-0101')
		});
		const match = duplicateMatch(relative, existing);
		expect(match).toEqual({
			patient: existing,
			score: 0.3,
			reasons: [{ kind: 'same-phone', phone: '(217) 555-0101' }]
		});
	});

	it.each([
		[
			'a different name and date of birth',
			{ givenName: 'Anna', familyName: 'Kowalski', dateOfBirth: '1970-05-21' }
		],
		['a similar name born another day', { dateOfBirth: '1970-05-21' }],
		['a different person born the same day', { givenName: 'Anna', familyName: 'Kowalski' }],
		['a sibling born the same day', { givenName: 'Marcus' }]
	])('does not flag %s', (_case, overrides) => {
		expect(duplicateMatch(candidate(overrides), existing)).toBeNull();
	});

	it('skips the record itself and records already merged away', () => {
		expect(duplicateMatch({ ...existing }, existing)).toBeNull();
		expect(duplicateMatch(candidate(), { ...existing, mergedInto: testId(9) })).toBeNull();
	});
});

describe('likelyDuplicates', () => {
	it('sorts by score: birth, name and phone before birth and name before phone alone', () => {
		const all = makePatient(3, { ...existing, id: testId(3) });
		const phoneOnly = makePatient(4, {
			givenName: 'Linh',
			dateOfBirth: '2001-09-09',
			phones: existing.phones
		});
		const stranger = makePatient(5, { givenName: 'Anna', familyName: 'Kowalski' });
		const birthAndName = makePatient(6, { ...existing, id: testId(6), phones: phones() });
		const found = likelyDuplicates(candidate({ phones: phones('2175550101') }), [
			stranger,
			phoneOnly,
			birthAndName,
			all
		]);
		expect(found.map((m) => m.patient.id)).toEqual([testId(3), testId(6), testId(4)]);
		expect(found[0].score).toBe(1);
		expect(describeDuplicate(found[0])).toBe(
			'Same date of birth, same name apart from accents or capitals, same phone (217) 555-0101.'
		);
	});

	it('keeps at most the limit', () => {
		const twins = [1, 2, 3].map((n) => makePatient(n));
		expect(
			likelyDuplicates(
				candidate({ givenName: 'Maria', familyName: 'Garcia', dateOfBirth: '1984-03-07' }),
				twins,
				{ limit: 2 }
			)
		).toHaveLength(2);
	});
});

describe('DuplicateIndex', () => {
	const crowd: Patient[] = Array.from({ length: 200 }, (_, n) =>
		makePatient(n + 10, {
			givenName: `Given${n}`,
			familyName: 'Nguyen',
			dateOfBirth: `19${String(10 + (n % 80)).padStart(2, '0')}-01-01`
		})
	);

	it('finds the same matches as a check against every patient', () => {
		const index = new DuplicateIndex([...crowd, existing]);
		const typed = candidate({ givenName: 'Bob', phones: phones('(217) 555-0101') });
		expect(index.check(typed)).toEqual(likelyDuplicates(typed, [...crowd, existing]));
		expect(index.check(typed).map((m) => m.patient.id)).toEqual([existing.id]);
	});

	it('refiles a patient whose phone changed and forgets a removed one', () => {
		const index = new DuplicateIndex([existing]);
		const moved = { ...existing, dateOfBirth: '1971-01-01', phones: phones('(217) 555-0199') };
		index.upsert(moved);
		expect(index.check(candidate({ phones: phones('2175550101') }))).toEqual([]);
		expect(index.check(candidate({ phones: phones('2175550199') }))).toHaveLength(1);
		index.remove(existing.id);
		expect(index.size).toBe(0);
		expect(index.check(candidate({ phones: phones('2175550199') }))).toEqual([]);
	});
});
