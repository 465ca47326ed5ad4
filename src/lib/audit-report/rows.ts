/**
 * Audit entries as a manager reads them: names instead of ids where the office knows them,
 * times in the office zone. The table and the CSV export are made from the same rows, so the
 * file holds what the screen shows (plus the ISO time and the raw reference, for matching).
 */
import type { AuditEntry } from '$lib/core/audit/chain';
import { toCsv } from './csv';
import { officeTime } from './office-time';
import { entryCheck, type EntryCheck } from './trust';

/** What the page knows about the ids in the log; undefined means "not known here". */
export interface AuditLabels {
	/** A person's name (e.g. a staff member linked to the person id). */
	person(id: string): string | undefined;
	/** A record's readable name, given its reference `area/collection/id`. */
	record(ref: string): string | undefined;
	/** This device's id, shown as "This device". */
	thisDevice?: string;
}

export interface AuditRow {
	/** ISO UTC instant. */
	at: string;
	/** The instant in the office zone. */
	time: string;
	person: string;
	device: string;
	action: string;
	/** The record acted on, named. */
	what: string;
	/** The entry's detail with references named. */
	detail: string;
	/** The raw reference (ids only). */
	target: string;
	/** What could be checked of the entry (forged, not verified, carried over), in words. */
	check: EntryCheck;
	entry: AuditEntry;
}

const KINDS: Record<string, string> = {
	'patients/patients': 'Patient',
	'patients/policies': 'Insurance policy',
	'clinical/vitals': 'Vitals',
	'clinical/history': 'Medical history item',
	'clinical/attachments': 'Document',
	'directory/staff': 'Staff member',
	'directory/rooms': 'Room',
	'directory/settings': 'Office settings',
	'directory/settings/office': 'Office settings',
	'schedule/appointments': 'Appointment',
	'schedule/shifts': 'Shift',
	session: 'Sign-in',
	office: 'Office'
};

const ACTIONS: Record<string, string> = {
	view: 'Viewed',
	create: 'Created',
	update: 'Changed',
	delete: 'Deleted',
	remove: 'Removed',
	deactivate: 'Deactivated',
	reactivate: 'Reactivated',
	import: 'Imported',
	export: 'Exported',
	merge: 'Merged',
	unmerge: 'Merge undone',
	'sign-in': 'Signed in',
	'sign-out': 'Signed out',
	lock: 'Locked',
	revoke: 'Removed from the office',
	restore: 'Restored'
};

/** The last six characters of an id, enough to tell ids apart on screen. */
export const shortId = (id: string): string => `…${id.slice(-6)}`;

/** A person's name, or their shortened id. */
export function personLabel(id: string, labels: AuditLabels): string {
	return labels.person(id) ?? `Person ${shortId(id)}`;
}

/** A device, as "This device" or its shortened id. */
export function deviceLabel(id: string, labels: AuditLabels): string {
	return id === labels.thisDevice ? 'This device' : `Device ${shortId(id)}`;
}

/** An action in words, e.g. 'view' → 'Viewed'. */
export function actionLabel(action: string): string {
	return ACTIONS[action] ?? action.charAt(0).toUpperCase() + action.slice(1).replaceAll('-', ' ');
}

/** A reference `area/collection/id` named: the record's own name, else its kind and short id. */
export function describeRef(ref: string, labels: AuditLabels): string {
	const named = labels.record(ref);
	if (named) return named;
	// People changes name a person, a role or a device (people/admin.ts).
	const [prefix, rest] = ref.split(':');
	if (rest && prefix === 'person') return `Person ${shortId(rest)}`;
	if (rest && prefix === 'device') return `Device ${shortId(rest)}`;
	if (rest && prefix === 'role') return `Role ${rest}`;
	const slash = ref.lastIndexOf('/');
	const kind = KINDS[ref];
	if (kind) return kind;
	const collection = slash > 0 ? ref.slice(0, slash) : ref;
	const id = slash > 0 ? ref.slice(slash + 1) : '';
	const label = KINDS[collection];
	if (!label) return ref;
	return /^[0-9A-Z]{20,}$/.test(id) ? `${label} ${shortId(id)}` : `${label} ${id}`;
}

// A reference inside a detail: area/collection/ID (ids are ULIDs or similar).
const REF_IN_TEXT = /\b[a-z]+\/[a-z-]+\/[0-9A-Za-z]{10,}\b/g;

/** A detail with every reference in it named. */
export function describeDetail(detail: string, labels: AuditLabels): string {
	return detail.replace(REF_IN_TEXT, (ref) => describeRef(ref, labels));
}

/** One entry as a row of the table and the CSV. */
export function auditRow(entry: AuditEntry, labels: AuditLabels, timeZone: string): AuditRow {
	return {
		at: entry.at,
		time: officeTime(entry.at, timeZone),
		person: personLabel(entry.actor, labels),
		device: deviceLabel(entry.device, labels),
		action: actionLabel(entry.action),
		what: describeRef(entry.target, labels),
		detail: describeDetail(entry.detail, labels),
		target: entry.target,
		check: entryCheck(entry, (id) => personLabel(id, labels)),
		entry
	};
}

export const CSV_HEADER = [
	'Time (UTC)',
	'Time (office)',
	'Person',
	'Device',
	'Action',
	'What',
	'Details',
	'Reference',
	'Check'
] as const;

/** The rows as a CSV file (RFC 4180), header first. */
export function rowsToCsv(rows: readonly AuditRow[]): string {
	return toCsv(
		CSV_HEADER,
		rows.map((row) => [
			row.at,
			row.time,
			row.person,
			row.device,
			row.action,
			row.what,
			row.detail,
			row.target,
			// Spelled out: an empty cell in a file read elsewhere says nothing.
			row.check.text || 'Verified'
		])
	);
}
