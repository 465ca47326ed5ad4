/**
 * What the log could check of an entry, in words for the table and the CSV: a forged entry, one
 * whose person could not be verified, one from before signed entries (carried over by a
 * manager, or still waiting) — each said plainly, so a manager never reads them as the rest.
 */
import type { AuditEntry } from '$lib/core/audit/chain';

export interface EntryCheck {
	/** verified: nothing to say; note: read with care; bad: not what it claims to be. */
	level: 'verified' | 'note' | 'bad';
	/** '' when verified. */
	text: string;
}

const VERIFIED: EntryCheck = { level: 'verified', text: '' };

/** How far an entry could be checked, in words; `person` names a person id. */
export function entryCheck(entry: AuditEntry, person: (id: string) => string): EntryCheck {
	if (entry.trust === 'forged') {
		return { level: 'bad', text: 'Forged: not signed by the device or person it names' };
	}
	if (entry.carriedOver) {
		const { by, check } = entry.carriedOver;
		const who = person(by) + (entry.trust === 'actor-unverified' ? ' (not verified)' : '');
		if (!check.ok) {
			const why = check.message ? `: ${check.message}` : '';
			return { level: 'bad', text: `Carried over by ${who}; the old log check failed${why}` };
		}
		return { level: 'note', text: `Carried over from the old log by ${who}` };
	}
	if (entry.trust === 'actor-unverified') {
		return { level: 'note', text: 'Person not verified (they had no signing key yet)' };
	}
	if (entry.trust === 'unsealed') {
		return {
			level: 'note',
			text: 'From the old log, not yet carried over: anyone could have written it'
		};
	}
	return VERIFIED;
}

/**
 * Whether the person an entry names is known to have written it: signed by them, and not from
 * the old unsigned log (whose entries say who acted, but nothing proves it).
 */
export function personVerified(entry: AuditEntry): boolean {
	return (entry.trust === undefined || entry.trust === 'verified') && !entry.carriedOver;
}

/**
 * A key that tells entries apart: a device's old (carried-over or plaintext) entries are
 * numbered apart from its signed ones, so device and seq alone can repeat.
 */
export function entryKey(entry: AuditEntry): string {
	const old = entry.carriedOver !== undefined || entry.trust === 'unsealed';
	return `${old ? 'old' : 'new'}|${entry.device}|${entry.seq}`;
}
