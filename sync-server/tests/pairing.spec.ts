import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MSG } from '../src/protocol';
import { connectOffice, RelayTestClient, startTestRelay, stopRelays } from '../test-support';

afterEach(async () => {
	await RelayTestClient.closeAll();
	await stopRelays();
});

const mailboxId = () => randomBytes(32).toString('hex');

interface PeerHeader {
	mailbox: string;
	present: boolean;
}

describe('relay pairing mailboxes', () => {
	it('lets a new device and an enrolled one exchange messages through a mailbox', async () => {
		const relay = await startTestRelay();
		const [enrolled] = await connectOffice(relay.url, 1);
		const newcomer = await RelayTestClient.connect(relay.url);
		const mailbox = mailboxId();

		enrolled.send(MSG.PAIR_OPEN, { mailbox });
		expect((await enrolled.next<PeerHeader>(MSG.PAIR_PEER)).header).toEqual({
			mailbox,
			present: false
		});
		newcomer.send(MSG.PAIR_OPEN, { mailbox });
		expect((await newcomer.next<PeerHeader>(MSG.PAIR_PEER)).header.present).toBe(true);
		expect((await enrolled.next<PeerHeader>(MSG.PAIR_PEER)).header.present).toBe(true);

		newcomer.send(MSG.PAIR_MSG, { mailbox }, Buffer.from('hello from the new device'));
		const there = await enrolled.next(MSG.PAIR_MSG);
		expect(there.header).toEqual({ mailbox });
		expect(there.payload.toString()).toBe('hello from the new device');
		enrolled.send(MSG.PAIR_MSG, { mailbox }, Buffer.from('wrapped keys'));
		expect((await newcomer.next(MSG.PAIR_MSG)).payload.toString()).toBe('wrapped keys');

		await newcomer.close();
		expect((await enrolled.next<PeerHeader>(MSG.PAIR_PEER)).header).toEqual({
			mailbox,
			present: false
		});
	});

	it('refuses a third member', async () => {
		const relay = await startTestRelay();
		const mailbox = mailboxId();
		const clients = await Promise.all([0, 1, 2].map(() => RelayTestClient.connect(relay.url)));
		for (const client of clients.slice(0, 2)) {
			client.send(MSG.PAIR_OPEN, { mailbox });
			await client.next(MSG.PAIR_PEER);
		}
		clients[2].send(MSG.PAIR_OPEN, { mailbox });
		expect(await clients[2].error()).toMatchObject({ code: 'mailbox-full', fatal: false });
	});

	it('refuses messages to a mailbox the socket is not in, or with nobody else in it', async () => {
		const relay = await startTestRelay();
		const client = await RelayTestClient.connect(relay.url);
		const mailbox = mailboxId();
		client.send(MSG.PAIR_MSG, { mailbox }, Buffer.from('x'));
		expect((await client.error()).code).toBe('not-in-mailbox');
		client.send(MSG.PAIR_OPEN, { mailbox });
		await client.next(MSG.PAIR_PEER);
		client.send(MSG.PAIR_MSG, { mailbox }, Buffer.from('x'));
		expect((await client.error()).code).toBe('no-peer');
	});

	it('closes an unauthenticated socket after the timeout unless it waits in a mailbox', async () => {
		const relay = await startTestRelay({ limits: { authTimeoutMs: 150, mailboxTtlMs: 600 } });
		const idle = await RelayTestClient.connect(relay.url);
		const pairing = await RelayTestClient.connect(relay.url);
		pairing.send(MSG.PAIR_OPEN, { mailbox: mailboxId() });
		await pairing.next(MSG.PAIR_PEER);
		const started = Date.now();

		expect(await idle.closed).toEqual({ code: 1008, reason: 'auth-timeout' });
		expect(pairing.open).toBe(true);
		expect(await pairing.error('mailbox-expired', 2000)).toMatchObject({ fatal: true });
		expect((await pairing.closed).code).toBe(1008);
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
	});

	it('keeps an authenticated socket open when its mailbox expires', async () => {
		const relay = await startTestRelay({ limits: { mailboxTtlMs: 100 } });
		const [enrolled] = await connectOffice(relay.url, 1);
		enrolled.send(MSG.PAIR_OPEN, { mailbox: mailboxId() });
		expect(await enrolled.error('mailbox-expired', 2000)).toMatchObject({ fatal: false });
		await enrolled.ping();
	});
});
