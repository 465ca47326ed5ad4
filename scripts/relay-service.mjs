// Runs the sync relay (sync-server/) as a child process for `npm start`, and stops it with it.

import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts the relay and resolves once its /health answers.
 *
 * @param {{ host: string, port: number, dbPath?: string }} options
 * @returns {Promise<{ url: string, host: string, port: number, close: () => Promise<void> }>}
 */
export async function startRelayProcess({ host, port, dbPath }) {
	const database = dbPath ?? join(repo, 'sync-server', 'data', 'relay.sqlite');
	mkdirSync(dirname(database), { recursive: true });
	const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
		cwd: repo,
		env: { ...process.env, HOST: host, PORT: String(port), RELAY_DB: database },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
	const url = `http://${host}:${port}`;
	await waitForHealth(`${url}/health`, exited);
	return {
		url: `ws://${host}:${port}/sync`,
		host,
		port,
		close: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

/**
 * @param {string} healthUrl
 * @param {Promise<unknown>} exited
 */
async function waitForHealth(healthUrl, exited) {
	let gone = false;
	void exited.then(() => (gone = true));
	for (let attempt = 0; attempt < 150; attempt++) {
		if (gone) throw new Error('the relay exited while starting (see the messages above)');
		try {
			const response = await fetch(healthUrl);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 200));
	}
	throw new Error(`the relay did not answer ${healthUrl} within 30 s`);
}
