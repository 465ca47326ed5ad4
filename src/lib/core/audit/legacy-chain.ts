/**
 * The audit entries written before entries were signed and sealed (format 'audit-v1'): plaintext
 * fields in each device's chain, hashed without a key. Anyone holding the audit area key could
 * rewrite them consistently, so they are only read to be carried over (migrate-legacy.ts) and to
 * check what is left of them; nothing writes them any more except tests.
 */
import { sha256Hex } from '../crypto/hash';
import { verifyLinks, type ChainHead, type ChainVerdict } from './chain';

/** A plaintext entry as the old code stored it. */
export interface LegacyEntry {
	seq: number;
	at: string;
	actor: string;
	device: string;
	action: string;
	target: string;
	detail: string;
	prevHash: string;
	hash: string;
}

export type LegacyDraft = Omit<LegacyEntry, 'seq' | 'prevHash' | 'hash'>;

// The tag of the old serialization, so old and new hashes cannot be confused.
const FORMAT = 'audit-v1';

/** The sha256 hex digest a legacy entry must carry, computed from every field except `hash`. */
export function hashEntry(entry: Omit<LegacyEntry, 'hash'>): Promise<string> {
	// A JSON array in fixed order: no field can bleed into its neighbour, and key order is moot.
	return sha256Hex(
		JSON.stringify([
			FORMAT,
			entry.seq,
			entry.at,
			entry.actor,
			entry.device,
			entry.action,
			entry.target,
			entry.detail,
			entry.prevHash
		])
	);
}

/** The legacy entry that follows `prev` (or starts the chain when null). For tests. */
export async function chainEntry(prev: ChainHead | null, draft: LegacyDraft): Promise<LegacyEntry> {
	const unsealed = {
		seq: prev ? prev.seq + 1 : 1,
		...pickDraft(draft),
		prevHash: prev ? prev.hash : '0'.repeat(64)
	};
	return { ...unsealed, hash: await hashEntry(unsealed) };
}

/** Checks a whole legacy chain (from seq 1), with `expectedHead` also for entries cut off. */
export function verifyChain(
	entries: LegacyEntry[],
	expectedHead?: ChainHead
): Promise<ChainVerdict> {
	return verifyLinks(entries, { hashOf: hashEntry, heads: expectedHead ? [expectedHead] : [] });
}

/** Whether a stored value is a legacy entry (no format version, the old fields). */
export function isLegacyEntry(value: unknown): value is LegacyEntry {
	if (typeof value !== 'object' || value === null || 'v' in value) return false;
	const entry = value as Record<string, unknown>;
	return typeof entry.seq === 'number' && typeof entry.hash === 'string';
}

/** A legacy entry with every field coerced to its type, for values that may have been altered. */
export function normalLegacy(value: LegacyEntry): LegacyEntry {
	// Anything but text was put there by hand: it is kept as JSON, which then fails the hash.
	const text = (field: unknown) =>
		typeof field === 'string' ? field : (JSON.stringify(field) ?? '');
	return {
		seq: Number.isSafeInteger(value.seq) ? value.seq : -1,
		at: text(value.at),
		actor: text(value.actor),
		device: text(value.device),
		action: text(value.action),
		target: text(value.target),
		detail: text(value.detail),
		prevHash: text(value.prevHash),
		hash: text(value.hash)
	};
}

/**
 * What the old check says of each entry of a run of one chain (one month of it, in seq order):
 * whether its hash is right and it follows the entry before it in the run.
 */
export async function checkRun(
	run: readonly LegacyEntry[]
): Promise<Map<number, { ok: boolean; message?: string }>> {
	const verdicts = new Map<number, { ok: boolean; message?: string }>();
	let prev: LegacyEntry | null = null;
	for (const entry of run) {
		if ((await hashEntry(entry)) !== entry.hash) {
			verdicts.set(entry.seq, { ok: false, message: 'It was changed after it was written.' });
		} else if (prev && (entry.seq !== prev.seq + 1 || entry.prevHash !== prev.hash)) {
			verdicts.set(entry.seq, { ok: false, message: 'It does not follow the entry before it.' });
		} else {
			verdicts.set(entry.seq, { ok: true });
		}
		prev = entry;
	}
	return verdicts;
}

function pickDraft(draft: LegacyDraft): LegacyDraft {
	const { at, actor, device, action, target, detail } = draft;
	return { at, actor, device, action, target, detail };
}
