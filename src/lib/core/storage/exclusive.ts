/**
 * Runs work under a named lock shared by every tab of this browser (Web Locks), or, where there is
 * none (Node, in tests and benchmarks), by every caller in this process — which is what two
 * "tabs" are there.
 */
const queues = new Map<string, Promise<unknown>>();

export async function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
	const locks = globalThis.navigator?.locks;
	if (locks) return locks.request(name, work);
	const before = queues.get(name) ?? Promise.resolve();
	const run = before.then(work, work);
	const settled = run.catch(() => undefined);
	queues.set(name, settled);
	try {
		return await run;
	} finally {
		if (queues.get(name) === settled) queues.delete(name);
	}
}
