import { describe, expect, it } from 'vitest';
import { parseDobQuery, type DobQuery } from './dob-query';

const TODAY = '2026-11-27';

/** The dates a query stands for, sorted, or its ISO prefix. */
function meaning(token: string): string[] | string | null {
	const query: DobQuery | null = parseDobQuery(token, TODAY);
	if (!query) return null;
	return query.kind === 'prefix' ? `prefix ${query.prefix}` : [...query.dates].sort();
}

describe('parseDobQuery', () => {
	it.each([
		['1984-03-07', ['1984-03-07']],
		['1984-3-7', ['1984-03-07']],
		['03/07/1984', ['1984-03-07']],
		['3/7/1984', ['1984-03-07']],
		['3/7/84', ['1984-03-07']],
		['03-07-84', ['1984-03-07']],
		['3.7.84', ['1984-03-07']],
		['3/7/15', ['1915-03-07', '2015-03-07']],
		['030784', ['1984-03-07']],
		['03071984', ['1984-03-07']],
		['19840307', ['1984-03-07']]
	])('reads %j as %j', (token, dates) => {
		expect(meaning(token)).toEqual(dates);
	});

	it.each([
		['1', 'prefix 1'],
		['198', 'prefix 198'],
		['1984', 'prefix 1984'],
		['1984-', 'prefix 1984-'],
		['1984-0', 'prefix 1984-0'],
		['1984-03-0', 'prefix 1984-03-0'],
		['1984-03-1', 'prefix 1984-03-1']
	])('reads %j, an ISO date being typed, as a prefix', (token, prefix) => {
		expect(meaning(token)).toBe(prefix);
	});

	it('reads a month-first date being typed as every date it could become', () => {
		expect(meaning('3/1/1984')).toEqual(['1984-03-01']);
		expect(meaning('3/1/198')).toEqual(Array.from({ length: 10 }, (_, i) => `198${i}-03-01`));
		// '3/1' may become 3/1, 3/10 … 3/19, in any year.
		const partly = meaning('3/1') as string[];
		expect(partly).toContain('1984-03-01');
		expect(partly).toContain('2001-03-19');
		expect(partly).not.toContain('2001-03-20');
		expect(partly.every((date) => date <= TODAY)).toBe(true);
		expect((meaning('2/') as string[]).length).toBeGreaterThan(127 * 28);
	});

	it('marks a fully typed date complete and a partial one not', () => {
		expect(parseDobQuery('3/7/84', TODAY)).toMatchObject({ complete: true });
		expect(parseDobQuery('3/7/8', TODAY)).toMatchObject({ complete: false });
		expect(meaning('3/7/8')).toContain('1984-03-07');
		expect(parseDobQuery('3/7', TODAY)).toMatchObject({ complete: false });
	});

	it.each(['13/1/1984', '2/30/1984', '1899-12-31', '555-01', '12-34', '19840', 'abc', '0/'])(
		'finds no date of birth in %j',
		(token) => {
			expect(meaning(token)).toBeNull();
		}
	);
});
