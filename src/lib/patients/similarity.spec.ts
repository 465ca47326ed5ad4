import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areNicknames } from './nicknames';
import { editDistance, jaroWinkler, nameSimilarity } from './similarity';

describe('jaroWinkler', () => {
	it.each([
		['martha', 'marhta', 0.961],
		['dwayne', 'duane', 0.84],
		['dixon', 'dicksonx', 0.813],
		['jonh', 'john', 0.933],
		['maria', 'marcus', 0.79],
		['abc', 'xyz', 0],
		['', 'anna', 0]
	])('%s ~ %s ≈ %s', (a, b, expected) => {
		expect(jaroWinkler(a, b)).toBeCloseTo(expected, 2);
	});

	it('is 1 for equal strings and symmetric', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				expect(jaroWinkler(a, a)).toBe(1);
				expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 10);
			})
		);
	});
});

describe('editDistance', () => {
	it.each([
		['garcia', 'garcia', 0],
		['xarcia', 'garcia', 1],
		['jonh', 'john', 1],
		['garca', 'garcia', 1],
		['kitten', 'sitting', 3],
		['', 'abc', 3],
		['ca', 'abc', 3] // optimal string alignment: a swapped pair is not edited again
	])('%s → %s takes %i edits', (a, b, edits) => {
		expect(editDistance(a, b)).toBe(edits);
	});

	it('never exceeds the longer length and is symmetric', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
				const d = editDistance(a, b);
				expect(d).toBe(editDistance(b, a));
				expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
				expect(d === 0).toBe(a === b);
			})
		);
	});
});

describe('nameSimilarity', () => {
	it('takes the better of the two measures', () => {
		expect(nameSimilarity('xarcia', 'garcia')).toBeCloseTo(
			Math.max(jaroWinkler('xarcia', 'garcia'), 5 / 6)
		);
		expect(nameSimilarity('', '')).toBe(1);
	});
});

describe('areNicknames', () => {
	it.each([
		['Bob', 'Robert', true],
		['liz', 'ELIZABETH', true],
		['Bill', 'William', true],
		['Pepe', 'José', true],
		['Alex', 'Alexandra', true],
		['Alexander', 'Alexandra', false],
		['Robert', 'William', false],
		['Zoë', 'Zoe', false] // not nicknames: equal once folded, which the name comparison handles
	])('%s and %s → %s', (a, b, expected) => {
		expect(areNicknames(a, b)).toBe(expected);
	});
});
