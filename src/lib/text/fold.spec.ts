import { describe, expect, it } from 'vitest';
import { foldCompact, foldText, foldedWords, matchesSearch } from './fold';

describe('foldText', () => {
	it.each([
		['José García', 'jose garcia'],
		['  José   MARÍA  Núñez ', 'jose maria nunez'],
		["  Seán  O'Brien ", 'sean obrien'],
		['D’Angelo', 'dangelo'],
		['Łukasz Søndergaard', 'lukasz sondergaard'],
		['Straße', 'strasse'],
		['Nguyễn Thị', 'nguyen thi'],
		['ZOË', 'zoe']
	])('%j → %j', (text, folded) => {
		expect(foldText(text)).toBe(folded);
	});
});

describe('foldedWords and foldCompact', () => {
	it('splits names into words at spaces, hyphens and dots, without repeats', () => {
		expect(foldedWords('García-López', 'de la Cruz', 'St. John', 'garcia')).toEqual([
			'garcia',
			'lopez',
			'de',
			'la',
			'cruz',
			'st',
			'john'
		]);
		expect(foldedWords('李 小龙')).toEqual(['李', '小龙']);
	});

	it('compacts a name to its letters', () => {
		expect(foldCompact('de la Cruz')).toBe('delacruz');
		expect(foldCompact('Mary-Ann')).toBe('maryann');
	});
});

describe('matchesSearch', () => {
	it.each([
		['jose', true],
		['JOS', true],
		['José', true],
		['jose gar', true],
		['  garcía   jo ', true],
		['', true],
		['josef', false],
		['jose smith', false]
	])('José García matches %j: %s', (query, expected) => {
		expect(matchesSearch(['José', 'García', 'MD'], query)).toBe(expected);
	});

	it('ignores apostrophes on either side', () => {
		expect(matchesSearch(['Seán', 'O’Brien'], "o'brien")).toBe(true);
		expect(matchesSearch(['Sean', 'OBrien'], 'o’bri')).toBe(true);
	});
});
