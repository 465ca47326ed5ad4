/**
 * The relay process. Settings come from the environment (see sync-server/README.md): HOST, PORT,
 * RELAY_DB, TLS_CERT/TLS_KEY and the limits of docs/sync-protocol.md. Logs are JSON lines on
 * stdout. SIGTERM/SIGINT: stop accepting, close sockets with 1001, close the database, exit 0.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { limitsFromEnv } from './limits';
import { createLogger, stdoutSink } from './log';
import { startRelay, type Relay } from './relay';

const log = createLogger(stdoutSink);

function tlsFromEnv(env: NodeJS.ProcessEnv): { cert: string; key: string } | undefined {
	const { TLS_CERT, TLS_KEY } = env;
	if (!TLS_CERT && !TLS_KEY) return undefined;
	if (!TLS_CERT || !TLS_KEY) throw new Error('set both TLS_CERT and TLS_KEY, or neither');
	return { cert: readFileSync(TLS_CERT, 'utf8'), key: readFileSync(TLS_KEY, 'utf8') };
}

function portFromEnv(raw: string | undefined): number {
	const port = Number(raw ?? 8787);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be 0–65535');
	return port;
}

async function main(): Promise<void> {
	const env = process.env;
	const dbPath = resolve(env.RELAY_DB ?? './data/relay.sqlite');
	mkdirSync(dirname(dbPath), { recursive: true });
	const relay: Relay = await startRelay({
		host: env.HOST ?? '127.0.0.1',
		port: portFromEnv(env.PORT),
		dbPath,
		limits: limitsFromEnv(env),
		log: stdoutSink,
		tls: tlsFromEnv(env)
	});
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		log('shutdown', { code: signal });
		relay.close().then(
			() => process.exit(0),
			() => process.exit(1)
		);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
	// Startup errors are our own messages (settings, paths), never office data.
	log('startup-failed', { code: error instanceof Error ? error.message : 'unknown' });
	process.exit(1);
});
