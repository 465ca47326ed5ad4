/**
 * "Who saw my record": everyone who viewed or changed anything of one patient (the patient's
 * own record, records made for them, records merged into them), grouped by person.
 */
import type { AuditEntry } from '$lib/core/audit/chain';
import { concernsPatient, relatedTargets } from './refs';
import { personVerified } from './trust';

/** Actions that read patient data rather than change it. */
const READS = new Set(['view', 'export']);

export interface PersonAccess {
	/** Person id. */
	person: string;
	count: number;
	/** Entries that read (viewed, exported). */
	views: number;
	/** Entries that changed something. */
	changes: number;
	/** Entries nothing proves the person wrote (forged, unsigned, from the old log). */
	unverified: number;
	/** ISO instants of the earliest and latest entry. */
	first: string;
	last: string;
	/** Device ids the person used, in order of first use. */
	devices: string[];
	/** The person's entries about the patient, oldest first. */
	entries: AuditEntry[];
}

/**
 * The people who accessed `patientIds` (a patient and the ids merged into it) in `entries`,
 * the most recent access first. `knownTargets` adds records known to be the patient's.
 */
export function accessReport(
	entries: readonly AuditEntry[],
	patientIds: readonly string[],
	knownTargets: Iterable<string> = []
): PersonAccess[] {
	const patients = new Set(patientIds);
	const related = relatedTargets(entries, patients, knownTargets);
	const byPerson = new Map<string, PersonAccess>();
	const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
	for (const entry of sorted) {
		if (!concernsPatient(entry, patients, related)) continue;
		let access = byPerson.get(entry.actor);
		if (!access) {
			access = {
				person: entry.actor,
				count: 0,
				views: 0,
				changes: 0,
				unverified: 0,
				first: entry.at,
				last: entry.at,
				devices: [],
				entries: []
			};
			byPerson.set(entry.actor, access);
		}
		access.count++;
		if (READS.has(entry.action)) access.views++;
		else access.changes++;
		if (!personVerified(entry)) access.unverified++;
		access.last = entry.at;
		if (!access.devices.includes(entry.device)) access.devices.push(entry.device);
		access.entries.push(entry);
	}
	return [...byPerson.values()].sort((a, b) => b.last.localeCompare(a.last));
}
