// Do two people's names look like the same person's? Compares folded given names (with the
// preferred and middle names as alternatives) and family names, directly and swapped, forgiving
// accents, nicknames, typos and one part of a compound family name.
import { areNicknames } from './nicknames';
import { nameSimilarity } from './similarity';
import { foldCompact, foldedWords } from '$lib/text/fold';

/** The names of a person as a duplicate check reads them. */
export interface PersonName {
	givenName: string;
	middleName?: string;
	familyName: string;
	preferredName?: string;
}

/** Why two names count as alike, from the least to the most surprising. */
export type NameMatch = 'same' | 'accents' | 'compound' | 'spelling' | 'nickname' | 'swapped';

/** How alike two people's names are. */
export interface NameComparison {
	/** 0 … 1; both parts must reach the threshold for the names to count as similar. */
	score: number;
	/** The lower of the given-name and family-name scores. */
	weakest: number;
	how: NameMatch;
}

const NOTABILITY: readonly NameMatch[] = ['same', 'accents', 'compound', 'spelling', 'nickname'];

interface PartScore {
	score: number;
	how: NameMatch;
}

function givenPart(a: string[], b: string[]): PartScore {
	let best: PartScore = { score: 0, how: 'spelling' };
	for (const x of a) {
		for (const y of b) {
			const part: PartScore =
				x === y
					? { score: 1, how: 'same' }
					: areNicknames(x, y)
						? { score: 0.95, how: 'nickname' }
						: { score: nameSimilarity(x, y), how: 'spelling' };
			if (part.score > best.score) best = part;
		}
	}
	return best;
}

function familyPart(a: string, b: string): PartScore {
	const [x, y] = [foldCompact(a), foldCompact(b)];
	if (x === y) return { score: 1, how: 'same' };
	const [wordsA, wordsB] = [foldedWords(a), foldedWords(b)];
	const compound = wordsA.length + wordsB.length > 2 && wordsA.some((w) => wordsB.includes(w));
	const spelling = nameSimilarity(x, y);
	return compound && spelling < 0.95
		? { score: 0.95, how: 'compound' }
		: { score: spelling, how: 'spelling' };
}

function givenForms(name: PersonName): string[] {
	const forms = [name.givenName, name.preferredName ?? '', name.middleName ?? ''].map(foldCompact);
	return [...new Set(forms.filter(Boolean))];
}

function combine(given: PartScore, family: PartScore, swapped: boolean): NameComparison {
	const how = swapped
		? 'swapped'
		: NOTABILITY[Math.max(NOTABILITY.indexOf(given.how), NOTABILITY.indexOf(family.how))];
	return {
		score: (given.score + family.score) / 2,
		weakest: Math.min(given.score, family.score),
		how
	};
}

/** How alike the names of `a` and `b` are, read in the most favourable way. */
export function compareNames(a: PersonName, b: PersonName): NameComparison {
	const direct = combine(
		givenPart(givenForms(a), givenForms(b)),
		familyPart(a.familyName, b.familyName),
		false
	);
	const swapped = combine(
		givenPart([foldCompact(a.givenName)], [foldCompact(b.familyName)]),
		familyPart(a.familyName, b.givenName),
		true
	);
	const best = swapped.weakest > direct.weakest ? swapped : direct;
	if (best.how === 'same' && !spelledAlike(a, b)) return { ...best, how: 'accents' };
	return best;
}

/** True when the names match letter for letter, not only once accents and apostrophes go. */
function spelledAlike(a: PersonName, b: PersonName): boolean {
	const lower = (s = '') => s.trim().toLowerCase();
	const forms = (name: PersonName) =>
		[name.givenName, name.preferredName, name.middleName].map(lower).filter(Boolean);
	return (
		lower(a.familyName) === lower(b.familyName) && forms(a).some((form) => forms(b).includes(form))
	);
}
