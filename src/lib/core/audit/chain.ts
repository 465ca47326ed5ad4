/**
 * A tamper-evident chain: each entry's hash covers its content and the previous entry's hash, so
 * changing, dropping or shuffling entries breaks the chain where it happened. What an entry's
 * hash covers, and whose signature makes it authentic, is the caller's (sealed-entry.ts for the
 * signed, sealed entries; legacy-chain.ts for the plaintext ones written before them). Entries
 * cut off the end are caught against heads remembered or signed elsewhere.
 */

/** An audit entry as a manager reads it, opened and checked. */
export interface AuditEntry {
	seq: number;
	/** ISO UTC instant. */
	at: string;
	/** Id of the person who acted. */
	actor: string;
	device: string;
	/** e.g. 'view' | 'create' | 'update' | 'deactivate' | 'sign-in'. */
	action: string;
	/** '<area>/<kind>/<id>', e.g. 'settings/rooms/01H...'. */
	target: string;
	detail: string;
	prevHash: string;
	hash: string;
	/** How far the entry could be checked; absent on entries made by hand (tests, reports). */
	trust?: EntryTrust;
	/** Set on entries written before entries were signed, which a manager carried over. */
	carriedOver?: CarriedOver;
}

/**
 * - verified: signed by the device whose chain holds it and by the person it names;
 * - actor-unverified: the device signed it, the person did not (they had no signing key yet);
 * - forged: not signed by that device, or signed by another person than it names;
 * - unsealed: a plaintext entry from before signatures, not yet carried over (anyone could
 *   have written it).
 */
export type EntryTrust = 'verified' | 'actor-unverified' | 'forged' | 'unsealed';

export interface CarriedOver {
	/** The manager who carried it over, and on which device, when. */
	by: string;
	device: string;
	at: string;
	/** What the old (unsigned) chain check said of the entry when it was carried over. */
	check: { ok: boolean; message?: string };
}

export type ChainProblem = 'edited' | 'removed' | 'reordered' | 'truncated' | 'forged';

export type ChainVerdict =
	| { ok: true; count: number }
	| { ok: false; problem: ChainProblem; atSeq: number; message: string };

/** The last entry's seq and hash, remembered elsewhere so cut-off entries can be noticed. */
export type ChainHead = { seq: number; hash: string };

/** What the chain checks look at in each entry. */
export interface Linked {
	seq: number;
	prevHash: string;
	hash: string;
}

export interface ChainCheck<E extends Linked> {
	/** The hash the entry must carry, computed from its content. */
	hashOf(entry: E): Promise<string>;
	/** Whether the chain's owner signed the entry; false reads as forged. */
	authentic?(entry: E): Promise<boolean>;
	/** Ends of the chain known from elsewhere (local meta, signed shared heads). */
	heads?: readonly ChainHead[];
	/** Words for "Audit entry", e.g. "Carried-over audit entry". */
	noun?: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** A failed verdict. */
export function fail(problem: ChainProblem, atSeq: number, message: string): ChainVerdict {
	return { ok: false, problem, atSeq, message };
}

/** A verdict for entries `from`..`to` missing (from the end, when truncated). */
export function missing(
	problem: 'removed' | 'truncated',
	from: number,
	to: number,
	noun = 'Audit entry'
): ChainVerdict {
	const where = problem === 'truncated' ? ' from the end' : '';
	const plural = noun.replace(/entry$/, 'entries');
	const message =
		from === to
			? `${noun} ${from} is missing${where}.`
			: `${plural} ${from}–${to} are missing${where}.`;
	return fail(problem, from, message);
}

/** A verdict for an entry written by someone else than the chain's device or person. */
export function forged(seq: number, noun = 'Audit entry'): ChainVerdict {
	return fail('forged', seq, `${noun} ${seq} was not written by the device whose log holds it.`);
}

/**
 * Checks `entries` (in stored order, starting at seq 1) for edits, forgeries, gaps and shuffles,
 * and against `heads` for entries cut off the end.
 */
export async function verifyLinks<E extends Linked>(
	entries: readonly E[],
	check: ChainCheck<NoInfer<E>>
): Promise<ChainVerdict> {
	const noun = check.noun ?? 'Audit entry';
	const changed = (seq: number) =>
		fail('edited', seq, `${noun} ${seq} was changed after it was written.`);
	let prev: ChainHead | null = null;
	for (let i = 0; i < entries.length; i++) {
		const entry = entries[i];
		const expectedSeq: number = prev ? prev.seq + 1 : 1;
		// Content first: a tampered seq or prevHash field is an edit, not a gap or a shuffle.
		if ((await check.hashOf(entry)) !== entry.hash) return changed(expectedSeq);
		// A whole entry made by someone else hashes fine on its own: only a signature tells.
		if (check.authentic && !(await check.authentic(entry))) return forged(expectedSeq, noun);
		if (entry.seq !== expectedSeq) {
			if (prev && entry.seq === prev.seq) {
				return fail(
					'edited',
					entry.seq,
					`${noun} ${entry.seq} appears twice — one was added later.`
				);
			}
			const later = entries.slice(i + 1).some((e) => e.seq === expectedSeq);
			if (later || !(entry.seq > expectedSeq)) {
				const at = later ? expectedSeq : entry.seq;
				return fail('reordered', at, `${noun} ${at} is out of order.`);
			}
			return missing('removed', expectedSeq, entry.seq - 1, noun);
		}
		if (entry.prevHash !== (prev ? prev.hash : GENESIS_HASH)) {
			// Both hashes check out on their own, so the earlier entry was rewritten and resealed.
			return changed(prev ? prev.seq : entry.seq);
		}
		prev = { seq: entry.seq, hash: entry.hash };
	}
	const last = prev ? prev.seq : 0;
	const heads = [...(check.heads ?? [])].filter((head) => head.seq > 0);
	const furthest = Math.max(0, ...heads.map((head) => head.seq));
	if (last < furthest) return missing('truncated', last + 1, furthest, noun);
	for (const head of heads) {
		if (entries[head.seq - 1].hash !== head.hash) return changed(head.seq);
	}
	return { ok: true, count: entries.length };
}
