import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
	it.each([
		['plain', 'plain'],
		['a, b', '"a, b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		['carriage\rreturn', '"carriage\rreturn"'],
		['', ''],
		[42, '42']
	])('quotes %j as RFC 4180 asks', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});

	it.each([
		['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
		['+1+2', "'+1+2"],
		['-2+3', "'-2+3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['a=1', 'a=1']
	])('defuses %j so a spreadsheet shows it as text', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});
});

describe('toCsv', () => {
	it('writes the header, then one CRLF-ended line per row', () => {
		expect(
			toCsv(
				['Name', 'Note'],
				[
					['Ann', 'x, y'],
					['Ben', '']
				]
			)
		).toBe('Name,Note\r\nAnn,"x, y"\r\nBen,\r\n');
	});

	it('writes only the header when there are no rows', () => {
		expect(toCsv(['A', 'B'], [])).toBe('A,B\r\n');
	});
});
