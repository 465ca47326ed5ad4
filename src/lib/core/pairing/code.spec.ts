import { describe, expect, it } from 'vitest';
import { formatCode, generateCode, joinUrl, normalizeCode, parseJoinUrl } from './code';

describe('generateCode', () => {
	it('shows ten Crockford base32 characters in two groups of five', () => {
		for (let i = 0; i < 50; i++) {
			expect(generateCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
		}
	});

	it('gives a different code every time', () => {
		const codes = new Set(Array.from({ length: 200 }, generateCode));
		expect(codes.size).toBe(200);
	});
});

describe('normalizeCode', () => {
	it.each([
		['ABCDE-FGH23', 'ABCDEFGH23'],
		['abcde-fgh23', 'ABCDEFGH23'],
		['  abcde fgh23 ', 'ABCDEFGH23'],
		['AB CD EF GH 23', 'ABCDEFGH23'],
		['ABCDE–FGH23', 'ABCDEFGH23'],
		['ABCDEFGH23', 'ABCDEFGH23'],
		['iIlLo-O0123', '1111000123'],
		['Q7ZXY-ZZ000', 'Q7ZXYZZ000']
	])('reads %j as %s', (input, expected) => {
		expect(normalizeCode(input)).toBe(expected);
	});

	it.each([
		['', 'empty'],
		['ABCDE-FGH2', 'nine characters'],
		['ABCDE-FGH234', 'eleven characters'],
		['ABCDE-FGHU3', 'a U, which Crockford leaves out'],
		['ABCDE-FGH2!', 'punctuation'],
		['ABCDÉ-FGH23', 'an accented letter']
	])('refuses %j (%s)', (input) => {
		expect(normalizeCode(input)).toBeNull();
	});
});

describe('formatCode', () => {
	it('groups any accepted spelling as XXXXX-XXXXX', () => {
		expect(formatCode('abcde fgh2l')).toBe('ABCDE-FGH21');
	});

	it('refuses what is not a code', () => {
		expect(() => formatCode('nope')).toThrow(RangeError);
	});
});

describe('join links', () => {
	const relay = 'wss://relay.example.org:8443/po?x=1&y=2';

	it('puts code and relay in the fragment, never in the path or query', () => {
		const url = new URL(joinUrl('https://office.example.org/', 'ABCDE-FGH23', relay));
		expect(url.origin + url.pathname).toBe('https://office.example.org/join');
		expect(url.search).toBe('');
		expect(url.hash).toContain('code=ABCDE-FGH23');
	});

	it('reads back the code and relay it was made from', () => {
		const url = joinUrl('https://office.example.org', 'abcde-fgh23', relay);
		expect(parseJoinUrl(url)).toEqual({ code: 'ABCDE-FGH23', relayUrl: relay });
		expect(parseJoinUrl(new URL(url).hash)).toEqual({ code: 'ABCDE-FGH23', relayUrl: relay });
	});

	it.each([
		'https://office.example.org/join',
		'https://office.example.org/join#code=ABCDE-FGH23',
		'https://office.example.org/join#code=nope&relay=wss%3A%2F%2Fr'
	])('finds nothing to join in %s', (url) => {
		expect(parseJoinUrl(url)).toBeNull();
	});
});
