import { describe, expect, it } from 'vitest';
import { isUsState, isValidEmail, isValidZip, normalizePhone, phoneDigits } from './contact-rules';

describe('phones', () => {
	it.each([
		['2175550101', '(217) 555-0101', '2175550101'],
		['+1 (217) 555-0101', '(217) 555-0101', '2175550101'],
		['217.555.0101 ext. 12', '(217) 555-0101 x12', '2175550101'],
		['555-0101', null, null],
		['(117) 555-0101', null, null], // area codes never start with 1
		['217-155-0101', null, null], // nor do exchanges
		['217-555-CALL', null, null],
		['', null, null]
	])('%j → %j, digits %j', (typed, normalized, digits) => {
		expect(normalizePhone(typed)).toBe(normalized);
		expect(phoneDigits(typed)).toBe(digits);
	});
});

describe('email, ZIP and state', () => {
	it.each([
		['maria@example.com', true],
		['maria.garcia+clinic@mail.example.org', true],
		['maria@example', false],
		['maria example@example.com', false],
		['@example.com', false]
	])('isValidEmail(%j) → %s', (email, valid) => {
		expect(isValidEmail(email)).toBe(valid);
	});

	it.each([
		['62701', true],
		['62701-1234', true],
		['6270', false],
		['62701-12', false]
	])('isValidZip(%j) → %s', (zip, valid) => {
		expect(isValidZip(zip)).toBe(valid);
	});

	it.each([
		['IL', true],
		['PR', true],
		['GU', true],
		['AE', true],
		['il', false],
		['ZZ', false]
	])('isUsState(%j) → %s', (state, valid) => {
		expect(isUsState(state)).toBe(valid);
	});
});
