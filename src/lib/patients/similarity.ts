// String similarity for names. Jaro-Winkler rewards a shared beginning and forgives swapped
// neighbours ('Jonh' ~ 'John' 0.93); optimal-string-alignment distance counts one insertion,
// deletion, substitution or swap of neighbours as one edit ('Xarcia' is 1 edit from 'Garcia').

/** Jaro-Winkler similarity of `a` and `b`, 0 (nothing shared) … 1 (equal). */
export function jaroWinkler(a: string, b: string): number {
	if (a === b) return 1;
	if (a.length === 0 || b.length === 0) return 0;
	const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
	const aMatched = new Array<boolean>(a.length).fill(false);
	const bMatched = new Array<boolean>(b.length).fill(false);
	let matches = 0;
	for (let i = 0; i < a.length; i++) {
		const from = Math.max(0, i - window);
		const to = Math.min(b.length - 1, i + window);
		for (let j = from; j <= to; j++) {
			if (bMatched[j] || a[i] !== b[j]) continue;
			aMatched[i] = bMatched[j] = true;
			matches++;
			break;
		}
	}
	if (matches === 0) return 0;
	let transposed = 0;
	for (let i = 0, j = 0; i < a.length; i++) {
		if (!aMatched[i]) continue;
		while (!bMatched[j]) j++;
		if (a[i] !== b[j]) transposed++;
		j++;
	}
	const m = matches;
	const jaro = (m / a.length + m / b.length + (m - transposed / 2) / m) / 3;
	let prefix = 0;
	while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
	return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
	// Rows i-2, i-1 and i of the optimal-string-alignment table.
	let before = new Array<number>(b.length + 1).fill(0);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				best = Math.min(best, before[j - 2] + 1);
			}
			current.push(best);
		}
		[before, previous] = [previous, current];
	}
	return previous[b.length];
}

/** How alike two folded names are, 0 … 1: the better of Jaro-Winkler and 1 − edits / length. */
export function nameSimilarity(a: string, b: string): number {
	if (a === b) return 1;
	const longest = Math.max(a.length, b.length);
	if (longest === 0) return 1;
	return Math.max(jaroWinkler(a, b), 1 - editDistance(a, b) / longest);
}
