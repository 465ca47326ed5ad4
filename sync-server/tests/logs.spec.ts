import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFrame, MSG } from '../src/protocol';
import {
	connectOffice,
	createAdmin,
	createDevice,
	RelayTestClient,
	startTestRelay,
	stopRelays
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

describe('relay logs', () => {
	it('logs no payload, nonce, signature, link or key, while the database holds what it was given', async () => {
		const entries: Record<string, unknown>[] = [];
		const relay = await startTestRelay({ log: (entry) => entries.push(entry) });
		const canary = `CANARY-${randomBytes(8).toString('hex')}`;
		const [a, b] = await connectOffice(relay.url, 2);
		await b.subscribe();

		const link = `link-${canary}`;
		const pushed = a.push('directory', 1, Buffer.from(`plain ${canary} plain`), { link });
		await a.next(MSG.ACK);
		await b.nextPage();
		const snapshot = a.snapshot('directory', 1, 2, Buffer.from(`snapshot ${canary}`), { link });
		await a.next(MSG.SNAPSHOT_ACK);
		b.confirmSnapshot(snapshot);
		await a.next(MSG.SNAPSHOT_DONE);
		const second = createAdmin();
		const adminNonce = await a.adminNonce();
		await a.reply(
			() => a.sendAdminChange({ action: 'add-admin', added: second }, { nonce: adminNonce }),
			MSG.DEVICES
		);
		const spare = createDevice(a.device.officeId);
		await a.addDevice(spare, second);
		await a.revokeDevice(spare.deviceId, second);
		await a.restoreDevice(spare.deviceId);
		const mailbox = randomBytes(32).toString('hex');
		for (const client of [a, b]) {
			client.send(MSG.PAIR_OPEN, { mailbox });
			await client.next(MSG.PAIR_PEER);
		}
		a.send(MSG.PAIR_MSG, { mailbox }, Buffer.from(`pairing ${canary}`));
		await b.next(MSG.PAIR_MSG);
		// Refused frames must not be echoed into the logs either.
		a.send(MSG.PUSH, { ...pushed, docId: `bad|${canary}` }, Buffer.from(canary));
		a.sendRaw(
			Buffer.concat([encodeFrame(MSG.PUSH, {}).subarray(0, 5), Buffer.from(`{"${canary}`)])
		);
		a.send(MSG.HELLO, { v: 2, officeId: canary, deviceId: '|' });
		a.send(MSG.PUSH, { ...pushed, deviceSeq: 3 }, Buffer.from(canary));
		a.sendRaw(`text ${canary}`);
		await a.ping();

		const text = entries.map((entry) => JSON.stringify(entry)).join('\n');
		expect(entries.length).toBeGreaterThan(10);
		for (const secret of [
			canary,
			pushed.nonce,
			pushed.signature,
			snapshot.admin,
			snapshot.adminSignature,
			second.key,
			adminNonce,
			a.device.publicKey,
			b.device.publicKey,
			spare.publicKey
		]) {
			expect(text).not.toContain(secret);
		}
		expect(entries.filter((entry) => entry.event === 'push')).toEqual([
			expect.objectContaining({ docId: 'directory', seq: 1, size: canary.length + 12 })
		]);
		const events = entries.map((entry) => entry.event);
		for (const event of ['snapshot', 'snapshot-applied', 'admin-added', 'device-revoked']) {
			expect(events).toContain(event);
		}
		expect(events).toContain('device-restored');

		const files = [relay.dbPath, `${relay.dbPath}-wal`].filter((path) => existsSync(path));
		const stored = Buffer.concat(files.map((path) => readFileSync(path)));
		expect(stored.includes(Buffer.from(canary))).toBe(true);
	});
});
