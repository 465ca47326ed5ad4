import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { unlockOffice } from '../keys/vault';
import { Workspace } from '../session/workspace';
import { createTestOffice, TEST_PASSPHRASE, type TestOffice } from '../test-support/test-office';
import { AUDIT_AREA } from './audit-log';
import type { AuditEntry } from './chain';

const MOMENTS = [
	'2026-01-30T09:00:00.000Z',
	'2026-01-31T17:30:00.000Z',
	'2026-02-01T08:15:00.000Z'
];

/** A clock that returns the given instants in turn, then stays on the last. */
function steppingClock(instants: string[]): () => Date {
	let next = 0;
	return () => new Date(instants[Math.min(next++, instants.length - 1)]);
}

let office: TestOffice;

afterEach(async () => {
	await office.dispose();
});

async function officeWithEntries(count = 3): Promise<TestOffice> {
	office = await createTestOffice({ now: steppingClock(MOMENTS) });
	for (let n = 1; n <= count; n++) {
		await office.workspace.audit.record({
			action: n === 1 ? 'create' : 'update',
			target: `alpha/items/item-${n}`,
			detail: `change ${n}`
		});
	}
	return office;
}

async function chainOf(period: string): Promise<Y.Map<AuditEntry>> {
	const { doc } = await office.workspace.documents.open({ area: AUDIT_AREA, period });
	return doc.getMap<AuditEntry>(`chain:${office.keys.deviceId}`);
}

function keyOf(chain: Y.Map<AuditEntry>, seq: number): string {
	return [...chain.entries()].find(([, entry]) => entry.seq === seq)![0];
}

describe('AuditLog', () => {
	it('files entries by month and returns each month in order', async () => {
		await officeWithEntries();
		const january = await office.workspace.audit.entries('2026-01');
		const february = await office.workspace.audit.entries('2026-02');

		expect(january.map((entry) => [entry.seq, entry.at, entry.action, entry.target])).toEqual([
			[1, MOMENTS[0], 'create', 'alpha/items/item-1'],
			[2, MOMENTS[1], 'update', 'alpha/items/item-2']
		]);
		expect(february.map((entry) => [entry.seq, entry.at, entry.detail])).toEqual([
			[3, MOMENTS[2], 'change 3']
		]);
		expect(january[0]).toMatchObject({
			actor: office.keys.personId,
			device: office.keys.deviceId
		});
		expect(february[0].prevHash).toBe(january[1].hash);
		expect(await office.workspace.audit.periods()).toEqual(['2026-01', '2026-02']);
	});

	it('reads the entries of a range of months, opening only the stored months in it', async () => {
		office = await createTestOffice({
			now: steppingClock([
				'2026-01-30T09:00:00.000Z',
				'2026-03-02T10:00:00.000Z',
				'2026-05-05T11:00:00.000Z'
			])
		});
		for (const n of [1, 2, 3]) {
			await office.workspace.audit.record({ action: 'view', target: `alpha/items/item-${n}` });
		}
		await office.workspace.close();
		const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, { channelName: null });
		try {
			const opened: string[] = [];
			const open = again.documents.open.bind(again.documents);
			again.documents.open = (ref) => {
				opened.push(`${ref.area}/${ref.period ?? ''}`);
				return open(ref);
			};
			const range = await again.audit.entriesBetween('2026-02', '2026-05');
			expect(range.map((entry) => entry.target)).toEqual([
				'alpha/items/item-2',
				'alpha/items/item-3'
			]);
			expect(opened.filter((id) => id.startsWith('audit/')).sort()).toEqual([
				'audit/2026-03',
				'audit/2026-05'
			]);
			expect(await again.audit.entriesBetween('2026-06', '2026-12')).toEqual([]);
		} finally {
			await again.close();
		}
	});

	it('verifies an untouched chain across months', async () => {
		await officeWithEntries();
		expect(await office.workspace.audit.verify()).toEqual([
			{ device: office.keys.deviceId, verdict: { ok: true, count: 3 } }
		]);
	});

	it('keeps the entries and their chain through a sign-out and a fresh unlock', async () => {
		await officeWithEntries();
		await office.workspace.close();
		const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, { channelName: null });
		try {
			expect((await again.audit.entries('2026-01')).map((entry) => entry.seq)).toEqual([1, 2]);
			expect(await again.audit.verify()).toEqual([
				{ device: keys.deviceId, verdict: { ok: true, count: 3 } }
			]);
		} finally {
			await again.close();
		}
	});

	it.each<[string, string, (chain: Y.Map<AuditEntry>) => void, string, number]>([
		[
			'an entry whose detail was rewritten',
			'2026-01',
			(chain) => {
				const key = keyOf(chain, 2);
				chain.set(key, { ...chain.get(key)!, detail: 'nothing to see' });
			},
			'edited',
			2
		],
		[
			'an entry filed under another number',
			'2026-01',
			(chain) => {
				const key = keyOf(chain, 2);
				chain.set(key.replace(/2$/, '7'), chain.get(key)!);
				chain.delete(key);
			},
			'edited',
			2
		],
		[
			'a deleted entry in the middle',
			'2026-01',
			(chain) => chain.delete(keyOf(chain, 2)),
			'removed',
			2
		],
		['the last entry deleted', '2026-02', (chain) => chain.delete(keyOf(chain, 3)), 'truncated', 3]
	])('reports %s', async (_label, period, tamper, problem, atSeq) => {
		await officeWithEntries();
		const chain = await chainOf(period);
		chain.doc!.transact(() => tamper(chain));

		const [result] = await office.workspace.audit.verify();
		expect(result.device).toBe(office.keys.deviceId);
		expect(result.verdict).toMatchObject({ ok: false, problem, atSeq });
	});

	it('still reports tampering after the tampered document was saved and reloaded', async () => {
		await officeWithEntries();
		const chain = await chainOf('2026-01');
		chain.doc!.transact(() => chain.delete(keyOf(chain, 1)));
		await office.workspace.close();

		const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, { channelName: null });
		try {
			const [result] = await again.audit.verify();
			expect(result.verdict).toMatchObject({ ok: false, problem: 'removed', atSeq: 1 });
		} finally {
			await again.close();
		}
	});

	it('reports a chain emptied of all its entries as truncated', async () => {
		await officeWithEntries();
		for (const period of ['2026-01', '2026-02']) {
			const chain = await chainOf(period);
			chain.doc!.transact(() => chain.clear());
		}
		const [result] = await office.workspace.audit.verify();
		expect(result.verdict).toMatchObject({ ok: false, problem: 'truncated', atSeq: 1 });
	});

	it('numbers concurrent records 1 to 20 in one valid chain', async () => {
		office = await createTestOffice({ now: () => new Date('2026-03-10T12:00:00.000Z') });
		const recorded = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				office.workspace.audit.record({ action: 'view', target: `alpha/items/item-${i}` })
			)
		);
		expect(recorded.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect((await office.workspace.audit.entries('2026-03')).map((entry) => entry.target)).toEqual(
			Array.from({ length: 20 }, (_, i) => `alpha/items/item-${i}`)
		);
		expect(await office.workspace.audit.verify()).toEqual([
			{ device: office.keys.deviceId, verdict: { ok: true, count: 20 } }
		]);
	});

	it('has nothing to verify before the first entry', async () => {
		office = await createTestOffice();
		expect(await office.workspace.audit.verify()).toEqual([]);
		expect(await office.workspace.audit.periods()).toEqual([]);
	});
});
