/** What a benchmark reports: one number per metric, with the goal it is held to, if any. */

/** A bound the value should stay within: at most for times, at least for throughput. */
export type Goal = { atMost: number } | { atLeast: number };

export interface Measurement {
	/** snake_case, with the unit as suffix (e.g. `open_office_ms`); stable across runs. */
	metric: string;
	value: number;
	unit: string;
	goal?: Goal;
	/** How it was measured, and what to keep in mind when reading it. */
	note?: string;
}

/** One file under bench/metrics: runs its own setup and returns its measurements. */
export type Benchmark = () => Promise<Measurement[]>;

/** Whether a measurement meets its goal; undefined when it has none. */
export function meetsGoal({ value, goal }: Measurement): boolean | undefined {
	if (!goal) return undefined;
	return 'atMost' in goal ? value <= goal.atMost : value >= goal.atLeast;
}
