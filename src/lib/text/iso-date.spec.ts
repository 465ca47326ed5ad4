import { describe, expect, it } from 'vitest';
import { isRealIsoDate } from './iso-date';

describe('isRealIsoDate', () => {
	it.each([
		['2024-02-29', true],
		['2023-02-28', true],
		['2023-02-29', false],
		['2024-04-31', false],
		['2024-13-01', false],
		['2024-00-10', false],
		['2024-1-05', false],
		['2024-01-05T00:00', false],
		['', false]
	])('%j → %s', (date, valid) => {
		expect(isRealIsoDate(date)).toBe(valid);
	});
});
