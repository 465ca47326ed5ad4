/**
 * A relay that holds back updates is noticed, not trusted: through a real relay on 127.0.0.1,
 * with a test in the middle that drops one update from what the relay sends.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentRef } from '../documents/document-id';
import { parseLink } from '../documents/item-link';
import { collection, writeRecord } from '../documents/records';
import { readMeta } from '../storage/db';
import {
	connected,
	enrolledDevices,
	startTestRelay,
	type TestDevice
} from '../test-support/sync-devices';
import type { UpdatesHeader, UpdatesItem } from './messages';
import { countUnsynced } from './outbox-rows';
import { decodeFrame, encodeFrame, MESSAGE_TYPES } from './protocol';

const ALPHA: DocumentRef = { area: 'alpha' };

let relay: Awaited<ReturnType<typeof startTestRelay>>;
let devices: TestDevice[] = [];

beforeAll(async () => {
	relay = await startTestRelay();
});

afterAll(async () => {
	await relay.close();
});

afterEach(async () => {
	for (const device of devices) await device.dispose();
	devices = [];
});

/** The frame without the UPDATES items `drop` picks (any other frame as it is). */
function without(frame: Uint8Array, drop: (item: UpdatesItem) => boolean): Uint8Array {
	const decoded = decodeFrame(frame, { maxHeaderBytes: 1024 * 1024 });
	if (!decoded.ok || decoded.frame.type !== 'UPDATES') return frame;
	const header = decoded.frame.header as unknown as UpdatesHeader;
	const kept: UpdatesItem[] = [];
	const parts: Uint8Array[] = [];
	let offset = 0;
	for (const item of header.items) {
		const part = decoded.frame.payload.subarray(offset, offset + item.size);
		offset += item.size;
		if (drop(item)) continue;
		kept.push(item);
		parts.push(part);
	}
	if (kept.length === header.items.length) return frame;
	const payload = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
	parts.reduce((at, part) => (payload.set(part, at), at + part.length), 0);
	return encodeFrame('UPDATES', { ...header, items: kept }, payload);
}

/** B wrote r1, r2, r3 (its chain positions 1–3) while A was offline. */
async function backlogOfThree() {
	const { devices: group } = await enrolledDevices(relay, 2);
	devices.push(...group);
	const [a, b] = group;
	await a.client.stop();
	await b.client.start();
	const document = await b.documents.open(ALPHA);
	for (const id of ['r1', 'r2', 'r3']) {
		document.transact((doc) => writeRecord(doc, 'items', id, { name: id }));
		await b.documents.flush();
	}
	await vi.waitFor(async () => expect(await countUnsynced(b.db)).toBe(0));
	const second = (item: UpdatesItem) =>
		item.deviceId === b.device.deviceId && parseLink(item.link)?.chainSeq === 2;
	return { a, b, second };
}

async function itemIds(device: TestDevice) {
	return [...collection((await device.documents.open(ALPHA)).doc, 'items').keys()].sort();
}

/** The cursors each SUBSCRIBE this device sent asked for. */
function subscribed(device: TestDevice): Record<string, number>[] {
	return device.socket.sent
		.filter((frame) => frame[0] === MESSAGE_TYPES.SUBSCRIBE)
		.map((frame) => {
			const decoded = decodeFrame(frame, { maxHeaderBytes: 1024 * 1024 });
			return decoded.ok ? (decoded.frame.header.cursors as Record<string, number>) : {};
		});
}

describe('updates the relay holds back', () => {
	it('sees a gap when the relay holds back one update, asks again, and reports it when it stays missing', async () => {
		const { a, b, second } = await backlogOfThree();
		a.socket.tap = (frame) => [without(frame, second)];
		const sockets = a.socket.sockets.length;
		const subscribes = subscribed(a).length;

		await a.client.start();
		await vi.waitFor(() => expect(a.client.status.gaps).toHaveLength(1));
		expect(a.client.status.gaps[0]).toMatchObject({
			docId: 'alpha',
			deviceId: b.device.deviceId,
			from: 2,
			to: 2
		});
		// Asked once more from the start, on a new connection, and no more than that.
		expect(a.socket.sockets).toHaveLength(sockets + 2);
		const cursors = subscribed(a).slice(subscribes);
		expect(cursors.map((cursor) => cursor.alpha ?? 0)).toEqual([0, 0]);
		expect(a.client.status.state).toBe('connected');
		// Yjs keeps r3 pending until r2 arrives: only r1 shows.
		expect(await itemIds(a)).toEqual(['r1']);
	});

	it('fills the gap when the relay sends the update it held back on the second asking', async () => {
		const { a, second } = await backlogOfThree();
		let dropped = 0;
		a.socket.tap = (frame) => {
			const out = without(frame, (item) => dropped === 0 && second(item));
			if (out !== frame) dropped++;
			return [out];
		};

		await a.client.start();
		await connected(a.client);
		await vi.waitFor(async () => expect(await itemIds(a)).toEqual(['r1', 'r2', 'r3']));
		await vi.waitFor(() => expect(a.client.status.lastSyncedAt).not.toBeNull());
		expect(dropped).toBe(1);
		expect(a.client.status.gaps).toEqual([]);
		expect(await readMeta(a.db, 'sync:refetched', null)).toEqual([]);
	});
});
