/**
 * Convergence, as a property: 3–5 devices of one office, each with its own database, edit records
 * while going offline, coming back, losing their sockets abruptly, compacting locally and
 * reloading (a new store and client on the same database), in any order fast-check picks. Once
 * all are online and nothing is pending, every device holds the same state, every record ever
 * created exists, every field ever written holds one of the values written to it, and a field
 * only one device wrote holds that device's last value.
 *
 * One relay serves every run; each run is a fresh office. CONVERGENCE_RUNS sets the number of
 * runs (200 by default); CONVERGENCE_SHRINK=1 shrinks a failure to a minimal case (slow).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentRef } from '../documents/document-id';
import { collection, writeRecord } from '../documents/records';
import { enrolledDevices, startTestRelay, type TestDevice } from '../test-support/sync-devices';
import { countUnsynced } from './outbox-rows';

const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 200);
const DOC: DocumentRef = { area: 'alpha' };
const COLLECTIONS = ['items', 'notes'] as const;
const FIELDS = ['name', 'qty', 'note'] as const;

type Collection = (typeof COLLECTIONS)[number];
type Command =
	| { kind: 'create'; device: number; collection: Collection; field: string }
	| { kind: 'edit'; device: number; collection: Collection; pick: number; field: string }
	| { kind: 'offline' | 'online' | 'cut' | 'compact' | 'reload'; device: number };

const device = fc.nat({ max: 4 });
const target = { collection: fc.constantFrom(...COLLECTIONS), field: fc.constantFrom(...FIELDS) };
const command: fc.Arbitrary<Command> = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), device, ...target }) },
	{
		weight: 5,
		arbitrary: fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat(), ...target })
	},
	fc.record({ kind: fc.constantFrom('offline' as const, 'online' as const), device }),
	fc.record({
		kind: fc.constantFrom('cut' as const, 'compact' as const, 'reload' as const),
		device
	})
);

/** What the devices wrote: every value per field, and who wrote it last per device. */
class Written {
	readonly records = new Set<string>();
	readonly values = new Map<string, Set<string>>();
	readonly lastBy = new Map<string, Map<string, string>>();

	record(name: string, collection: string, id: string, field: string, value: string) {
		const key = `${collection}/${id}/${field}`;
		this.records.add(`${collection}/${id}`);
		if (!this.values.has(key)) this.values.set(key, new Set());
		this.values.get(key)!.add(value);
		if (!this.lastBy.has(key)) this.lastBy.set(key, new Map());
		this.lastBy.get(key)!.set(name, value);
	}
}

async function contents(device: TestDevice) {
	const doc = (await device.documents.open(DOC)).doc;
	return Object.fromEntries(COLLECTIONS.map((name) => [name, collection(doc, name).toJSON()]));
}

async function run(devices: TestDevice[], commands: Command[], written: Written) {
	const online = devices.map(() => true);
	let step = 0;
	for (const c of commands) {
		step++;
		const index = c.device % devices.length;
		const d = devices[index];
		if (c.kind === 'create' || c.kind === 'edit') {
			const document = await d.documents.open(DOC);
			const records = [...collection(document.doc, c.collection).keys()].sort();
			const id =
				c.kind === 'edit' && records.length > 0
					? records[c.pick % records.length]
					: `${d.name}-${step}`;
			const value = `${d.name}:${step}`;
			document.transact((doc) => writeRecord(doc, c.collection, id, { [c.field]: value }));
			written.record(d.name, c.collection, id, c.field, value);
			await d.documents.flush();
		} else if (c.kind === 'offline' && online[index]) {
			await d.client.stop();
			online[index] = false;
		} else if (c.kind === 'online' && !online[index]) {
			await d.client.start();
			online[index] = true;
		} else if (c.kind === 'cut') {
			d.socket.cut();
		} else if (c.kind === 'compact') {
			await d.documents.compact(DOC);
		} else if (c.kind === 'reload') {
			await d.reload();
			if (online[index]) await d.client.start();
		}
	}
	for (const [index, d] of devices.entries()) if (!online[index]) await d.client.start();
}

async function converged(devices: TestDevice[]) {
	try {
		await vi.waitFor(
			async () => {
				for (const d of devices) expect(await countUnsynced(d.db)).toBe(0);
				const first = await contents(devices[0]);
				for (const d of devices.slice(1)) expect(await contents(d)).toEqual(first);
			},
			{ timeout: 8000, interval: 10 }
		);
	} catch (error) {
		for (const d of devices) {
			console.error(d.name, JSON.stringify(d.client.status), await countUnsynced(d.db));
		}
		throw error;
	}
}

function check(state: Record<string, Record<string, Record<string, unknown>>>, written: Written) {
	for (const key of written.records) {
		const [name, id] = key.split('/');
		expect(state[name][id], `record ${key}`).toBeDefined();
	}
	for (const [key, values] of written.values) {
		const [name, id, field] = key.split('/');
		const value = state[name][id]?.[field] as string;
		expect(values.has(value), `${key} = ${value}, written: ${[...values].join(', ')}`).toBe(true);
		const writers = written.lastBy.get(key)!;
		if (writers.size === 1) expect(value, `${key}, one writer`).toBe([...writers.values()][0]);
	}
}

let relay: Awaited<ReturnType<typeof startTestRelay>>;

beforeAll(async () => {
	relay = await startTestRelay();
});

afterAll(async () => {
	await relay.close();
});

describe('sync convergence', () => {
	it(
		'converges on every device without losing an edit, whatever the order of offline edits and drops',
		{ timeout: 900_000 },
		async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 3, max: 5 }),
					fc.array(command, { minLength: 5, maxLength: 25 }),
					async (count, commands) => {
						const { devices } = await enrolledDevices(relay, count);
						try {
							for (const d of devices.slice(1)) await d.client.start();
							const written = new Written();
							await run(devices, commands, written);
							await converged(devices);
							check(await contents(devices[0]), written);
						} finally {
							for (const d of devices) await d.dispose();
						}
					}
				),
				{ numRuns: RUNS, endOnFailure: !process.env.CONVERGENCE_SHRINK }
			);
		}
	);
});
