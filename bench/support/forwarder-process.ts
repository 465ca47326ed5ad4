/** Starts and stops the plain forwarding server (plain-forwarder.ts) as a child process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./plain-forwarder.ts', import.meta.url));
const START_TIMEOUT_MS = 15_000;
// tsx hands children the benchmark's --tsconfig as a relative path: make it absolute.
const TSCONFIG = fileURLToPath(new URL('../tsconfig.tsx.json', import.meta.url));

export interface ForwarderProcess {
	/** ws://127.0.0.1:<port> */
	url: string;
	stop(): Promise<void>;
}

export async function startForwarder(): Promise<ForwarderProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
		env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		process.off('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	try {
		const port = await new Promise<number>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error('The forwarder did not start.')),
				START_TIMEOUT_MS
			);
			child.stdout.once('data', (chunk: Buffer) => {
				clearTimeout(timer);
				resolve((JSON.parse(chunk.toString('utf8')) as { port: number }).port);
			});
			void exited.then(() => reject(new Error('The forwarder exited before listening.')));
		});
		return { url: `ws://127.0.0.1:${port}`, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
