/** Cleanup that has to wait until every benchmark is done (shared fixtures). */

const pending: (() => Promise<void>)[] = [];

/** Registers cleanup to run once at the end, newest first. */
export function atTeardown(cleanup: () => Promise<void>): void {
	pending.unshift(cleanup);
}

/** Runs every registered cleanup, continuing past failures. */
export async function teardown(): Promise<void> {
	for (const cleanup of pending.splice(0)) await cleanup().catch(() => undefined);
}
