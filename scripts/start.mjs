// What `npm start` runs after `npm run build`: every local service the app needs,
// started together and stopped together (Ctrl+C, SIGTERM).
//
// To add a service (e.g. the sync relay), append an entry to `services` whose `start()`
// resolves to `{ url, close }` once it is ready — a child process works the same way:
// spawn it in `start()`, resolve when it is listening, kill it in `close()`.

import { startRelayProcess } from './relay-service.mjs';
import { parsePort, startStaticServer } from './serve.mjs';

/**
 * @typedef {object} RunningService
 * @property {string} url where it can be reached
 * @property {() => Promise<void>} close stops it
 */

/**
 * @typedef {object} Service
 * @property {string} name shown in the banner
 * @property {() => Promise<RunningService>} start
 */

const host = process.env.HOST || '127.0.0.1';
const relayPort = parsePort(process.env.RELAY_PORT, 8787);

// The relay starts first: the app's server forwards /sync to it, so both share one origin.
/** @type {Service[]} */
const services = [
	{
		name: 'Sync relay',
		start: () =>
			startRelayProcess({ host: '127.0.0.1', port: relayPort, dbPath: process.env.RELAY_DB })
	},
	{
		name: 'Practice Office',
		start: () =>
			startStaticServer({
				host,
				port: parsePort(process.env.PORT, 5173),
				relay: { host: '127.0.0.1', port: relayPort }
			})
	}
];

/** @type {{ name: string, running: RunningService }[]} */
const started = [];
let stopping = false;

/** Stops everything started so far, last first. */
async function stopAll() {
	let failed = false;
	for (const { name, running } of started.reverse()) {
		try {
			await running.close();
		} catch (error) {
			failed = true;
			console.error(`Could not stop ${name}:`, error);
		}
	}
	started.length = 0;
	return !failed;
}

/** @param {NodeJS.Signals} signal */
function onSignal(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`\n${signal} received, stopping…`);
	stopAll().then(
		(ok) => process.exit(ok ? 0 : 1),
		() => process.exit(1)
	);
}

process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

/** Starts every service in order; if one fails, stops the others and exits 1. */
async function main() {
	for (const service of services) {
		if (stopping) return;
		try {
			const running = await service.start();
			started.push({ name: service.name, running });
			// Stopped while this one was starting: stop it too.
			if (stopping) {
				await stopAll();
				return;
			}
		} catch (error) {
			console.error(
				`Could not start ${service.name}: ${error instanceof Error ? error.message : String(error)}`
			);
			await stopAll();
			process.exit(1);
		}
	}
	printBanner();
}

function printBanner() {
	const width = Math.max(...started.map(({ name }) => name.length));
	const lines = started.map(({ name, running }) => `  ${name.padEnd(width)}  ${running.url}`);
	console.log(
		[
			'',
			'  Practice Office is running.',
			'',
			...lines,
			'',
			`  Open ${started.at(-1)?.running.url ?? ''} in Chromium, Edge or Chrome; install it from the`,
			'  address bar to use it as an app. It keeps working offline.',
			'',
			'  Press Ctrl+C to stop.',
			''
		].join('\n')
	);
}

await main();
