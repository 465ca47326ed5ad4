import { describe, expect, it } from 'vitest';
import { parseQuery } from './search-query';

const TODAY = '2026-11-27';

describe('parseQuery', () => {
	it('splits names into folded words, one term each', () => {
		expect(parseQuery("  María  O'Brien-Díaz, ", TODAY)).toEqual([
			{ name: 'maria' },
			{ name: 'obrien' },
			{ name: 'diaz' }
		]);
	});

	it('reads a phone number typed with spaces as one number', () => {
		expect(parseQuery('(217) 555 0101', TODAY)).toEqual([{ phone: '2175550101' }]);
		expect(parseQuery('+1 217 555 0101', TODAY)).toEqual([{ phone: '2175550101' }]);
	});

	it('reads an MRN with its P', () => {
		expect(parseQuery('p00', TODAY)).toEqual([{ mrn: 'P00' }]);
		expect(parseQuery('p000-0018', TODAY)).toEqual([{ mrn: 'P0000018' }]);
		expect(parseQuery('p', TODAY)).toEqual([{ name: 'p' }]);
	});

	it('lets digits stand for a date of birth, a phone and an MRN at once', () => {
		expect(parseQuery('1984', TODAY)).toEqual([
			{ dob: { kind: 'prefix', prefix: '1984' }, phone: '1984', mrn: 'P1984' }
		]);
		expect(parseQuery('555-01', TODAY)).toEqual([{ phone: '55501' }]);
		expect(parseQuery('3/7/84', TODAY)[0]).toMatchObject({
			dob: { kind: 'dates', complete: true }
		});
		expect(parseQuery('3/7/84', TODAY)[0].phone).toBeUndefined();
	});

	it('keeps a term that can match nothing, so the search finds no one', () => {
		expect(parseQuery('maria 13/45', TODAY)).toEqual([{ name: 'maria' }, {}]);
		expect(parseQuery(' - ', TODAY)).toEqual([]);
	});
});
