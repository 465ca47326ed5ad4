import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { unlockOffice } from '../keys/vault';
import { Workspace } from '../session/workspace';
import { createAreaOffice, type AreaOffice } from '../test-support/area-office';
import { createTestOffice, TEST_PASSPHRASE, type TestOffice } from '../test-support/test-office';
import { AUDIT_AREA, epkName, sealedKey } from './audit-document';
import { NoAuditKeyError } from './audit-log';
import { entryHash, type SealedEntry } from './sealed-entry';
import { bytesContain, openedAuditRows } from './test-support/audit-office';

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
const opened: TestOffice[] = [];

afterEach(async () => {
	for (const each of opened.splice(0)) await each.dispose();
});

async function newOffice(options: Parameters<typeof createTestOffice>[0] = {}) {
	const created = await createTestOffice(options);
	opened.push(created);
	return created;
}

async function officeWithEntries(count = 3): Promise<TestOffice> {
	office = await newOffice({ now: steppingClock(MOMENTS) });
	for (let n = 1; n <= count; n++) {
		await office.workspace.audit.record({
			action: n === 1 ? 'create' : 'update',
			target: `alpha/items/item-${n}`,
			detail: `change ${n}`
		});
	}
	return office;
}

async function monthDoc(period: string): Promise<Y.Doc> {
	return (await office.workspace.documents.open({ area: AUDIT_AREA, period })).doc;
}

async function chainOf(period: string): Promise<Y.Map<SealedEntry>> {
	return (await monthDoc(period)).getMap<SealedEntry>(`chain:${office.keys.deviceId}`);
}

const intact = (device: string, count: number) => ({
	device,
	verdict: { ok: true, count },
	actorUnverified: 0,
	carriedOver: 0,
	unsealed: 0,
	actorsChecked: true
});

describe('AuditLog', () => {
	it('files entries by month and returns each month in order, signed and verified', async () => {
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
			device: office.keys.deviceId,
			trust: 'verified'
		});
		expect(february[0].prevHash).toBe(january[1].hash);
		expect(await office.workspace.audit.periods()).toEqual(['2026-01', '2026-02']);
	});

	it('reads the entries of a range of months, opening only the stored months in it', async () => {
		office = await newOffice({
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
			const openedIds: string[] = [];
			const open = again.documents.open.bind(again.documents);
			again.documents.open = (ref) => {
				openedIds.push(`${ref.area}/${ref.period ?? ''}`);
				return open(ref);
			};
			const range = await again.audit.entriesBetween('2026-02', '2026-05');
			expect(range.map((entry) => entry.target)).toEqual([
				'alpha/items/item-2',
				'alpha/items/item-3'
			]);
			expect(openedIds.filter((id) => id.startsWith('audit/')).sort()).toEqual([
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
		expect(await office.workspace.audit.verify()).toEqual([intact(office.keys.deviceId, 3)]);
	});

	it('keeps the entries and their chain through a sign-out and a fresh unlock', async () => {
		await officeWithEntries();
		await office.workspace.close();
		const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, { channelName: null });
		try {
			expect((await again.audit.entries('2026-01')).map((entry) => entry.seq)).toEqual([1, 2]);
			expect(await again.audit.verify()).toEqual([intact(keys.deviceId, 3)]);
		} finally {
			await again.close();
		}
	});

	it.each<[string, string, (chain: Y.Map<SealedEntry>) => Promise<void> | void, string, number]>([
		[
			'an entry whose sealed content was swapped for another’s',
			'2026-01',
			(chain) => {
				const first = chain.get(sealedKey(1))!;
				chain.set(sealedKey(2), { ...chain.get(sealedKey(2))!, nonce: first.nonce, ct: first.ct });
			},
			'edited',
			2
		],
		[
			'an entry changed and given a matching hash',
			'2026-01',
			async (chain) => {
				const first = chain.get(sealedKey(1))!;
				const edited = { ...chain.get(sealedKey(2))!, nonce: first.nonce, ct: first.ct };
				chain.set(sealedKey(2), { ...edited, hash: await entryHash(edited) });
			},
			'forged',
			2
		],
		[
			'an entry filed under another number',
			'2026-01',
			(chain) => {
				chain.set(sealedKey(7), chain.get(sealedKey(2))!);
				chain.delete(sealedKey(2));
			},
			'edited',
			2
		],
		[
			'a deleted entry in the middle',
			'2026-01',
			(chain) => chain.delete(sealedKey(2)),
			'removed',
			2
		],
		['the last entry deleted', '2026-02', (chain) => chain.delete(sealedKey(3)), 'truncated', 3]
	])('reports %s', async (_label, period, tamper, problem, atSeq) => {
		await officeWithEntries();
		await tamper(await chainOf(period));

		const [result] = await office.workspace.audit.verify();
		expect(result.device).toBe(office.keys.deviceId);
		expect(result.verdict).toMatchObject({ ok: false, problem, atSeq });
	});

	it('still reports tampering after the tampered document was saved and reloaded', async () => {
		await officeWithEntries();
		const chain = await chainOf('2026-01');
		chain.doc!.transact(() => chain.delete(sealedKey(1)));
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
		office = await newOffice({ now: () => new Date('2026-03-10T12:00:00.000Z') });
		const recorded = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				office.workspace.audit.record({ action: 'view', target: `alpha/items/item-${i}` })
			)
		);
		expect(recorded.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect((await office.workspace.audit.entries('2026-03')).map((entry) => entry.target)).toEqual(
			Array.from({ length: 20 }, (_, i) => `alpha/items/item-${i}`)
		);
		expect(await office.workspace.audit.verify()).toEqual([intact(office.keys.deviceId, 20)]);
	});

	it('has nothing to verify before the first entry', async () => {
		office = await newOffice();
		expect(await office.workspace.audit.verify()).toEqual([]);
		expect(await office.workspace.audit.periods()).toEqual([]);
	});

	it('seals each month with one ephemeral key per session, stored once in the document', async () => {
		await officeWithEntries();
		const epks = async (period: string) =>
			(await monthDoc(period)).getMap(epkName(office.keys.deviceId)).size;
		expect([await epks('2026-01'), await epks('2026-02')]).toEqual([1, 1]);

		await office.workspace.close();
		const keys = await unlockOffice(office.db, TEST_PASSPHRASE);
		const again = new Workspace(office.db, keys, {
			channelName: null,
			now: () => new Date(MOMENTS[2])
		});
		try {
			await again.audit.record({ action: 'view', target: 'alpha/items/item-4' });
			await again.audit.record({ action: 'view', target: 'alpha/items/item-5' });
			const { doc } = await again.documents.open({ area: AUDIT_AREA, period: '2026-02' });
			expect(doc.getMap(epkName(keys.deviceId)).size).toBe(2);
			expect((await again.audit.entries('2026-02')).map((entry) => entry.seq)).toEqual([3, 4, 5]);
		} finally {
			await again.close();
		}
	});

	it('keeps what an entry says out of what the audit area key opens', async () => {
		office = await newOffice({ now: () => new Date(MOMENTS[0]) });
		await office.workspace.audit.record({
			action: 'view',
			target: 'alpha/items/CANARY-TARGET-4411',
			detail: 'CANARY-DETAIL-4412'
		});
		await office.workspace.documents.flush();
		const readable = await openedAuditRows(office.db, office.keys);
		expect(readable.length).toBeGreaterThan(0);
		for (const text of ['CANARY-TARGET-4411', 'CANARY-DETAIL-4412', office.keys.personId]) {
			expect(bytesContain(readable, text)).toBe(false);
		}
	});
});

describe('AuditLog without an audit key', () => {
	let areaOffice: AreaOffice;

	afterEach(async () => {
		await areaOffice.dispose();
	});

	it('refuses to record, and writes nothing', async () => {
		areaOffice = await createAreaOffice(['audit'], 'an office whose log has no key yet', {
			auditKey: false
		});
		await expect(
			areaOffice.workspace.audit.record({ action: 'view', target: 'alpha/items/item-1' })
		).rejects.toBeInstanceOf(NoAuditKeyError);
		expect(await areaOffice.workspace.audit.periods()).toEqual([]);
	});
});
