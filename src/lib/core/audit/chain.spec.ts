import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, verifyLinks } from './chain';
import {
	chainEntry,
	hashEntry,
	verifyChain,
	type LegacyDraft as AuditDraft,
	type LegacyEntry as AuditEntry
} from './legacy-chain';

const ACTIONS = ['view', 'create', 'update', 'deactivate', 'sign-in'];

function draft(n: number): AuditDraft {
	return {
		at: new Date(Date.UTC(2025, 0, 1, 8, n)).toISOString(),
		actor: `person-${n % 3}`,
		device: 'device-a',
		action: ACTIONS[n % ACTIONS.length],
		target: `area/thing/${n}`,
		detail: `change number ${n}`
	};
}

async function buildChain(length: number): Promise<AuditEntry[]> {
	const entries: AuditEntry[] = [];
	for (let n = 1; n <= length; n++) {
		entries.push(await chainEntry(entries.at(-1) ?? null, draft(n)));
	}
	return entries;
}

/** A copy of `entries` whose entry at `index` is replaced, its hash recomputed when `reseal`. */
async function withEdit(
	entries: AuditEntry[],
	index: number,
	patch: Partial<AuditEntry>,
	reseal = false
): Promise<AuditEntry[]> {
	const edited = { ...entries[index], ...patch };
	if (reseal) edited.hash = await hashEntry(edited);
	return entries.map((e, i) => (i === index ? edited : e));
}

let chain: AuditEntry[];
let head: { seq: number; hash: string };

beforeAll(async () => {
	chain = await buildChain(50);
	head = { seq: 50, hash: chain[49].hash };
});

describe('chainEntry', () => {
	it('starts at seq 1 from the genesis hash and links each entry to the one before', () => {
		expect(chain[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
		expect(chain[1]).toMatchObject({ seq: 2, prevHash: chain[0].hash });
		expect(chain[49].seq).toBe(50);
		expect(chain.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
	});

	it('gives different hashes to drafts whose fields differ only in where a boundary falls', async () => {
		const a = await chainEntry(null, { ...draft(1), target: 'ab', detail: 'c' });
		const b = await chainEntry(null, { ...draft(1), target: 'a', detail: 'bc' });
		expect(a.hash).not.toBe(b.hash);
	});
});

describe('verifyChain', () => {
	it('accepts an untouched chain, with or without the remembered head', async () => {
		expect(await verifyChain(chain)).toEqual({ ok: true, count: 50 });
		expect(await verifyChain(chain, head)).toEqual({ ok: true, count: 50 });
		expect(await verifyChain([])).toEqual({ ok: true, count: 0 });
	});

	it('accepts entries written after the remembered head', async () => {
		expect(await verifyChain(chain, { seq: 30, hash: chain[29].hash })).toEqual({
			ok: true,
			count: 50
		});
	});

	it.each([
		['an edited detail', () => withEdit(chain, 11, { detail: 'nothing to see' }), 'edited', 12],
		[
			'an edit with its hash recomputed',
			() => withEdit(chain, 11, { actor: 'someone-else' }, true),
			'edited',
			12
		],
		['an entry removed from the middle', () => chain.filter((e) => e.seq !== 25), 'removed', 25],
		['several entries removed', () => chain.filter((e) => e.seq < 20 || e.seq > 22), 'removed', 20],
		['the first entry removed', () => chain.slice(1), 'removed', 1],
		[
			'two entries swapped',
			() => chain.map((e, i) => (i === 9 ? chain[10] : i === 10 ? chain[9] : e)),
			'reordered',
			10
		],
		[
			'two distant entries swapped',
			() => chain.map((e, i) => (i === 4 ? chain[39] : i === 39 ? chain[4] : e)),
			'reordered',
			5
		],
		[
			'a forged entry inserted with a borrowed seq',
			async () => {
				const forged = await chainEntry(chain[24], { ...draft(99), detail: 'forged' });
				return [...chain.slice(0, 25), forged, ...chain.slice(25)];
			},
			'edited',
			26
		],
		[
			'a forged entry inserted and later entries renumbered',
			async () => {
				const forged = await chainEntry(chain[24], { ...draft(99), detail: 'forged' });
				const renumbered = chain.slice(25).map((e) => ({ ...e, seq: e.seq + 1 }));
				return [...chain.slice(0, 25), forged, ...renumbered];
			},
			'edited',
			27
		]
	] as const)('detects %s', async (_name, tamper, problem, atSeq) => {
		const verdict = await verifyChain(await tamper(), head);
		expect(verdict).toMatchObject({ ok: false, problem, atSeq });
	});

	it('reports an edit in human words', async () => {
		const verdict = await verifyChain(await withEdit(chain, 11, { detail: 'x' }));
		expect(verdict).toEqual({
			ok: false,
			problem: 'edited',
			atSeq: 12,
			message: 'Audit entry 12 was changed after it was written.'
		});
	});

	it.each([
		[1, 'Audit entry 50 is missing from the end.', 50],
		[3, 'Audit entries 48–50 are missing from the end.', 48],
		[50, 'Audit entries 1–50 are missing from the end.', 1]
	])('detects %i entries dropped from the end', async (dropped, message, atSeq) => {
		const verdict = await verifyChain(chain.slice(0, 50 - dropped), head);
		expect(verdict).toEqual({ ok: false, problem: 'truncated', atSeq, message });
	});

	it('detects the last entry resealed after an edit when the head is known', async () => {
		const tampered = await withEdit(chain, 49, { detail: 'rewritten' }, true);
		expect(await verifyChain(tampered, head)).toMatchObject({ problem: 'edited', atSeq: 50 });
	});

	it('detects any single-field edit of any entry', async () => {
		const fields = [
			'seq',
			'at',
			'actor',
			'device',
			'action',
			'target',
			'detail',
			'prevHash',
			'hash'
		];
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 49 }),
				fc.constantFrom(...fields),
				fc.oneof(fc.string(), fc.integer()),
				async (index, field, value) => {
					const original = chain[index] as unknown as Record<string, unknown>;
					fc.pre(original[field] !== value);
					const tampered = await withEdit(chain, index, { [field]: value });
					const verdict = await verifyChain(tampered);
					expect(verdict).toMatchObject({ ok: false, problem: 'edited', atSeq: index + 1 });
				}
			),
			{ numRuns: 60 }
		);
	});

	it('detects any resealed content edit of any entry when the head is known', async () => {
		const fields = ['at', 'actor', 'device', 'action', 'target', 'detail'] as const;
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 49 }),
				fc.constantFrom(...fields),
				fc.string(),
				async (index, field, value) => {
					fc.pre(chain[index][field] !== value);
					const tampered = await withEdit(chain, index, { [field]: value }, true);
					const verdict = await verifyChain(tampered, head);
					expect(verdict).toMatchObject({ ok: false, problem: 'edited', atSeq: index + 1 });
				}
			),
			{ numRuns: 60 }
		);
	});

	it('reports an entry its owner did not sign as forged, before any link problem after it', async () => {
		const verdict = await verifyLinks(chain, {
			hashOf: hashEntry,
			authentic: (entry) => Promise.resolve(entry.seq !== 7)
		});
		expect(verdict).toEqual({
			ok: false,
			problem: 'forged',
			atSeq: 7,
			message: 'Audit entry 7 was not written by the device whose log holds it.'
		});
	});

	it('checks every known head: the furthest for cut-off entries, each for its hash', async () => {
		const heads = [
			{ seq: 20, hash: chain[19].hash },
			{ seq: 50, hash: chain[49].hash }
		];
		expect(await verifyLinks(chain, { hashOf: hashEntry, heads })).toEqual({ ok: true, count: 50 });
		expect(await verifyLinks(chain.slice(0, 40), { hashOf: hashEntry, heads })).toMatchObject({
			problem: 'truncated',
			atSeq: 41
		});
		const otherHash = [{ seq: 20, hash: chain[18].hash }];
		expect(await verifyLinks(chain, { hashOf: hashEntry, heads: otherHash })).toMatchObject({
			problem: 'edited',
			atSeq: 20
		});
	});
});
