/** What the latency benchmark drives: a way for edits to get from device A to device B. */

export interface EditPath {
	/** Makes edit `n` on A; resolves with the milliseconds until B's document holds it. */
	edit(n: number): Promise<number>;
	/** Byte size of every Yjs update A's edits produced, in order. */
	readonly updateBytes: number[];
}

/** Rejects if `arrival` takes longer than `ms`: a lost edit must fail the run, not hang it. */
export function within<T>(arrival: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not arrive within ${ms} ms.`)), ms);
	});
	return Promise.race([arrival, timeout]).finally(() => clearTimeout(timer));
}
