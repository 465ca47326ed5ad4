/** Progress messages go to stderr, so `--json` output on stdout stays machine-readable. */

const started = performance.now();

export function progress(message: string): void {
	const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
	process.stderr.write(`[${seconds} s] ${message}\n`);
}
