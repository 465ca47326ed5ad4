/**
 * Half-open intervals [start, end) of numbers — minutes of a day, or epoch milliseconds — kept
 * sorted and non-overlapping. Availability is built from them: working hours minus breaks,
 * blocks, holidays and bookings.
 */

export interface Interval {
	start: number;
	end: number;
}

/** Sorted, merged, without empty intervals. */
export function normalize(intervals: readonly Interval[]): Interval[] {
	const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
	const merged: Interval[] = [];
	for (const interval of sorted) {
		const last = merged.at(-1);
		if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
		else merged.push({ ...interval });
	}
	return merged;
}

/** `from` with every part covered by `remove` taken out. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
	const cuts = normalize(remove);
	const result: Interval[] = [];
	for (const interval of normalize(from)) {
		let start = interval.start;
		for (const cut of cuts) {
			if (cut.end <= start || cut.start >= interval.end) continue;
			if (cut.start > start) result.push({ start, end: cut.start });
			start = Math.max(start, cut.end);
		}
		if (start < interval.end) result.push({ start, end: interval.end });
	}
	return result;
}

/** Whether [start, end) lies wholly inside one of `intervals`. */
export function covers(intervals: readonly Interval[], start: number, end: number): boolean {
	return intervals.some((i) => i.start <= start && end <= i.end);
}

/** Total length of the intervals. */
export function totalLength(intervals: readonly Interval[]): number {
	return normalize(intervals).reduce((sum, i) => sum + i.end - i.start, 0);
}
