/**
 * Runs the benchmarks in Node: `npm run bench` prints a table, `npm run bench -- --json` prints
 * only JSON lines (`{"metric", "value", "unit"}`), `--only a,b` runs the named benchmarks (see
 * bench/metrics/index.ts). Progress goes to stderr.
 *
 * IndexedDB here is fake-indexeddb, a pure-JS implementation slower than Chromium's, so numbers
 * for storage-bound work (opening, compaction) are a conservative upper bound of the browser's.
 * WebCrypto is Node's own (OpenSSL), as the browser's is native too.
 */
import 'fake-indexeddb/auto';
import type { Measurement } from './measurement';
import { BENCHMARKS } from './metrics/index';
import { jsonLines, table } from './report';
import { progress } from './support/progress';
import { teardown } from './support/teardown';

interface Options {
	json: boolean;
	only: string[];
}

function parseArguments(args: string[]): Options {
	const options: Options = { json: false, only: [] };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--json') options.json = true;
		else if (arg === '--only') options.only.push(...(args[++i] ?? '').split(','));
		else if (arg.startsWith('--only=')) options.only.push(...arg.slice(7).split(','));
		else throw new Error(`Unknown argument ${arg}. Use --json and/or --only <name>[,<name>].`);
	}
	const known = Object.keys(BENCHMARKS);
	const unknown = options.only.filter((name) => !known.includes(name));
	if (unknown.length > 0) {
		throw new Error(`No benchmark named ${unknown.join(', ')}. Known: ${known.join(', ')}.`);
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArguments(process.argv.slice(2));
	const names = Object.keys(BENCHMARKS).filter(
		(name) => options.only.length === 0 || options.only.includes(name)
	);
	const measurements: Measurement[] = [];
	try {
		for (const name of names) {
			progress(`${name}…`);
			const { measure } = await BENCHMARKS[name]();
			measurements.push(...(await measure()));
		}
	} finally {
		await teardown();
	}
	progress('done');
	process.stdout.write(`${options.json ? jsonLines(measurements) : table(measurements)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
	);
	process.exitCode = 1;
});
