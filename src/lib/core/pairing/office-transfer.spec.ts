import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newDeviceRow, readOffice } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';
import { rowCounts } from '../test-support/pairing';
import {
	createTestOffice,
	deleteDatabase,
	testDatabase,
	type TestOffice
} from '../test-support/test-office';
import { PairingError } from './errors';
import { readTransfer, RELAY_URL_META_KEY, writeTransfer } from './office-transfer';
import type { KeysPayload } from './payload';

const RELAY = 'wss://relay.example.org';

let host: TestOffice;
let payload: KeysPayload;
let db: OfficeDatabase;

beforeEach(async () => {
	host = await createTestOffice();
	payload = await readTransfer(host.db, RELAY);
	db = testDatabase();
});

afterEach(async () => {
	await host.dispose();
	await deleteDatabase(db);
});

describe('readTransfer', () => {
	it("collects the office, the owner's identity and every key wrapped for them", async () => {
		expect(payload.office).toEqual(await readOffice(host.db));
		expect(payload.identity.personId).toBe(host.keys.personId);
		expect(payload.keyring).toHaveLength(await host.db.keyring.count());
		expect(payload.relayUrl).toBe(RELAY);
	});

	it('fails with no-office on a device without an office', async () => {
		const error = await readTransfer(db, RELAY).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(PairingError);
		expect((error as PairingError).failure).toBe('no-office');
	});
});

describe('writeTransfer', () => {
	it('stores office, identity, keys, relay and device together', async () => {
		const device = await newDeviceRow();
		await writeTransfer(db, payload, device);
		expect(await readOffice(db)).toEqual(payload.office);
		expect(await db.identities.get(payload.identity.personId)).toEqual(payload.identity);
		expect(await db.keyring.count()).toBe(payload.keyring.length);
		expect((await db.meta.get(RELAY_URL_META_KEY))?.value).toBe(RELAY);
		expect((await db.device.get('this-device'))?.deviceId).toBe(device.deviceId);
	});

	it('refuses a device that already has an office and leaves that office as it was', async () => {
		const before = await rowCounts(host.db);
		const office = await readOffice(host.db);
		await expect(writeTransfer(host.db, payload, await newDeviceRow())).rejects.toThrow(
			'This device already has an office.'
		);
		expect(await rowCounts(host.db)).toEqual(before);
		expect(await readOffice(host.db)).toEqual(office);
	});

	it('writes nothing at all when one of its writes fails', async () => {
		vi.spyOn(db.keyring, 'bulkPut').mockRejectedValueOnce(new Error('disk on fire'));
		const error = await writeTransfer(db, payload, await newDeviceRow()).catch((e: unknown) => e);
		expect((error as PairingError).failure).toBe('storage');
		expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
	});

	it('refuses when this device got another identity while pairing ran', async () => {
		await db.device.put(await newDeviceRow());
		await expect(writeTransfer(db, payload, await newDeviceRow())).rejects.toBeInstanceOf(
			PairingError
		);
		expect(await readOffice(db)).toBeNull();
	});
});
