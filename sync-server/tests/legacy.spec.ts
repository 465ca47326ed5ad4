/**
 * An office a v1 relay registered, in a database file of schema version 2, opened by this relay:
 * it keeps its devices, items and blobs (reported with `v: 1` and an empty link, so clients
 * verify them with the v1 texts), and it gets its first admin by trust on first use.
 */
import { verify } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { publicKeyFromRaw } from '../src/signatures';
import {
	blobTextV1,
	createAdmin,
	createDevice,
	createLegacyDatabase,
	itemTextV1,
	RelayTestClient,
	startTestRelay,
	stopRelays,
	tempDir,
	type DeviceIdentity,
	type Item
} from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

const verifies = (device: DeviceIdentity, data: Buffer, signature: string) =>
	verify(
		null,
		data,
		publicKeyFromRaw(Buffer.from(device.publicKey, 'base64'))!,
		Buffer.from(signature, 'base64')
	);

async function openLegacy(log?: (entry: Record<string, unknown>) => void) {
	const dbPath = join(tempDir(), 'relay.sqlite');
	const office = createLegacyDatabase(dbPath);
	const relay = await startTestRelay({ dbPath, log });
	const [first, second] = await Promise.all(
		office.devices.map((device) => RelayTestClient.connect(relay.url, device))
	);
	return { office, relay, dbPath, first, second };
}

describe('relay with an office of a v1 relay', () => {
	it('keeps its devices, items and blobs, reported with v 1 and an empty link', async () => {
		const { office, dbPath, second } = await openLegacy();
		const ready = await second.auth();
		expect(ready).toEqual({
			devices: office.devices.map((device, i) => ({
				deviceId: device.deviceId,
				revoked: false,
				publicKey: device.publicKey,
				addedBy: '',
				addedAt: office.createdAt[i]
			})),
			admins: []
		});

		const { items, pages } = await second.subscribe();
		expect(pages[0]).toMatchObject({ latest: 4, sinceSnapshot: 2 });
		expect(items.map((item) => [item.seq, item.kind, item.link, item.v])).toEqual([
			[2, 'snapshot', '', 1],
			[3, 'update', '', 1],
			[4, 'update', '', 1]
		]);
		const writerOf = (item: Item) => office.devices.find((d) => d.deviceId === item.deviceId)!;
		for (const item of items) {
			expect(item.payload.equals(office.items.find((i) => i.seq === item.seq)!.payload)).toBe(true);
			expect(verifies(writerOf(item), itemTextV1(item), item.signature)).toBe(true);
		}

		const reply = await second.getBlob(office.blob.blobId);
		if (!('blob' in reply)) throw new Error('the v1 blob is missing');
		expect(reply.blob).toMatchObject({ link: '', v: 1, deviceId: office.devices[1].deviceId });
		const blob = { ...office.blob, ...reply.blob, payload: reply.payload };
		expect(verifies(office.devices[1], blobTextV1(blob), reply.blob.signature)).toBe(true);

		// New writes are v2; a device of the office keeps its deviceSeq history.
		expect(await second.pushAndAck('directory', 1, Buffer.from('x'))).toMatchObject({ seq: 4 });
		expect(await second.pushAndAck('directory', 2, Buffer.from('new'))).toMatchObject({ seq: 5 });
		const db = new Database(dbPath, { readonly: true });
		expect(db.pragma('user_version', { simple: true })).toBe(3);
		db.close();
	});

	it('adopts its first self-signed admin, and refuses a second self-signed one', async () => {
		const entries: Record<string, unknown>[] = [];
		const { office, first, second } = await openLegacy((entry) => entries.push(entry));
		await Promise.all([first.auth(), second.auth()]);
		const manager = createAdmin();

		const adopted = await first.addAdmin(manager, manager);
		expect(adopted.admins).toEqual([manager.key]);
		expect(entries.filter((entry) => entry.event === 'admin-adopted')).toHaveLength(1);
		expect(JSON.stringify(entries)).not.toContain(manager.key);

		const usurper = createAdmin();
		await second.sendAdminChange({ action: 'add-admin', added: usurper }, { by: usurper });
		expect(await second.error()).toMatchObject({ code: 'not-admin', fatal: false });

		// From now on the adopted admin rules: device changes need its signature.
		const device = createDevice(office.officeId);
		await second.sendAdminChange({ action: 'add-device', device }, { by: createAdmin() });
		expect((await second.error()).code).toBe('not-admin');
		const added = await first.addDevice(device, manager);
		expect(added.devices.at(-1)).toMatchObject({ deviceId: device.deviceId, addedBy: manager.key });
	});

	it('refuses every device change before an admin is adopted', async () => {
		const { office, first } = await openLegacy();
		await first.auth();
		const self = createAdmin();
		const change = { action: 'revoke-device', deviceId: office.devices[1].deviceId } as const;
		await first.sendAdminChange(change, { by: self });
		expect(await first.error()).toMatchObject({ code: 'not-admin', fatal: false });
		// Adopting needs the key to add itself: another key signing for it is no adoption.
		await first.sendAdminChange({ action: 'add-admin', added: createAdmin() }, { by: self });
		expect((await first.error()).code).toBe('not-admin');
	});
});
