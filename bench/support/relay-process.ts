/**
 * The relay as production runs it: its own process (`sync-server/src/main.ts`), so its CPU and
 * memory are its own and not the benchmark's. The database lives in a fresh temporary folder on
 * the real disk (commits are fsynced, as in production). `stop` ends the process and removes the
 * folder; if the benchmark process dies first, the child is killed on the way out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnRelay, type SpawnedRelay } from '../../sync-server/test-support/spawn';

const STOP_GRACE_MS = 3000;
const CLOCK_TICKS = 100;
// tsx passes the benchmark's --tsconfig (a relative path) on to children in TSX_TSCONFIG_PATH;
// the relay runs from sync-server/, where that path does not exist, so it gets its own.
const RELAY_TSCONFIG = fileURLToPath(new URL('../../sync-server/tsconfig.json', import.meta.url));

export interface RelayProcess {
	/** ws://127.0.0.1:<port>/sync */
	url: string;
	pid: number;
	/** Resident memory of the relay process now, in MiB (VmRSS). */
	rssMb(): number;
	/** CPU time the relay process has used so far (user + system), in seconds. */
	cpuSeconds(): number;
	/** Stops the relay (SIGTERM, then SIGKILL if it lingers) and deletes its database folder. */
	stop(): Promise<void>;
}

/** Starts a relay process; `env` sets limits (sync-server/src/limits.ts LIMIT_ENV). */
export async function startRelayProcess(env: Record<string, string> = {}): Promise<RelayProcess> {
	const dir = mkdtempSync(join(tmpdir(), 'po-bench-relay-'));
	const removeDir = () => rmSync(dir, { recursive: true, force: true });
	let relay: SpawnedRelay;
	try {
		relay = await spawnRelay({
			dbPath: join(dir, 'relay.sqlite'),
			env: { TSX_TSCONFIG_PATH: RELAY_TSCONFIG, ...env }
		});
	} catch (error) {
		removeDir();
		throw error;
	}
	const { child } = relay;
	const pid = child.pid;
	// A synchronous last resort: 'exit' handlers cannot wait, but a signal needs no waiting.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	if (pid === undefined) {
		await relay.kill('SIGKILL');
		removeDir();
		throw new Error('The relay process has no pid.');
	}
	return {
		url: relay.url,
		pid,
		rssMb: () => rssMb(pid),
		cpuSeconds: () => cpuSeconds(pid),
		async stop() {
			process.off('exit', killOnExit);
			const timer = setTimeout(() => void relay.kill('SIGKILL'), STOP_GRACE_MS);
			await relay.kill('SIGTERM');
			clearTimeout(timer);
			removeDir();
		}
	};
}

/** VmRSS of a process from /proc (Linux), in MiB. */
export function rssMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
	if (!match) throw new Error(`No VmRSS in /proc/${pid}/status.`);
	return Number(match[1]) / 1024;
}

/** utime + stime of a process from /proc/<pid>/stat (Linux), in seconds. */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may contain spaces; the fields after its ')' are fixed.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
