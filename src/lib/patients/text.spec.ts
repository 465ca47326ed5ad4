import { describe, expect, it } from 'vitest';
import { foldCompact, foldText, foldedWords } from './text';

describe('folding text', () => {
	it.each([
		['José García', 'jose garcia'],
		["  Seán  O'Brien ", 'sean obrien'],
		['D’Angelo', 'dangelo'],
		['Łukasz Søndergaard', 'lukasz sondergaard'],
		['Straße', 'strasse'],
		['Nguyễn Thị', 'nguyen thi'],
		['ZOË', 'zoe']
	])('%j → %j', (text, folded) => {
		expect(foldText(text)).toBe(folded);
	});

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
