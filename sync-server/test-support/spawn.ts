/**
 * The relay as a child process (`node --import tsx sync-server/src/main.ts`), on 127.0.0.1 with
 * PORT=0: the port is read from its `listening` log line, then /health is awaited. Call
 * `killRelays()` in afterEach so no child outlives a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SpawnedRelay {
	url: string;
	httpUrl: string;
	port: number;
	/** stdout and stderr lines, in order. */
	logs: string[];
	child: ChildProcess;
	/** Sends a signal and waits for the exit. */
	kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const SYNC_SERVER = fileURLToPath(new URL('..', import.meta.url));
const children = new Set<ChildProcess>();

/** Starts the relay process on a database file; resolves once /health answers 200. */
export async function spawnRelay(options: {
	dbPath: string;
	env?: Record<string, string>;
}): Promise<SpawnedRelay> {
	const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
		cwd: SYNC_SERVER,
		env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: '0', RELAY_DB: options.dbPath },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	const logs: string[] = [];
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => {
			children.delete(child);
			resolve({ code, signal });
		})
	);
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`relay did not start:\n${logs.join('\n')}`)),
			15_000
		);
		const collect = (chunk: Buffer) => {
			for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
				logs.push(line);
				const port = listeningPort(line);
				if (port !== undefined) {
					clearTimeout(timer);
					resolve(port);
				}
			}
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		void exited.then(() => {
			clearTimeout(timer);
			reject(new Error(`relay exited before listening:\n${logs.join('\n')}`));
		});
	});
	const httpUrl = `http://127.0.0.1:${port}`;
	await waitForHealth(httpUrl);
	return {
		url: `ws://127.0.0.1:${port}/sync`,
		httpUrl,
		port,
		logs,
		child,
		exited,
		kill: (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
}

/** Kills every relay child still running (SIGKILL) and waits for them. */
export async function killRelays(): Promise<void> {
	const running = [...children];
	await Promise.all(
		running.map(
			(child) =>
				new Promise<void>((resolve) => {
					if (child.exitCode !== null || child.signalCode !== null) return resolve();
					child.once('exit', () => resolve());
					child.kill('SIGKILL');
				})
		)
	);
}

function listeningPort(line: string): number | undefined {
	try {
		const entry = JSON.parse(line) as { event?: string; port?: number };
		return entry.event === 'listening' ? entry.port : undefined;
	} catch {
		return undefined;
	}
}

async function waitForHealth(httpUrl: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(`${httpUrl}/health`)).status === 200) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('relay /health never answered 200');
}
