/**
 * Edits as plain Yjs updates: A's Y.Doc sends each update over a websocket, a forwarding server
 * (its own process, like the relay) passes it on, and B applies it with Y.applyUpdate. No keys,
 * signatures, storage or acknowledgements: the floor the encrypted path is compared against.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Cleanup } from './cleanup';
import { within, type EditPath } from './edit-path';
import { applyEdit, hasEdit, seedRecords } from './edit-stream';
import { startForwarder } from './forwarder-process';

const EDIT_TIMEOUT_MS = 10_000;

export async function plainPath(cleanup: Cleanup): Promise<EditPath> {
	const forwarder = await startForwarder();
	cleanup.defer(() => forwarder.stop());
	const a = await openSocket(forwarder.url, cleanup);
	const b = await openSocket(forwarder.url, cleanup);

	const source = new Y.Doc({ gc: true });
	const target = new Y.Doc({ gc: true });
	cleanup.defer(() => {
		source.destroy();
		target.destroy();
	});
	source.transact(() => seedRecords(source));
	// Both start from the same state, as two synced devices would.
	Y.applyUpdate(target, Y.encodeStateAsUpdate(source));

	const updateBytes: number[] = [];
	source.on('update', (update: Uint8Array) => {
		updateBytes.push(update.length);
		a.send(update);
	});
	let received: (() => void) | null = null;
	b.on('message', (data: Buffer) => {
		Y.applyUpdate(target, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
		received?.();
	});
	return {
		updateBytes,
		async edit(n) {
			const arrived = new Promise<number>((resolve) => {
				received = () => {
					if (!hasEdit(target, n)) return;
					received = null;
					resolve(performance.now());
				};
			});
			const start = performance.now();
			source.transact(() => applyEdit(source, n));
			return (await within(arrived, EDIT_TIMEOUT_MS, `Plain edit ${n}`)) - start;
		}
	};
}

async function openSocket(url: string, cleanup: Cleanup): Promise<WebSocket> {
	const socket = new WebSocket(url, { perMessageDeflate: false });
	cleanup.defer(() => socket.terminate());
	await new Promise<void>((resolve, reject) => {
		socket.once('open', () => resolve());
		socket.once('error', reject);
	});
	return socket;
}
