/** Summaries of repeated timings. */

function sorted(values: number[]): number[] {
	if (values.length === 0) throw new Error('No values to summarise.');
	return [...values].sort((a, b) => a - b);
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: number[]): number {
	const s = sorted(values);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The nearest-rank percentile: the smallest value at least `p` percent of values do not exceed. */
export function percentile(values: number[], p: number): number {
	const s = sorted(values);
	const rank = Math.ceil((p / 100) * s.length);
	return s[Math.min(s.length, Math.max(1, rank)) - 1];
}
