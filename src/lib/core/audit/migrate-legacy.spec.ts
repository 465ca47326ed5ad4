import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeMeta } from '../storage/db';
import { AUDIT_AREA, chainName, legacyName, seqKey } from './audit-document';
import { chainEntry, type LegacyEntry } from './legacy-chain';
import {
	bytesContain,
	createAuditOffice,
	openedAuditRows,
	type AuditOffice
} from './test-support/audit-office';

const NOW = new Date('2026-03-05T12:00:00.000Z');
const OLD_TABLET = 'OLDTABLETAAAAAAAAAAAAAAAAA';

let ao: AuditOffice;
let here: string;

beforeEach(async () => {
	ao = await createAuditOffice({ now: () => NOW });
	here = ao.office.keys.deviceId;
});

afterEach(async () => {
	await ao.dispose();
});

async function monthDoc(period: string): Promise<Y.Doc> {
	return (await ao.office.workspace.documents.open({ area: AUDIT_AREA, period })).doc;
}

/** Writes a plaintext chain the way the code before sealed entries did; returns its entries. */
async function writeLegacyChain(device: string, months: string[]): Promise<LegacyEntry[]> {
	const entries: LegacyEntry[] = [];
	for (const [n, period] of months.entries()) {
		const entry = await chainEntry(entries.at(-1) ?? null, {
			at: `${period}-1${n}T09:00:00.000Z`,
			actor: ao.office.keys.personId,
			device,
			action: 'view',
			target: `alpha/items/OLD-TARGET-${device}-${n + 1}`,
			detail: `OLD-DETAIL-${device}-${n + 1}`
		});
		const doc = await monthDoc(period);
		doc.transact(() => doc.getMap(chainName(device)).set(seqKey(entry.seq), entry));
		entries.push(entry);
	}
	await ao.office.workspace.documents.flush();
	if (device === here) {
		const last = entries.at(-1)!;
		await writeMeta(ao.office.db, `audit-head:${device}`, { seq: last.seq, hash: last.hash });
	}
	return entries;
}

const verdictOf = async (device: string) =>
	(await ao.office.workspace.audit.verify()).find((result) => result.device === device);

describe('AuditLog.migrateLegacy', () => {
	it('carries plaintext entries over once, keeping their content for managers', async () => {
		const mine = await writeLegacyChain(here, ['2026-01', '2026-01', '2026-02']);
		await writeLegacyChain(OLD_TABLET, ['2026-01', '2026-01']);
		expect(await verdictOf(here)).toMatchObject({ verdict: { ok: true, count: 3 }, unsealed: 3 });
		const before = await ao.office.workspace.audit.entries('2026-01');
		expect(before.map((entry) => entry.trust)).toEqual([
			'unsealed',
			'unsealed',
			'unsealed',
			'unsealed'
		]);

		expect(await ao.office.workspace.audit.migrateLegacy()).toEqual({ months: 2, entries: 5 });
		expect(await ao.office.workspace.audit.migrateLegacy()).toEqual({ months: 0, entries: 0 });

		const january = await ao.office.workspace.audit.entries('2026-01');
		const own = january.filter((entry) => entry.device === here);
		expect(own.map(({ trust, carriedOver, ...fields }) => [fields, trust, carriedOver])).toEqual(
			mine
				.slice(0, 2)
				.map((original) => [
					original,
					'verified',
					{ by: ao.office.keys.personId, device: here, at: NOW.toISOString(), check: { ok: true } }
				])
		);
		for (const device of [here, OLD_TABLET]) {
			expect(await verdictOf(device)).toMatchObject({
				verdict: { ok: true },
				unsealed: 0,
				carriedOver: device === here ? 3 : 2
			});
		}
	});

	it('leaves no plaintext behind in the documents or in what the audit area key opens', async () => {
		await writeLegacyChain(here, ['2026-01', '2026-02']);
		await ao.office.workspace.audit.migrateLegacy();

		const texts = [1, 2].flatMap((n) => [`OLD-DETAIL-${here}-${n}`, `OLD-TARGET-${here}-${n}`]);
		const rows = await openedAuditRows(ao.office.db, ao.office.keys);
		for (const period of ['2026-01', '2026-02']) {
			const doc = await monthDoc(period);
			expect([...doc.getMap(chainName(here)).keys()]).toEqual([]);
			expect(doc.getMap(legacyName(here)).size).toBe(1);
			const state = [
				Y.encodeStateAsUpdate(doc),
				new TextEncoder().encode(JSON.stringify(doc.toJSON()))
			];
			for (const text of texts) expect(bytesContain(state, text)).toBe(false);
		}
		for (const text of texts) expect(bytesContain(rows, text)).toBe(false);
	});

	it('keeps new sealed entries apart from old ones waiting to be carried over', async () => {
		await writeLegacyChain(here, ['2026-03', '2026-03']);
		await ao.office.workspace.audit.record({ action: 'update', target: 'alpha/items/new-1' });
		const mixed = await ao.office.workspace.audit.entries('2026-03');
		// Oldest first: the new entry (5 March) before the old ones (10 and 11 March).
		expect(mixed.map((entry) => [entry.seq, entry.trust])).toEqual([
			[1, 'verified'],
			[1, 'unsealed'],
			[2, 'unsealed']
		]);
		expect(await verdictOf(here)).toMatchObject({ verdict: { ok: true, count: 3 }, unsealed: 2 });

		await ao.office.workspace.audit.migrateLegacy();
		const after = await ao.office.workspace.audit.entries('2026-03');
		expect(after.map((entry) => [entry.seq, entry.trust, Boolean(entry.carriedOver)])).toEqual([
			[1, 'verified', false],
			[1, 'verified', true],
			[2, 'verified', true]
		]);
		expect(await verdictOf(here)).toMatchObject({
			verdict: { ok: true, count: 3 },
			carriedOver: 2
		});
	});

	it('keeps what the old check said of an entry tampered with before it was carried over', async () => {
		await writeLegacyChain(OLD_TABLET, ['2026-01', '2026-01', '2026-01']);
		const doc = await monthDoc('2026-01');
		const chain = doc.getMap<LegacyEntry>(chainName(OLD_TABLET));
		chain.set(seqKey(2), { ...chain.get(seqKey(2))!, detail: 'nothing to see' });

		await ao.office.workspace.audit.migrateLegacy();
		const entries = await ao.office.workspace.audit.entries('2026-01');
		expect(entries.map((entry) => entry.carriedOver?.check)).toEqual([
			{ ok: true },
			{ ok: false, message: 'It was changed after it was written.' },
			{ ok: true }
		]);
		expect((await verdictOf(OLD_TABLET))?.verdict).toMatchObject({
			ok: false,
			problem: 'edited',
			atSeq: 2,
			message: 'Old audit entry 2 was changed after it was written.'
		});
	});

	it('shows a carried-over entry removed afterwards, on any device', async () => {
		await writeLegacyChain(OLD_TABLET, ['2026-01', '2026-01', '2026-01']);
		await ao.office.workspace.audit.migrateLegacy();
		const doc = await monthDoc('2026-01');
		doc.transact(() => doc.getMap(legacyName(OLD_TABLET)).delete(seqKey(3)));

		expect((await verdictOf(OLD_TABLET))?.verdict).toEqual({
			ok: false,
			problem: 'truncated',
			atSeq: 3,
			message: 'Old audit entry 3 is missing from the end.'
		});
	});

	it('lets someone without the audit-read key check the carried-over entries too', async () => {
		await writeLegacyChain(OLD_TABLET, ['2026-01', '2026-02']);
		await ao.office.workspace.audit.migrateLegacy();
		const desk = await ao.addPerson('Dee Desk', ['front-desk'], ['audit']);
		const deskLog = ao.auditFor(desk);

		expect(await deskLog.verify()).toEqual([
			{
				device: OLD_TABLET,
				verdict: { ok: true, count: 2 },
				actorUnverified: 0,
				carriedOver: 2,
				unsealed: 0,
				actorsChecked: false
			}
		]);
		const doc = await monthDoc('2026-02');
		doc.transact(() => doc.getMap(legacyName(OLD_TABLET)).delete(seqKey(2)));
		expect((await deskLog.verify())[0].verdict).toMatchObject({ problem: 'truncated', atSeq: 2 });
	});
});
