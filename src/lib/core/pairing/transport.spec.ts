import { describe, expect, it } from 'vitest';
import { settle } from '../test-support/pairing';
import { memoryTransportPair } from './transport';

describe('memoryTransportPair', () => {
	it('delivers messages in order, as copies', async () => {
		const [a, b] = memoryTransportPair();
		const got: number[][] = [];
		b.onMessage((payload) => got.push([...payload]));
		const sent = new Uint8Array([1]);
		a.send(sent);
		sent[0] = 9;
		a.send(new Uint8Array([2]));
		await settle(0);
		expect(got).toEqual([[1], [2]]);
	});

	it('keeps messages until the other side listens, like a mailbox', async () => {
		const [a, b] = memoryTransportPair();
		a.send(new Uint8Array([1]));
		await settle(0);
		const got: number[][] = [];
		b.onMessage((payload) => got.push([...payload]));
		await settle(0);
		expect(got).toEqual([[1]]);
	});

	it('says the other side is there, and that it left once it closes', async () => {
		const [a, b] = memoryTransportPair();
		const seen: boolean[] = [];
		b.onPeer((present) => seen.push(present));
		await settle(0);
		a.close();
		await settle(0);
		expect(seen).toEqual([true, false]);
	});

	it('still delivers what was sent just before closing', async () => {
		const [a, b] = memoryTransportPair();
		const got: number[][] = [];
		b.onMessage((payload) => got.push([...payload]));
		a.send(new Uint8Array([5]));
		a.close();
		a.send(new Uint8Array([6]));
		await settle(0);
		expect(got).toEqual([[5]]);
	});
});
