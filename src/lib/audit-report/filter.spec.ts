import { describe, expect, it } from 'vitest';
import { distinct, filterEntries } from './filter';
import { localDateOf, monthsCovering } from './office-time';
import { auditEntry } from './test-support/entries';

const ZONE = 'America/Chicago';
const ANNA = '01JANNAAAAAAAAAAAAAAAAAAAA';
const BEN = '01JBENBBBBBBBBBBBBBBBBBBBB';
const PAT = '01JPATIENTAAAAAAAAAAAAAAAA';
const OLD = '01JOLDPATIENTAAAAAAAAAAAAA';
const OTHER = '01JOTHERPATIENTAAAAAAAAAAA';
const DOC = 'clinical/attachments/01JDOCAAAAAAAAAAAAAAAAAAAA';

const log = [
	auditEntry({
		actor: ANNA,
		action: 'view',
		target: `patients/patients/${PAT}`,
		at: '2026-11-20T05:30:00.000Z'
	}),
	auditEntry({
		actor: BEN,
		action: 'create',
		target: 'clinical/vitals/01JVITALSAAAAAAAAAAAAAAAAA',
		detail: `Vitals recorded for patients/patients/${OLD}`,
		at: '2026-11-20T06:30:00.000Z'
	}),
	auditEntry({
		actor: BEN,
		action: 'view',
		target: `patients/patients/${OTHER}`,
		at: '2026-11-21T12:00:00.000Z'
	}),
	auditEntry({
		actor: ANNA,
		action: 'create',
		target: DOC,
		detail: `Document attached to patients/patients/${PAT}`,
		at: '2026-11-22T12:00:00.000Z'
	}),
	auditEntry({
		actor: BEN,
		action: 'view',
		target: DOC,
		detail: 'Document viewed',
		at: '2026-11-23T12:00:00.000Z'
	}),
	auditEntry({
		actor: ANNA,
		action: 'sign-in',
		target: 'session',
		detail: 'Signed in',
		at: '2026-11-23T13:00:00.000Z'
	})
];

const targets = (entries: { target: string }[]) => entries.map((entry) => entry.target);

describe('filterEntries', () => {
	it('keeps every entry when nothing is chosen', () => {
		expect(filterEntries(log, { timeZone: ZONE })).toEqual(log);
	});

	it('keeps only the chosen person and action', () => {
		const found = filterEntries(log, { timeZone: ZONE, person: BEN, action: 'view' });
		expect(targets(found)).toEqual([`patients/patients/${OTHER}`, DOC]);
	});

	it('finds a patient by target, by mention, through merged ids and through their records', () => {
		const found = filterEntries(log, { timeZone: ZONE, patientIds: [PAT, OLD] });
		expect(found).toEqual([log[0], log[1], log[3], log[4]]);
	});

	it('counts a record as the patient’s when told so, though its creation is not loaded', () => {
		const later = log.slice(4);
		expect(filterEntries(later, { timeZone: ZONE, patientIds: [PAT] })).toEqual([]);
		expect(
			filterEntries(later, { timeZone: ZONE, patientIds: [PAT], knownTargets: [DOC] })
		).toEqual([log[4]]);
	});

	it('filters by the office’s days, not by UTC days', () => {
		// 05:30 UTC on the 20th is still the 19th in Chicago (UTC−6).
		expect(localDateOf('2026-11-20T05:30:00.000Z', ZONE)).toBe('2026-11-19');
		const found = filterEntries(log, { timeZone: ZONE, from: '2026-11-20', to: '2026-11-22' });
		expect(found).toEqual([log[1], log[2], log[3]]);
		expect(filterEntries(log, { timeZone: ZONE, to: '2026-11-19' })).toEqual([log[0]]);
	});

	it('lists the people and actions present, sorted', () => {
		expect(distinct(log, 'actor')).toEqual([ANNA, BEN]);
		expect(distinct(log, 'action')).toEqual(['create', 'sign-in', 'view']);
	});
});

describe('monthsCovering', () => {
	it.each([
		['2026-11-14', '2026-11-20', '2026-11', '2026-11'],
		['2026-11-01', '2026-11-30', '2026-10', '2026-12'],
		['2025-12-25', '2026-01-05', '2025-12', '2026-01']
	])('loads the UTC months that can hold %s..%s', (from, to, first, last) => {
		expect(monthsCovering(from, to)).toEqual({ first, last });
	});
});
