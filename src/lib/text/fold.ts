// Folding text for search and comparison: accents, case and apostrophes do not matter, so
// 'José O’Brien', 'jose obrien' and 'JOSE O'BRIEN' all fold to 'jose obrien'.

// Letters NFD does not decompose into a base letter plus marks.
const EXTRA_FOLDS: Record<string, string> = {
	ł: 'l',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ħ: 'h',
	ı: 'i',
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	þ: 'th'
};
const EXTRA = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

/** `s` lowercased, without accents or apostrophes, whitespace collapsed. */
export function foldText(s: string): string {
	return s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(EXTRA, (c) => EXTRA_FOLDS[c])
		.replace(/['’ʼ`]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The folded words of `parts` (split at spaces, hyphens and other punctuation), deduplicated. */
export function foldedWords(...parts: string[]): string[] {
	const words = new Set<string>();
	for (const part of parts) {
		for (const word of foldText(part).split(/[^\p{L}\p{N}]+/u)) if (word) words.add(word);
	}
	return [...words];
}

/** `s` folded with every character that is not a letter or digit removed: 'de la Cruz' → 'delacruz'. */
export function foldCompact(s: string): string {
	return foldText(s).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when every word of `query` appears, folded, inside at least one of `haystackParts`. */
export function matchesSearch(haystackParts: string[], query: string): boolean {
	const tokens = foldText(query).split(' ').filter(Boolean);
	const parts = haystackParts.map(foldText);
	return tokens.every((token) => parts.some((part) => part.includes(token)));
}
