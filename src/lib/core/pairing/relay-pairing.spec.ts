/**
 * Pairing through a real relay (sync-server), end to end: the host enrols the new device with
 * ADD_DEVICE on its own sync connection, the new device then signs in to the relay with its own
 * key and receives — and can decrypt — what the host wrote.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { DocumentStore } from '../documents/document-store';
import { collection, writeRecord } from '../documents/records';
import { keyringCipher } from '../keys/document-cipher';
import { unlockOffice } from '../keys/vault';
import { readMeta, type OfficeDatabase } from '../storage/db';
import { toBase64 } from '../bytes';
import { sign } from '../crypto/signing';
import { proveAdminKey, type AdminSigner } from '../sync/admin-signer';
import type { WebSocketConstructor } from '../sync/socket';
import { SyncClient } from '../sync/sync-client';
import { makeItem } from '../test-support/items';
import { reach, rowCounts } from '../test-support/pairing';
import { connected, startTestRelay } from '../test-support/sync-devices';
import {
	createTestOffice,
	deleteDatabase,
	TEST_PASSPHRASE,
	testDatabase,
	type TestOffice
} from '../test-support/test-office';
import { startHosting } from './host';
import { joinOffice } from './join';
import { RELAY_URL_META_KEY } from './office-transfer';
import { relayPairingTransport } from './relay-transport';

const WebSocketImpl = WebSocket as unknown as WebSocketConstructor;

let relay: Awaited<ReturnType<typeof startTestRelay>>;
let logs: Record<string, unknown>[];
let host: TestOffice;
let joinerDb: OfficeDatabase;
const cleanups: (() => void | Promise<void>)[] = [];

beforeEach(async () => {
	logs = [];
	relay = await startTestRelay({ log: (entry) => logs.push(entry) });
	host = await createTestOffice();
	joinerDb = testDatabase();
});

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
	await host.dispose();
	await deleteDatabase(joinerDb);
	await relay.close();
});

const transportFactory = (mailbox: string) =>
	relayPairingTransport({ url: relay.url, mailbox, WebSocketImpl });

/** The office manager (the test office's only person) as the relay's administrator. */
function managerSigner(keys: TestOffice['keys']): AdminSigner {
	const { signingKey, signingPrivate } = keys.person;
	return {
		key: signingKey!,
		sign: async (data) => toBase64(await sign(signingPrivate!, data))
	};
}

/**
 * A running sync client for a database whose office and device exist; `register` makes it the
 * office's first device at the relay, with the manager as its administrator.
 */
async function syncing(db: OfficeDatabase, register: boolean) {
	const keys = await unlockOffice(db, TEST_PASSPHRASE);
	const admin = managerSigner(keys);
	const device = (await db.device.get('this-device'))!;
	const cipher = keyringCipher(keys.keyring, keys.deviceId);
	const documents = new DocumentStore(db, cipher, keys.deviceId, { channelName: null });
	const client = new SyncClient({
		db,
		url: (await readMeta<string | null>(db, RELAY_URL_META_KEY, null)) ?? relay.url,
		officeId: keys.officeId,
		deviceId: device.deviceId,
		signingKey: device.signingPrivateKey,
		signingPublicRaw: device.signingPublicRaw,
		WebSocketImpl,
		register,
		registerAdmin: register ? await proveAdminKey(keys.officeId, admin) : undefined,
		documents,
		cipher,
		channelName: null
	});
	cleanups.push(async () => {
		await client.stop();
		await documents.close();
	});
	await client.start();
	await connected(client);
	return { client, documents, admin };
}

describe('pairing through the relay', () => {
	it('gives the new device the office, lets it sign in to the relay and read the host’s data', async () => {
		const store = host.openStore();
		const document = await store.open({ area: 'alpha' });
		document.transact((doc) => writeRecord(doc, 'items', makeItem(7).id, makeItem(7)));
		await store.flush();
		const hostSync = await syncing(host.db, true);

		const hosting = startHosting({
			db: host.db,
			relayUrl: relay.url,
			enrolDevice: async (device) =>
				void (await hostSync.client.addDevice(
					device.deviceId,
					device.signingPublicRaw,
					hostSync.admin
				)),
			transportFactory
		});
		const joining = joinOffice({
			db: joinerDb,
			code: hosting.code,
			relayUrl: relay.url,
			transportFactory
		});
		const [hostSees, joinerSees] = await Promise.all([
			reach(hosting, 'verify'),
			reach(joining, 'verify')
		]);
		expect(joinerSees.checkCode).toBe(hostSees.checkCode);
		hosting.confirm();
		expect((await joining.settled).status).toBe('done');
		expect((await hosting.settled).status).toBe('done');

		const joinerSync = await syncing(joinerDb, false);
		// The people document came with the pairing; the alpha rows can only come from the relay.
		const alphaRows = () => joinerDb.updates.where('docId').equals('alpha').count();
		await vi.waitFor(async () => expect(await alphaRows()).toBeGreaterThan(0), {
			timeout: 5000
		});
		const copy = await joinerSync.documents.open({ area: 'alpha' });
		expect(collection(copy.doc, 'items').toJSON()).toEqual({ [makeItem(7).id]: makeItem(7) });

		const logged = JSON.stringify(logs);
		for (const form of [hosting.code, hosting.code.replace('-', '')]) {
			expect(logged).not.toContain(form);
		}
	});

	it('tells the person a mistyped code is wrong when nobody waits in that mailbox', async () => {
		const hosting = startHosting({
			db: host.db,
			relayUrl: relay.url,
			enrolDevice: () => Promise.resolve(),
			transportFactory
		});
		cleanups.push(() => hosting.cancel());
		const typo = hosting.code.startsWith('0')
			? `1${hosting.code.slice(1)}`
			: `0${hosting.code.slice(1)}`;
		const joining = joinOffice({
			db: joinerDb,
			code: typo,
			relayUrl: relay.url,
			transportFactory,
			peerWaitMs: 300
		});
		expect(await joining.settled).toMatchObject({
			status: 'failed',
			message: 'That code is not right or has expired.'
		});
		expect(hosting.state.status).toBe('waiting');
		expect(Object.values(await rowCounts(joinerDb)).every((n) => n === 0)).toBe(true);
	});
});
