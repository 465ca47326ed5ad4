/**
 * CSV as RFC 4180 has it: comma-separated, CRLF line ends, a cell quoted when it holds a comma,
 * quote or line break, quotes doubled inside. A spreadsheet runs a cell starting with = + - @
 * (or a tab / carriage return before one) as a formula, so such cells get a leading apostrophe:
 * a log must never execute what someone typed into it (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, defused and quoted as needed. */
export function csvCell(value: string | number): string {
	let text = String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header row, then one line per row, each line ended by CRLF. */
export function toCsv(
	header: readonly string[],
	rows: readonly (readonly (string | number)[])[]
): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
