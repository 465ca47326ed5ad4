import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRef } from '../documents/document-id';
import { writeRecord } from '../documents/records';
import {
	connected,
	createTestDevice,
	enrol,
	enrolledDevices,
	startTestRelay,
	type TestDevice
} from '../test-support/sync-devices';
import { countUnsynced } from './outbox-rows';
import type { SyncStatus } from './sync-status';

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

async function writeMany(device: TestDevice, from: number, to: number) {
	const document = await device.documents.open(ALPHA);
	for (let n = from; n <= to; n++) {
		document.transact((doc) => writeRecord(doc, 'items', `item-${n}`, { n }));
		await device.documents.flush();
	}
}

/** The document's items, read from a copy of its whole Yjs state. */
async function stateOf(device: TestDevice) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate((await device.documents.open(ALPHA)).doc));
	return { items: doc.getMap('items').toJSON() };
}

async function pushed(device: TestDevice) {
	await vi.waitFor(async () => expect(await countUnsynced(device.db)).toBe(0), {
		timeout: 20_000,
		interval: 20
	});
}

/** A device enrolled after the others, with a fresh database. */
async function latecomer(
	first: TestDevice,
	office: Awaited<ReturnType<typeof enrolledDevices>>['office']
) {
	const late = await createTestDevice({ relay, office, name: 'late' });
	devices.push(late);
	await enrol(first, late);
	return late;
}

describe('large documents', () => {
	it(
		'compacts at the relay after 500 items; a new device starts from that snapshot and ends up identical',
		{ timeout: 60_000 },
		async () => {
			const { office, devices: group } = await enrolledDevices(relay, 2);
			devices.push(...group);
			const [a, b] = group;
			await b.client.start();
			await connected(b.client);
			await b.documents.open(ALPHA);

			await writeMany(a, 1, 620);
			await pushed(a);
			await vi.waitFor(
				async () => expect((await stateOf(b)).items).toEqual((await stateOf(a)).items),
				{ timeout: 20_000 }
			);

			const late = await latecomer(a, office);
			await late.client.start();
			await vi.waitFor(
				async () => expect((await stateOf(late)).items).toEqual((await stateOf(a)).items),
				{ timeout: 20_000 }
			);
			// A snapshot (one row) and the items after what it covers, not 620 rows.
			const rows = await late.db.updates.where('docId').equals('alpha').count();
			expect(rows).toBeLessThan(200);
			expect(Object.keys((await stateOf(late)).items as object)).toHaveLength(620);
		}
	);

	it(
		'stores a backlog larger than one page page by page and reports progress until caught up',
		{ timeout: 60_000 },
		async () => {
			const { office, devices: group } = await enrolledDevices(relay, 1, {
				client: { snapshotAfter: 100_000 }
			});
			devices.push(...group);
			const [a] = group;
			await writeMany(a, 1, 1100);
			await pushed(a);

			const late = await latecomer(a, office);
			const seen: SyncStatus[] = [];
			late.client.subscribe((status) => seen.push(status));
			await late.client.start();
			await vi.waitFor(() => expect(late.client.status.lastSyncedAt).not.toBeNull(), {
				timeout: 20_000
			});

			const progress = seen.flatMap((status) => (status.backlog ? [status.backlog] : []));
			expect(progress.length).toBeGreaterThanOrEqual(3);
			expect(progress.every((p) => p.total === 1100)).toBe(true);
			expect(progress.map((p) => p.received)).toEqual(
				[...progress.map((p) => p.received)].sort((x, y) => x - y)
			);
			expect(progress.at(-1)).toEqual({ received: 1100, total: 1100 });
			expect(late.client.status.backlog).toBeUndefined();
			expect(await late.db.updates.where('docId').equals('alpha').count()).toBe(1100);
			expect(await stateOf(late)).toEqual(await stateOf(a));
		}
	);
});
