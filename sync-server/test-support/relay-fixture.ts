/**
 * In-process relays for tests: a fresh database in a temp folder, 127.0.0.1 and a random port.
 * Call `stopRelays()` in afterEach: it closes every relay started here and removes its folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Limits } from '../src/limits';
import { startRelay, type Relay } from '../src/relay';

export interface TestRelay extends Relay {
	dbPath: string;
	dir: string;
}

const running = new Set<TestRelay>();
const folders = new Set<string>();

/** A temp folder removed by `stopRelays()`. */
export function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'po-relay-'));
	folders.add(dir);
	return dir;
}

/** Starts a relay on 127.0.0.1:0 with a new database. */
export async function startTestRelay(
	options: {
		limits?: Partial<Limits>;
		log?: (entry: Record<string, unknown>) => void;
		dbPath?: string;
	} = {}
): Promise<TestRelay> {
	const dir = tempDir();
	const dbPath = options.dbPath ?? join(dir, 'relay.sqlite');
	const relay = await startRelay({
		host: '127.0.0.1',
		port: 0,
		dbPath,
		limits: options.limits,
		log: options.log
	});
	const testRelay = { ...relay, dbPath, dir };
	running.add(testRelay);
	return testRelay;
}

/** Closes every relay started by startTestRelay and removes the temp folders. */
export async function stopRelays(): Promise<void> {
	const relays = [...running];
	running.clear();
	await Promise.all(relays.map((relay) => relay.close()));
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
	folders.clear();
}
