import { describe, expect, it } from 'vitest';
import { COMMON_LANGUAGES, isAddressState, languageLabel } from './vocabulary';

describe('languageLabel', () => {
	it.each([
		['es', 'Spanish'],
		['ase', 'American Sign Language'],
		['yue', 'Chinese (Cantonese)'],
		['sw', 'Swahili'],
		['qqq', 'qqq']
	])('%s → %s', (code, label) => {
		expect(languageLabel(code)).toBe(label);
	});

	it('lists each common language once, Spanish, Chinese, Vietnamese, Tagalog and Arabic among them', () => {
		const codes = COMMON_LANGUAGES.map((language) => language.code);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes).toEqual(expect.arrayContaining(['es', 'zh', 'vi', 'tl', 'ar', 'ase']));
	});
});

describe('isAddressState', () => {
	it.each([
		['IL', true],
		['DC', true],
		['PR', true],
		['GU', true],
		['AE', true],
		['il', false],
		['ZZ', false],
		['', false]
	])('%j → %s', (state, valid) => {
		expect(isAddressState(state)).toBe(valid);
	});
});
