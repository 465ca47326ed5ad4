import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utf8Encode } from '../bytes';
import { collection, writeRecord } from '../documents/records';
import {
	connected,
	enrolledDevices,
	startTestRelay,
	type TestDevice
} from '../test-support/sync-devices';
import { countUnsynced } from './outbox-rows';

const CANARY = 'CANARY-SYNC-91';

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

function relayFiles(dbPath: string): Uint8Array[] {
	return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]
		.filter((path) => existsSync(path))
		.map((path) => new Uint8Array(readFileSync(path)));
}

let devices: TestDevice[] = [];

afterEach(async () => {
	for (const device of devices) await device.dispose();
	devices = [];
});

describe('what the relay sees', () => {
	it('never holds the plaintext: not in its SQLite files, its log, or any frame a device sent', async () => {
		const log: Record<string, unknown>[] = [];
		const relay = await startTestRelay({ log: (entry) => log.push(entry) });
		try {
			const group = (await enrolledDevices(relay, 2)).devices;
			devices.push(...group);
			const [a, b] = group;
			await b.client.start();
			await connected(b.client);
			await b.documents.open({ area: 'alpha' });

			const document = await a.documents.open({ area: 'alpha' });
			document.transact((doc) =>
				writeRecord(doc, 'items', `id-${CANARY}`, { name: CANARY, note: `note ${CANARY}` })
			);
			await a.documents.flush();
			await vi.waitFor(async () => {
				const items = collection((await b.documents.open({ area: 'alpha' })).doc, 'items');
				expect(items.get(`id-${CANARY}`)?.get('name')).toBe(CANARY);
			});
			expect(await countUnsynced(a.db)).toBe(0);

			const needle = utf8Encode(CANARY);
			const files = relayFiles(relay.dbPath);
			expect(files.length).toBeGreaterThan(0);
			for (const file of files) expect(contains(file, needle)).toBe(false);
			expect(JSON.stringify(log)).not.toContain(CANARY);
			const frames = [...a.socket.sent, ...b.socket.sent];
			expect(frames.some((frame) => frame[0] === 0x12)).toBe(true);
			for (const frame of frames) expect(contains(frame, needle)).toBe(false);
			// The scan can fail: the same bytes in the clear are found.
			expect(contains(utf8Encode(`x${CANARY}y`), needle)).toBe(true);
		} finally {
			await relay.close();
		}
	});
});
