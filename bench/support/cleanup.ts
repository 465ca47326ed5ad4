/**
 * Cleanup for one benchmark's processes, sockets and databases, run even when the benchmark
 * fails halfway: each step is registered as soon as there is something to undo, and they run
 * newest first, so clients stop before the relay they talk to, and databases go last.
 */
import { progress } from './progress';

export class Cleanup {
	readonly #steps: (() => Promise<void> | void)[] = [];

	/** Registers a step to run at the end. */
	defer(step: () => Promise<void> | void): void {
		this.#steps.unshift(step);
	}

	/** Runs every step, newest first, past failures; returns the failures. */
	async run(): Promise<unknown[]> {
		const failures: unknown[] = [];
		for (const step of this.#steps.splice(0)) {
			try {
				await step();
			} catch (error) {
				failures.push(error);
			}
		}
		return failures;
	}
}

/**
 * Runs `work`, then its cleanup. The benchmark's own error wins over a cleanup failure (which is
 * only reported then), so a failed run says why it failed rather than what broke afterwards.
 */
export async function withCleanup<T>(work: (cleanup: Cleanup) => Promise<T>): Promise<T> {
	const cleanup = new Cleanup();
	let result: T;
	try {
		result = await work(cleanup);
	} catch (error) {
		for (const failure of await cleanup.run()) progress(`cleanup failed too: ${String(failure)}`);
		throw error;
	}
	const failures = await cleanup.run();
	if (failures.length > 0) throw new AggregateError(failures, 'Cleanup failed.');
	return result;
}
