import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, type Frame } from '../sync/protocol';
import type { SocketLike } from '../sync/socket';
import { relayPairingTransport, relaySocketUrl } from './relay-transport';

const MAILBOX = 'ab'.repeat(32);

/** A socket that records frames and lets the test play the relay. */
class FakeSocket implements SocketLike {
	static last: FakeSocket;
	binaryType: BinaryType = 'blob';
	readyState = 0;
	sent: Frame[] = [];
	closedWith: number | undefined;
	onopen: ((event: Event) => void) | null = null;
	onmessage: ((event: MessageEvent) => void) | null = null;
	onclose: ((event: CloseEvent) => void) | null = null;
	onerror: ((event: Event) => void) | null = null;

	constructor(readonly url: string) {
		FakeSocket.last = this;
	}

	send(data: Uint8Array<ArrayBuffer>): void {
		const decoded = decodeFrame(data);
		if (!decoded.ok) throw new Error(decoded.message);
		this.sent.push(decoded.frame);
	}

	close(code?: number): void {
		this.closedWith = code;
	}

	open(): void {
		this.readyState = 1;
		this.onopen?.(new Event('open'));
	}

	relaySends(type: Parameters<typeof encodeFrame>[0], header: object, payload?: Uint8Array): void {
		const data = encodeFrame(type, header, payload).buffer;
		this.onmessage?.({ data } as MessageEvent);
	}

	relayCloses(code: number): void {
		this.onclose?.({ code, reason: '' } as CloseEvent);
	}
}

function transport() {
	const t = relayPairingTransport({
		url: 'wss://relay.example.org',
		mailbox: MAILBOX,
		WebSocketImpl: FakeSocket
	});
	const socket = FakeSocket.last;
	const received: Uint8Array[] = [];
	const peers: boolean[] = [];
	const closes: string[] = [];
	t.onMessage((payload) => received.push(payload));
	t.onPeer((present) => peers.push(present));
	t.onClose((reason) => closes.push(reason));
	return { t, socket, received, peers, closes };
}

describe('relayPairingTransport', () => {
	it('connects to the relay’s sync path and receives binary frames', () => {
		const { socket } = transport();
		expect(socket.url).toBe('wss://relay.example.org/sync');
		expect(socket.binaryType).toBe('arraybuffer');
	});

	it('opens the mailbox first, then sends what was queued while connecting', () => {
		const { t, socket } = transport();
		t.send(new Uint8Array([1, 2]));
		expect(socket.sent).toEqual([]);
		socket.open();
		t.send(new Uint8Array([3]));
		expect(socket.sent.map((f) => [f.type, f.header, [...f.payload]])).toEqual([
			['PAIR_OPEN', { mailbox: MAILBOX }, []],
			['PAIR_MSG', { mailbox: MAILBOX }, [1, 2]],
			['PAIR_MSG', { mailbox: MAILBOX }, [3]]
		]);
	});

	it('passes on messages and presence of its own mailbox only', () => {
		const { socket, received, peers } = transport();
		socket.open();
		socket.relaySends('PAIR_PEER', { mailbox: MAILBOX, present: true });
		socket.relaySends('PAIR_MSG', { mailbox: MAILBOX }, new Uint8Array([7]));
		socket.relaySends('PAIR_MSG', { mailbox: 'cd'.repeat(32) }, new Uint8Array([8]));
		socket.relaySends('PAIR_PEER', { mailbox: MAILBOX, present: false });
		socket.relaySends('PONG', {});
		expect(received.map((p) => [...p])).toEqual([[7]]);
		expect(peers).toEqual([true, false]);
	});

	it('ends on any relay error, saying which', () => {
		const { t, socket, closes } = transport();
		socket.open();
		socket.relaySends('ERROR', { code: 'mailbox-full', message: 'x', fatal: false });
		expect(closes).toEqual(['The relay refused the pairing (mailbox-full).']);
		expect(socket.closedWith).toBe(1000);
		t.send(new Uint8Array([1]));
		expect(socket.sent).toHaveLength(1);
	});

	it('reports a connection the relay dropped', () => {
		const { socket, closes } = transport();
		socket.relayCloses(1006);
		expect(closes).toEqual(['The relay closed the connection (1006).']);
	});

	it('does not report its own close as a loss', () => {
		const { t, socket, closes } = transport();
		socket.open();
		t.close();
		socket.relayCloses(1000);
		expect(closes).toEqual([]);
		expect(socket.closedWith).toBe(1000);
	});
});

describe('relaySocketUrl', () => {
	it.each([
		['wss://relay.example.org', 'wss://relay.example.org/sync'],
		['wss://relay.example.org/', 'wss://relay.example.org/sync'],
		['ws://127.0.0.1:8080/sync', 'ws://127.0.0.1:8080/sync'],
		['https://example.org/relay/', 'wss://example.org/relay/sync'],
		['http://localhost:3000', 'ws://localhost:3000/sync']
	])('connects %s at %s', (url, socketUrl) => {
		expect(relaySocketUrl(url)).toBe(socketUrl);
	});
});
