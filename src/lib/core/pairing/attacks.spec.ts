/**
 * A relay (or anyone on the path) trying to read or inject: swapping keys without the code,
 * altering the sealed keys, replaying messages, and — with the code somehow known — running a
 * full man-in-the-middle, where only the check codes give it away.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from '../bytes';
import { readPeopleKeys } from '../keys/people-keys';
import { readOffice } from '../keys/vault';
import type { OfficeDatabase } from '../storage/db';
import { PEOPLE_DOC_ID } from '../test-support/people';
import { reach, rowCounts, settle, wire, type Tamper, type Wire } from '../test-support/pairing';
import {
	createTestOffice,
	deleteDatabase,
	testDatabase,
	type TestOffice
} from '../test-support/test-office';
import { ephemeralKeyPair } from './channel';
import { codeMac, deriveCodeSecrets } from './code-secrets';
import { hostWithCode, type HostingOptions } from './host';
import { joinOffice } from './join';
import { decodeMessage, encodeMessage } from './messages';
import { memoryTransportPair } from './transport';
import { commitTo, helloMacInput, revealMacInput, type HelloFields } from './transcript';

const RELAY = 'wss://relay.example.org';
const CODE = 'ABCDE-FGH23';

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

function hostOn(line: Wire, db = host.db) {
	return hostWithCode(CODE, {
		db,
		relayUrl: RELAY,
		enrolDevice,
		transportFactory: () => line.host
	});
}

function joinOn(line: Wire, db = joinerDb) {
	return joinOffice({ db, code: CODE, relayUrl: RELAY, transportFactory: () => line.joiner });
}

async function expectNothingMoved(line: Wire): Promise<void> {
	expect(line.types()).not.toContain('keys');
	expect(enrolDevice).not.toHaveBeenCalled();
	expect(Object.values(await rowCounts(joinerDb)).every((n) => n === 0)).toBe(true);
}

const attackerKey = (await ephemeralKeyPair()).publicRaw;

describe('a relay that does not know the code', () => {
	it.each<[string, Tamper]>([
		[
			"swaps the joiner's key commitment",
			(m) => (m.t === 'hello' ? { ...m, commitment: randomBytes(32) } : m)
		],
		[
			'swaps in its own device',
			(m) => (m.t === 'hello' ? { ...m, signingPublicRaw: randomBytes(32) } : m)
		],
		["swaps the host's key", (m) => (m.t === 'welcome' ? { ...m, hostKey: attackerKey } : m)],
		["swaps the joiner's key", (m) => (m.t === 'reveal' ? { ...m, joinerKey: attackerKey } : m)]
	])('%s: both sides stop and nothing moves', async (_, tamper) => {
		const line = wire(tamper);
		const hosting = hostOn(line);
		const joining = joinOn(line);
		const [hostEnd, joinerEnd] = await Promise.all([hosting.settled, joining.settled]);
		expect(hostEnd.status).toBe('failed');
		expect(joinerEnd.status).toBe('failed');
		hosting.confirm();
		await settle();
		await expectNothingMoved(line);
	});

	it('cannot read the keys: they cross the wire only as ciphertext', async () => {
		const line = wire();
		const hosting = hostOn(line);
		const joining = joinOn(line);
		await reach(hosting, 'verify');
		hosting.confirm();
		await joining.settled;
		const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
		const [{ raw: peopleKey }] = await readPeopleKeys(host.db);
		const [peopleRow] = await host.db.updates.where('docId').equals(PEOPLE_DOC_ID).toArray();
		const keys = line.sent.find((s) => s.message.t === 'keys')!;
		const onWire = latin1(encodeMessage(keys.message));
		const secrets = [
			host.keys.officeId,
			host.keys.personId,
			// The people key, and the people document's rows as the host stores them.
			latin1(peopleKey),
			latin1(peopleRow.ciphertext.subarray(0, 32))
		];
		for (const secret of secrets) expect(onWire).not.toContain(secret);
		// The joiner did receive them, so the check above looked at the right message.
		expect((await readPeopleKeys(joinerDb))[0].raw).toEqual(peopleKey);
	});

	it.each<[string, Tamper]>([
		[
			'flips a bit of the sealed keys',
			(m) => {
				if (m.t !== 'keys') return m;
				const ciphertext = new Uint8Array(m.ciphertext);
				ciphertext[10] ^= 0x01;
				return { ...m, ciphertext };
			}
		],
		[
			'changes the nonce of the sealed keys',
			(m) => (m.t === 'keys' ? { ...m, nonce: randomBytes(12) } : m)
		],
		[
			'replaces the sealed keys with its own',
			(m) => (m.t === 'keys' ? { ...m, ciphertext: randomBytes(m.ciphertext.length) } : m)
		]
	])('%s: the joiner stores nothing and both sides stop', async (_, tamper) => {
		const line = wire(tamper);
		const hosting = hostOn(line);
		const joining = joinOn(line);
		await reach(hosting, 'verify');
		hosting.confirm();
		const [hostEnd, joinerEnd] = await Promise.all([hosting.settled, joining.settled]);
		expect(joinerEnd).toMatchObject({ status: 'failed', failure: 'tampered' });
		expect(hostEnd.status).toBe('failed');
		expect(Object.values(await rowCounts(joinerDb)).every((n) => n === 0)).toBe(true);
	});

	it('cannot make the host answer a second hello', async () => {
		let replayed = false;
		const line = wire((m, direction, raw) => {
			if (m.t === 'reveal' && !replayed) {
				replayed = true;
				const hello = line.sent.find((s) => s.message.t === 'hello')!.message;
				line.host.send(raw);
				return hello;
			}
			return m;
		});
		const hosting = hostOn(line);
		const joining = joinOn(line);
		expect(await hosting.settled).toMatchObject({ status: 'failed', failure: 'tampered' });
		await joining.settled;
		await expectNothingMoved(line);
	});

	it('cannot turn garbage into a message', async () => {
		const line = wire((m) => (m.t === 'welcome' ? randomBytes(80) : m));
		const hosting = hostOn(line);
		const joining = joinOn(line);
		expect(await joining.settled).toMatchObject({ status: 'failed', failure: 'tampered' });
		await hosting.settled;
		await expectNothingMoved(line);
	});
});

describe('an attacker who somehow knows the code', () => {
	it('shows different check codes on the two screens, so the person stops it', async () => {
		const attacker = await createTestOffice();
		const attackerDb = testDatabase();
		// Real host ⇄ attacker posing as the joiner; attacker posing as the host ⇄ real joiner.
		const toHost = wire();
		const toJoiner = wire();
		const hosting = hostOn(toHost);
		const fakeJoiner = joinOn(toHost, attackerDb);
		const fakeHost = hostWithCode(CODE, {
			db: attacker.db,
			relayUrl: RELAY,
			enrolDevice: () => Promise.resolve(),
			transportFactory: () => toJoiner.host
		});
		const joining = joinOn(toJoiner);

		const [hostSees, joinerSees] = await Promise.all([
			reach(hosting, 'verify'),
			reach(joining, 'verify')
		]);
		expect(joinerSees.checkCode).not.toBe(hostSees.checkCode);

		hosting.cancel();
		fakeHost.cancel();
		await Promise.all([fakeJoiner.settled, joining.settled]);
		expect(enrolDevice).not.toHaveBeenCalled();
		expect(await readOffice(attackerDb)).toBeNull();
		await attacker.dispose();
		await deleteDatabase(attackerDb);
	});

	it("cannot pick its key after seeing the host's, so it cannot steer the check code", async () => {
		const [hostEnd, attackerEnd] = memoryTransportPair();
		const hosting = hostWithCode(CODE, {
			db: host.db,
			relayUrl: RELAY,
			enrolDevice,
			transportFactory: () => hostEnd
		});
		const secrets = await deriveCodeSecrets(CODE);
		const committed = await ephemeralKeyPair();
		const chosenLater = await ephemeralKeyPair();
		const hello: HelloFields = {
			mailbox: secrets.mailbox,
			commitment: await commitTo(committed.publicRaw),
			deviceId: 'ATTACKER',
			signingPublicRaw: randomBytes(32),
			encryptionPublicRaw: randomBytes(65),
			name: 'Attacker'
		};
		attackerEnd.onMessage((raw) => {
			const message = decodeMessage(raw);
			if (message?.t !== 'welcome') return;
			const transcript = { ...hello, hostKey: message.hostKey, joinerKey: chosenLater.publicRaw };
			void codeMac(secrets, revealMacInput(transcript)).then((mac) =>
				attackerEnd.send(encodeMessage({ t: 'reveal', joinerKey: chosenLater.publicRaw, mac }))
			);
		});
		const mac = await codeMac(secrets, helloMacInput(hello));
		attackerEnd.send(encodeMessage({ t: 'hello', v: 2, ...hello, mac }));

		const seen: string[] = [];
		hosting.subscribe((state) => seen.push(state.status));
		expect(await hosting.settled).toMatchObject({ status: 'failed', failure: 'tampered' });
		expect(seen).not.toContain('verify');
		expect(enrolDevice).not.toHaveBeenCalled();
	});
});
