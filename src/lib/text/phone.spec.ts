import { describe, expect, it } from 'vitest';
import { formatPhoneDigits, normalizePhone, phoneDigits } from './phone';

describe('normalizePhone and phoneDigits', () => {
	it.each([
		['(555) 201-3344', '(555) 201-3344', '5552013344'],
		['555.201.3344', '(555) 201-3344', '5552013344'],
		['+1 555 201 3344', '(555) 201-3344', '5552013344'],
		['1-555-201-3344', '(555) 201-3344', '5552013344'],
		['5552013344', '(555) 201-3344', '5552013344'],
		['555-201-3344 x123', '(555) 201-3344 x123', '5552013344'],
		['555 201 3344 ext. 45', '(555) 201-3344 x45', '5552013344'],
		['(555)201-3344x9', '(555) 201-3344 x9', '5552013344'],
		['555-201-334', null, null], // 9 digits
		['555-0101', null, null], // no area code
		['+44 20 7946 0958', null, null], // not NANP
		['055-201-3344', null, null], // area code starts with 0
		['155-201-3344', null, null], // area code starts with 1
		['555-101-3344', null, null], // exchange starts with 1
		['555-CALL-NOW', null, null],
		['', null, null]
	])('%j → %j, digits %j', (typed, normalized, digits) => {
		expect(normalizePhone(typed)).toBe(normalized);
		expect(phoneDigits(typed)).toBe(digits);
	});

	it('formats ten digits the way normalizePhone stores them', () => {
		expect(formatPhoneDigits('2175550101')).toBe(normalizePhone('217 555 0101'));
	});
});
