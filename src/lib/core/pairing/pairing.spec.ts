import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentStore } from '../documents/document-store';
import { collection, writeRecord } from '../documents/records';
import { randomBytes } from '../bytes';
import { keyringCipher } from '../keys/document-cipher';
import { peopleKeysMeta } from '../keys/people-keys';
import { rawPointOf } from '../crypto/key-agreement';
import { readOffice, unlockOffice } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';
import { makeItem } from '../test-support/items';
import { PEOPLE_DOC_ID } from '../test-support/people';
import { reach, rowCounts, settle, statuses, wire, type Wire } from '../test-support/pairing';
import {
	createTestOffice,
	deleteDatabase,
	TEST_PASSPHRASE,
	testDatabase,
	type TestOffice
} from '../test-support/test-office';
import { hostWithCode, startHosting, type HostingOptions } from './host';
import { joinOffice, type JoinOptions } from './join';
import { RELAY_URL_META_KEY } from './office-transfer';
import { memoryTransportPair } from './transport';

const RELAY = 'wss://relay.example.org';

let host: TestOffice;
let joinerDb: OfficeDatabase;
let enrolDevice: ReturnType<typeof vi.fn<HostingOptions['enrolDevice']>>;

beforeEach(async () => {
	host = await createTestOffice();
	joinerDb = testDatabase();
	enrolDevice = vi.fn<HostingOptions['enrolDevice']>(() => Promise.resolve());
});

afterEach(async () => {
	await host.dispose();
	await deleteDatabase(joinerDb);
});

/** Host and joiner over one wire; the joiner types `typed` (the host's code unless given). */
function pair(
	options: { typed?: string; wire?: Wire; host?: Partial<HostingOptions> } = {},
	joinOptions: Partial<JoinOptions> = {}
) {
	const line = options.wire ?? wire();
	const hosting = startHosting({
		db: host.db,
		relayUrl: RELAY,
		enrolDevice,
		transportFactory: () => line.host,
		...options.host
	});
	const joining = joinOffice({
		db: joinerDb,
		code: options.typed ?? hosting.code,
		relayUrl: RELAY,
		transportFactory: () => line.joiner,
		...joinOptions
	});
	return { hosting, joining, line };
}

describe('pairing a new device', () => {
	it('shows the same check code on both screens', async () => {
		const { hosting, joining } = pair();
		const [hostSees, joinerSees] = await Promise.all([
			reach(hosting, 'verify'),
			reach(joining, 'verify')
		]);
		expect(hostSees.checkCode).toMatch(/^\d{3} \d{3}$/);
		expect(joinerSees.checkCode).toBe(hostSees.checkCode);
		hosting.cancel();
	});

	it('moves no key and enrols no device before the person confirms', async () => {
		const { hosting, joining, line } = pair();
		await Promise.all([reach(hosting, 'verify'), reach(joining, 'verify')]);
		await settle(100);
		// `ready` only says "I am here"; when it goes depends on which side connected first.
		expect(line.types().filter((t) => t !== 'ready')).toEqual(['hello', 'welcome', 'reveal']);
		expect(enrolDevice).not.toHaveBeenCalled();
		expect(await readOffice(joinerDb)).toBeNull();
		expect(hosting.state.status).toBe('verify');
		hosting.cancel();
	});

	it('lets the same person sign in on the new device and read what the host wrote', async () => {
		const store = host.openStore();
		const document = await store.open({ area: 'alpha' });
		document.transact((doc) => writeRecord(doc, 'items', makeItem(1).id, makeItem(1)));
		await store.flush();

		const { hosting, joining } = pair();
		await reach(hosting, 'verify');
		hosting.confirm();
		const [hostDone, joinerDone] = await Promise.all([hosting.settled, joining.settled]);
		expect(joinerDone).toEqual({ status: 'done', officeId: host.keys.officeId });

		// The joiner signs in with what the pairing brought (the people document), before any sync.
		// The relay would then carry the host's other encrypted rows across; copy them as it would.
		const keys = await unlockOffice(joinerDb, TEST_PASSPHRASE);
		const rows = await host.db.updates.where('docId').notEqual(PEOPLE_DOC_ID).toArray();
		expect(rows.length).toBeGreaterThan(0);
		await joinerDb.updates.bulkAdd(
			rows.map(({ id: _id, ...row }) => ({ ...row, synced: 1 as const }))
		);
		expect(keys).toMatchObject({ officeId: host.keys.officeId, personId: host.keys.personId });
		expect(hostDone).toEqual({ status: 'done', deviceId: keys.deviceId });
		expect(keys.deviceId).not.toBe(host.keys.deviceId);

		const joinerStore = new DocumentStore(
			joinerDb,
			keyringCipher(keys.keyring, keys.deviceId),
			keys.deviceId,
			{
				channelName: null
			}
		);
		const copy = await joinerStore.open({ area: 'alpha' });
		expect(collection(copy.doc, 'items').toJSON()).toEqual({ [makeItem(1).id]: makeItem(1) });
		await joinerStore.close();
	});

	it('enrols exactly the device that joined, with its signing key, before the keys go out', async () => {
		const { hosting, joining, line } = pair();
		await reach(hosting, 'verify');
		enrolDevice.mockImplementationOnce(() => {
			expect(line.types('to-joiner')).not.toContain('keys');
			return Promise.resolve();
		});
		hosting.confirm();
		await joining.settled;
		const device = (await joinerDb.device.get('this-device'))!;
		expect(enrolDevice).toHaveBeenCalledOnce();
		expect(enrolDevice).toHaveBeenCalledWith({
			deviceId: device.deviceId,
			signingPublicRaw: device.signingPublicRaw,
			encryptionPublicRaw: await rawPointOf(device.encryptionPublicJwk!),
			name: expect.any(String) as string
		});
		expect((await joinerDb.meta.get(RELAY_URL_META_KEY))?.value).toBe(RELAY);
	});

	it('hands over a key the host gained while the code was on screen', async () => {
		const { hosting, joining } = pair();
		await reach(hosting, 'verify');
		await unlockOffice(host.db, TEST_PASSPHRASE, { areas: ['gamma'] });
		hosting.confirm();
		await joining.settled;
		const keys = await unlockOffice(joinerDb, TEST_PASSPHRASE);
		expect(keys.keyring.has('gamma')).toBe(true);
	});

	it('walks both screens through their states in order', async () => {
		const { hosting, joining } = pair();
		const hostSaw = statuses(hosting);
		const joinerSaw = statuses(joining);
		await reach(hosting, 'verify');
		hosting.confirm();
		await Promise.all([hosting.settled, joining.settled]);
		expect(hostSaw).toEqual(['waiting', 'verify', 'sending', 'done']);
		expect(joinerSaw).toEqual(['connecting', 'verify', 'receiving', 'done']);
	});

	it('gives a QR address that carries the code and the relay', () => {
		const hosting = startHosting({
			db: host.db,
			relayUrl: RELAY,
			enrolDevice,
			transportFactory: () => memoryTransportPair()[0],
			now: () => new Date('2026-01-01T10:00:00Z')
		});
		expect(hosting.joinUrl('https://office.example.org')).toBe(
			`https://office.example.org/join#code=${hosting.code}&relay=${encodeURIComponent(RELAY)}`
		);
		expect(hosting.expiresAt).toEqual(new Date('2026-01-01T10:10:00Z'));
		hosting.cancel();
	});
});

describe('when pairing cannot go ahead', () => {
	it('stops both sides on a wrong code and leaves the new device untouched', async () => {
		const line = wire();
		const hosting = hostWithCode('ABCDE-FGH23', {
			db: host.db,
			relayUrl: RELAY,
			enrolDevice,
			transportFactory: () => line.host
		});
		const joining = joinOffice({
			db: joinerDb,
			code: 'ABCDE-FGH24',
			relayUrl: RELAY,
			transportFactory: () => line.joiner
		});
		const [hostEnd, joinerEnd] = await Promise.all([hosting.settled, joining.settled]);
		expect(hostEnd).toMatchObject({
			status: 'failed',
			message: 'That code is not right or has expired.'
		});
		expect(joinerEnd).toMatchObject({
			status: 'failed',
			message: 'That code is not right or has expired.'
		});
		expect(line.types('to-joiner')).not.toContain('welcome');
		expect(enrolDevice).not.toHaveBeenCalled();
		expect(Object.values(await rowCounts(joinerDb)).every((n) => n === 0)).toBe(true);
	});

	it('tells a person who mistyped the code when nobody waits in that mailbox', async () => {
		const joining = joinOffice({
			db: joinerDb,
			code: 'ABCDE-FGH24',
			relayUrl: RELAY,
			transportFactory: () => ({
				send: () => undefined,
				onMessage: () => () => undefined,
				onPeer: () => () => undefined,
				onClose: () => () => undefined,
				close: () => undefined
			}),
			peerWaitMs: 50
		});
		expect(await joining.settled).toMatchObject({
			status: 'failed',
			failure: 'wrong-code',
			message: 'That code is not right or has expired.'
		});
	});

	it('refuses to join on a device that already has an office', async () => {
		const other = await createTestOffice();
		const before = await rowCounts(other.db);
		const joining = joinOffice({
			db: other.db,
			code: 'ABCDE-FGH23',
			relayUrl: RELAY,
			transportFactory: () => memoryTransportPair()[0]
		});
		expect(await joining.settled).toMatchObject({
			status: 'failed',
			message: 'This device already has an office.'
		});
		expect(await rowCounts(other.db)).toEqual(before);
		await other.dispose();
	});

	it('refuses to host on a device without an office', async () => {
		const hosting = startHosting({
			db: joinerDb,
			relayUrl: RELAY,
			enrolDevice,
			transportFactory: () => memoryTransportPair()[0]
		});
		expect(await hosting.settled).toMatchObject({
			status: 'failed',
			message: 'No office is set up on this device yet.'
		});
	});

	it('moves nothing when the host person cancels at the check code', async () => {
		const { hosting, joining, line } = pair();
		await reach(joining, 'verify');
		await reach(hosting, 'verify');
		hosting.cancel();
		expect(await joining.settled).toMatchObject({
			status: 'failed',
			message: 'Pairing was cancelled on the other device.'
		});
		expect(hosting.state).toMatchObject({ status: 'failed', message: 'Pairing was cancelled.' });
		expect(line.types()).not.toContain('keys');
		expect(enrolDevice).not.toHaveBeenCalled();
		expect(await readOffice(joinerDb)).toBeNull();
	});

	it('ignores a confirm that comes after the pairing was cancelled', async () => {
		const { hosting, joining, line } = pair();
		await reach(hosting, 'verify');
		joining.cancel();
		await hosting.settled;
		hosting.confirm();
		await settle();
		expect(hosting.state).toMatchObject({
			status: 'failed',
			message: 'Pairing was cancelled on the other device.'
		});
		expect(line.types()).not.toContain('keys');
		expect(enrolDevice).not.toHaveBeenCalled();
	});

	it('stops and sends nothing when the relay does not accept the new device', async () => {
		enrolDevice.mockRejectedValueOnce(new Error('offline'));
		const { hosting, joining, line } = pair();
		await reach(hosting, 'verify');
		hosting.confirm();
		expect(await hosting.settled).toMatchObject({
			status: 'failed',
			message: 'The relay did not accept the new device. Check the connection and start again.'
		});
		expect(await joining.settled).toMatchObject({ status: 'failed', failure: 'failed' });
		expect(line.types()).not.toContain('keys');
		expect(await readOffice(joinerDb)).toBeNull();
	});

	it('saves nothing when the keys decrypt but do not make a valid office', async () => {
		// A people key of the wrong length: sealed and delivered intact, but not a valid office.
		await host.db.meta.put(
			peopleKeysMeta([{ epoch: 1, keyId: 'a'.repeat(22), raw: randomBytes(16) }])
		);
		const { hosting, joining } = pair();
		await reach(hosting, 'verify');
		hosting.confirm();
		expect(await joining.settled).toMatchObject({ status: 'failed', failure: 'malformed' });
		expect(await hosting.settled).toMatchObject({
			status: 'failed',
			message:
				'The other device could not use what this device sent, so nothing was saved there. ' +
				'Update both devices and start again.'
		});
		expect(Object.values(await rowCounts(joinerDb)).every((n) => n === 0)).toBe(true);
	});

	it('stops when the other device leaves', async () => {
		const { hosting, joining, line } = pair();
		await reach(hosting, 'verify');
		// Gone without a word, as a closed laptop would be.
		line.joiner.close();
		expect(await hosting.settled).toMatchObject({
			status: 'failed',
			message: 'The other device left before pairing finished. Start again with a new code.'
		});
		joining.cancel();
	});

	it('stops when the code expires before anyone joins', async () => {
		const [transport] = memoryTransportPair();
		const hosting = startHosting({
			db: host.db,
			relayUrl: RELAY,
			enrolDevice,
			transportFactory: () => transport,
			timeoutMs: 50
		});
		expect(await hosting.settled).toMatchObject({
			status: 'failed',
			message: 'Pairing took too long and was stopped. Start again with a new code.'
		});
	});
});
