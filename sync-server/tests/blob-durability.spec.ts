import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import {
	createDevice,
	killRelays,
	RelayTestClient,
	spawnRelay,
	stopRelays,
	tempDir
} from '../test-support';

const FAST = { RATE_PER_SECOND: '100000', RATE_BURST: '100000' };

afterEach(async () => {
	await RelayTestClient.closeAll();
	await killRelays();
	await stopRelays();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const blobOf = (n: number) => Buffer.alloc(64 * 1024, `blob ${n};`);

describe('relay blobs across a crash', () => {
	it('keeps every acknowledged blob through SIGKILL', async () => {
		const dbPath = join(tempDir(), 'relay.sqlite');
		const first = await spawnRelay({ dbPath, env: FAST });
		const writer = await RelayTestClient.connect(first.url);
		await writer.register();

		const total = 400;
		let sent = 0;
		while (sent < total && writer.queued(MSG.BLOB_ACK).length < 20) {
			for (let i = 0; i < 5 && sent < total; i++) writer.putBlob(`b${++sent}`, blobOf(sent));
			await tick();
		}
		await first.kill('SIGKILL');
		await writer.closed;
		const acked = writer
			.queued(MSG.BLOB_ACK)
			.map((frame) => (frame.header as { blobId: string }).blobId);
		expect(acked.length).toBeGreaterThanOrEqual(20);

		const second = await spawnRelay({ dbPath, env: FAST });
		const resumed = await RelayTestClient.connect(second.url, writer.device);
		await resumed.auth();
		const reader = createDevice(writer.device.officeId);
		await resumed.addDevice(reader);
		const check = await RelayTestClient.connect(second.url, reader);
		await check.auth();
		for (const blobId of acked) {
			const reply = await check.getBlob(blobId);
			expect('payload' in reply && reply.payload.equals(blobOf(Number(blobId.slice(1))))).toBe(
				true
			);
		}
	}, 30_000);
});
