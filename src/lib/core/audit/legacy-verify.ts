/**
 * Checking a device's entries from before signatures: those a manager carried over (sealed and
 * signed by the migrating device, in `legacy:<device>`) and those still in plaintext. Everyone
 * can check that each carried-over record is the migrating device's, that no seq is missing and
 * that none was cut off the end (the signed carried-over heads). Who can open them also checks
 * the old chain itself — hashes and links of the original entries — and that the manager named
 * as carrying each over signed it.
 */
import { fail, forged, missing, verifyLinks, type ChainHead, type ChainVerdict } from './chain';
import { carriedHash, parseCarriedHead, type CarriedRecord } from './carried-entry';
import { hashEntry, type LegacyEntry } from './legacy-chain';
import { actorSigned, carriedHeadText, carriedText, deviceKeys, verifyText } from './signatures';
import type { VerifyContext } from './verify-chains';

const NOUN = 'Old audit entry';

export interface LegacyParts {
	unsealed: LegacyEntry[];
	carried: CarriedRecord[];
	carriedHeads: unknown[];
}

interface Item {
	seq: number;
	carried?: CarriedRecord;
	unsealed?: LegacyEntry;
}

export interface LegacyVerdict {
	verdict: ChainVerdict;
	count: number;
	carriedOver: number;
	unsealed: number;
	actorUnverified: number;
}

/** The verdict on one device's old entries. */
export async function verifyLegacy(
	device: string,
	parts: LegacyParts,
	context: VerifyContext
): Promise<LegacyVerdict> {
	const carriedSeqs = new Set(parts.carried.map((record) => record.seq));
	// Plaintext left next to its carried-over record (a migration cut short) counts once.
	const unsealed = parts.unsealed.filter((entry) => !carriedSeqs.has(entry.seq));
	const items: Item[] = [
		...parts.carried.map((carried) => ({ seq: carried.seq, carried })),
		...unsealed.map((entry) => ({ seq: entry.seq, unsealed: entry }))
	].sort((a, b) => a.seq - b.seq);
	const result = {
		count: items.length,
		carriedOver: parts.carried.length,
		unsealed: unsealed.length,
		actorUnverified: 0
	};
	let verdict = await checkItems(device, items, context);
	if (verdict.ok) verdict = await checkHeads(device, items, parts.carriedHeads, context);
	if (context.opener && items.length > 0) {
		const opened = await checkOriginals(device, items, context);
		result.actorUnverified = opened.actorUnverified;
		if (verdict.ok) verdict = opened.verdict;
	}
	return { verdict, ...result };
}

/** Each record the migrating device's, each plaintext entry's hash right, no seq missing. */
async function checkItems(device: string, items: Item[], context: VerifyContext) {
	const { officeId, state } = context;
	for (let i = 0; i < items.length; i++) {
		const { carried, unsealed } = items[i];
		const expected = i + 1;
		if (carried) {
			if ((await carriedHash(carried)) !== carried.hash) return edited(expected);
			const text = carriedText(officeId, carried.by, device, carried.hash);
			if (!(await verifyText(deviceKeys(state, carried.by), carried.sig, text))) {
				return forged(expected, NOUN);
			}
		} else if (unsealed && (await hashEntry(unsealed)) !== unsealed.hash) {
			return edited(expected);
		}
		if (items[i].seq < expected)
			return fail('edited', expected, `${NOUN} ${expected} appears twice.`);
		if (items[i].seq > expected) return missing('removed', expected, items[i].seq - 1, NOUN);
	}
	return { ok: true as const, count: items.length };
}

/** The signed carried-over ends (and this device's own remembered end) against what is left. */
async function checkHeads(
	device: string,
	items: Item[],
	values: unknown[],
	context: VerifyContext
): Promise<ChainVerdict> {
	const heads: ChainHead[] = [];
	for (const value of values) {
		const head = parseCarriedHead(value);
		const text = head && carriedHeadText(context.officeId, head.by, device, head.seq, head.hash);
		const keys = head ? deviceKeys(context.state, head.by) : [];
		if (!head || !text || !(await verifyText(keys, head.sig, text))) {
			return fail(
				'forged',
				head?.seq ?? 0,
				'The end of the carried-over log was not written by the device that carried it over.'
			);
		}
		heads.push(head);
	}
	const own = device === context.thisDevice ? context.localLegacyHead : null;
	const furthest = Math.max(0, own?.seq ?? 0, ...heads.map((head) => head.seq));
	if (items.length < furthest) return missing('truncated', items.length + 1, furthest, NOUN);
	for (const head of heads) {
		if (items[head.seq - 1]?.carried?.hash !== head.hash) return edited(head.seq);
	}
	return { ok: true, count: items.length };
}

/** For readers: the old chain of original entries, and who carried each over. */
async function checkOriginals(device: string, items: Item[], context: VerifyContext) {
	const originals: LegacyEntry[] = [];
	let actorUnverified = 0;
	let problem: ChainVerdict | null = null;
	for (const item of items) {
		if (!item.carried) {
			originals.push(item.unsealed!);
			continue;
		}
		const record = item.carried;
		try {
			const content = await context.opener!.carried(record, context.epks?.get(record.epk));
			originals.push(content);
			if (record.actorSig === null) actorUnverified++;
			else if (!(await actorSigned(record, content.migratedBy, record.by, context))) {
				problem ??= fail(
					'forged',
					record.seq,
					`${NOUN} ${record.seq} names a manager who did not carry it over.`
				);
			}
		} catch {
			problem ??= fail(
				'edited',
				record.seq,
				`${NOUN} ${record.seq} cannot be opened: its key was removed or altered.`
			);
		}
	}
	const own = device === context.thisDevice ? context.localLegacyHead : null;
	const verdict =
		problem ??
		(await verifyLinks(originals, {
			hashOf: hashEntry,
			noun: NOUN,
			// Only the device that wrote the old chain remembers where it ended.
			heads: own ? [own] : []
		}));
	return { verdict, actorUnverified };
}

function edited(seq: number): ChainVerdict {
	return fail('edited', seq, `${NOUN} ${seq} was changed after it was written.`);
}
