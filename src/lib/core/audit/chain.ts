// A tamper-evident log: each entry's hash covers its content and the previous entry's hash, so
// changing, dropping or shuffling entries breaks the chain where it happened.

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
}

export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export type ChainVerdict =
	| { ok: true; count: number }
	| {
			ok: false;
			problem: 'edited' | 'removed' | 'reordered' | 'truncated';
			atSeq: number;
			message: string;
	  };

/** The last entry's seq and hash, remembered elsewhere so cut-off entries can be noticed. */
export type ChainHead = { seq: number; hash: string };

export const GENESIS_HASH = '0'.repeat(64);

// Bump the tag if the serialization ever changes, so old and new hashes cannot be confused.
const FORMAT = 'audit-v1';

/** The sha256 hex digest an entry must carry, computed from every field except `hash`. */
export async function hashEntry(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
	// A JSON array in fixed order: no field can bleed into its neighbour, and key order is moot.
	const canonical = JSON.stringify([
		FORMAT,
		entry.seq,
		entry.at,
		entry.actor,
		entry.device,
		entry.action,
		entry.target,
		entry.detail,
		entry.prevHash
	]);
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The entry that follows `prev` (or starts the chain when null), sealed with its hash. */
export async function chainEntry(prev: ChainHead | null, draft: AuditDraft): Promise<AuditEntry> {
	const unsealed = {
		seq: prev ? prev.seq + 1 : 1,
		at: draft.at,
		actor: draft.actor,
		device: draft.device,
		action: draft.action,
		target: draft.target,
		detail: draft.detail,
		prevHash: prev ? prev.hash : GENESIS_HASH
	};
	return { ...unsealed, hash: await hashEntry(unsealed) };
}

function fail(
	problem: 'edited' | 'removed' | 'reordered' | 'truncated',
	atSeq: number,
	message: string
): ChainVerdict {
	return { ok: false, problem, atSeq, message };
}

const changed = (seq: number) =>
	fail('edited', seq, `Audit entry ${seq} was changed after it was written.`);

function missing(problem: 'removed' | 'truncated', from: number, to: number): ChainVerdict {
	const where = problem === 'truncated' ? ' from the end' : '';
	const message =
		from === to
			? `Audit entry ${from} is missing${where}.`
			: `Audit entries ${from}–${to} are missing${where}.`;
	return fail(problem, from, message);
}

/**
 * Checks `entries` (in stored order, starting at seq 1) for edits, gaps and shuffles; with
 * `expectedHead`, a head remembered earlier, also for entries cut off the end.
 */
export async function verifyChain(
	entries: AuditEntry[],
	expectedHead?: ChainHead
): Promise<ChainVerdict> {
	let prev: ChainHead | null = null;
	for (let i = 0; i < entries.length; i++) {
		const entry = entries[i];
		const expectedSeq: number = prev ? prev.seq + 1 : 1;
		// Content first: a tampered seq or prevHash field is an edit, not a gap or a shuffle.
		if ((await hashEntry(entry)) !== entry.hash) return changed(expectedSeq);
		if (entry.seq !== expectedSeq) {
			if (prev && entry.seq === prev.seq) {
				return fail(
					'edited',
					entry.seq,
					`Audit entry ${entry.seq} appears twice — one was added later.`
				);
			}
			const later = entries.slice(i + 1).some((e) => e.seq === expectedSeq);
			if (later || !(entry.seq > expectedSeq)) {
				const at = later ? expectedSeq : entry.seq;
				return fail('reordered', at, `Audit entry ${at} is out of order.`);
			}
			return missing('removed', expectedSeq, entry.seq - 1);
		}
		if (entry.prevHash !== (prev ? prev.hash : GENESIS_HASH)) {
			// Both hashes check out on their own, so the earlier entry was rewritten and resealed.
			return changed(prev ? prev.seq : entry.seq);
		}
		prev = { seq: entry.seq, hash: entry.hash };
	}
	if (expectedHead && expectedHead.seq > 0) {
		const last = prev ? prev.seq : 0;
		if (last < expectedHead.seq) return missing('truncated', last + 1, expectedHead.seq);
		const atHead = entries[expectedHead.seq - 1];
		if (atHead.hash !== expectedHead.hash) return changed(expectedHead.seq);
	}
	return { ok: true, count: entries.length };
}
