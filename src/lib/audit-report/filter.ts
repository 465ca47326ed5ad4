/** Narrowing the audit log to what a manager asked for: person, patient, local days, action. */
import type { AuditEntry } from '$lib/core/audit/chain';
import { localDateOf } from './office-time';
import { concernsPatient, relatedTargets } from './refs';

export interface AuditFilter {
	/** Person id of who acted; '' for anyone. */
	person?: string;
	/** The patient and the ids merged into it; empty for any patient. */
	patientIds?: readonly string[];
	/** Targets known to belong to the patient besides those the entries reveal. */
	knownTargets?: Iterable<string>;
	/** First and last office-zone day ('YYYY-MM-DD'), inclusive; '' for open-ended. */
	from?: string;
	to?: string;
	/** e.g. 'view'; '' for any action. */
	action?: string;
	/** The office's time zone, for the days. */
	timeZone: string;
}

/** The entries that match every given part of the filter, in their original order. */
export function filterEntries(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
	const { person = '', action = '', from = '', to = '', timeZone } = filter;
	const patients = new Set(filter.patientIds ?? []);
	const related =
		patients.size > 0 ? relatedTargets(entries, patients, filter.knownTargets) : new Set<string>();
	return entries.filter((entry) => {
		if (person && entry.actor !== person) return false;
		if (action && entry.action !== action) return false;
		if (from || to) {
			const day = localDateOf(entry.at, timeZone);
			if ((from && day < from) || (to && day > to)) return false;
		}
		return patients.size === 0 || concernsPatient(entry, patients, related);
	});
}

/** The distinct values of one field, sorted, for a filter's choices. */
export function distinct(entries: readonly AuditEntry[], field: 'actor' | 'action'): string[] {
	return [...new Set(entries.map((entry) => entry[field]))].sort();
}
