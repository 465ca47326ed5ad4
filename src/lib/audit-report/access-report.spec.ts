import { describe, expect, it } from 'vitest';
import { accessReport } from './access-report';
import { auditEntry } from './test-support/entries';

const ANNA = '01JANNAAAAAAAAAAAAAAAAAAAA';
const BEN = '01JBENBBBBBBBBBBBBBBBBBBBB';
const PAT = '01JPATIENTAAAAAAAAAAAAAAAA';
const MERGED = '01JMERGEDAAAAAAAAAAAAAAAAA';
const DOC = 'clinical/attachments/01JDOCAAAAAAAAAAAAAAAAAAAA';

describe('accessReport', () => {
	it('groups who viewed or changed the patient by person, most recent first', () => {
		const entries = [
			auditEntry({
				actor: ANNA,
				device: 'TABLET',
				action: 'create',
				target: `patients/patients/${PAT}`,
				at: '2026-11-01T10:00:00.000Z'
			}),
			auditEntry({
				actor: BEN,
				device: 'DESK',
				action: 'view',
				target: `patients/patients/${PAT}`,
				at: '2026-11-02T10:00:00.000Z'
			}),
			auditEntry({
				actor: ANNA,
				device: 'DESK',
				action: 'view',
				target: `patients/patients/${MERGED}`,
				at: '2026-11-03T10:00:00.000Z'
			}),
			auditEntry({
				actor: ANNA,
				device: 'TABLET',
				action: 'view',
				target: DOC,
				detail: `Document viewed for patients/patients/${PAT}`,
				at: '2026-11-04T10:00:00.000Z'
			}),
			auditEntry({
				actor: BEN,
				action: 'view',
				target: 'patients/patients/01JSOMEONEELSEAAAAAAAAAAAA',
				at: '2026-11-05T10:00:00.000Z'
			})
		];

		const report = accessReport(entries, [PAT, MERGED]);

		expect(report.map(({ entries: _entries, ...rest }) => rest)).toEqual([
			{
				person: ANNA,
				count: 3,
				views: 2,
				changes: 1,
				unverified: 0,
				first: '2026-11-01T10:00:00.000Z',
				last: '2026-11-04T10:00:00.000Z',
				devices: ['TABLET', 'DESK']
			},
			{
				person: BEN,
				count: 1,
				views: 1,
				changes: 0,
				unverified: 0,
				first: '2026-11-02T10:00:00.000Z',
				last: '2026-11-02T10:00:00.000Z',
				devices: ['DESK']
			}
		]);
		expect(report[0].entries.map((entry) => entry.at)).toEqual([
			'2026-11-01T10:00:00.000Z',
			'2026-11-03T10:00:00.000Z',
			'2026-11-04T10:00:00.000Z'
		]);
	});

	it('includes later entries about a record made for the patient, and known records', () => {
		const made = auditEntry({
			actor: ANNA,
			action: 'create',
			target: DOC,
			detail: `Document attached to patients/patients/${PAT}`,
			at: '2026-11-01T10:00:00.000Z'
		});
		const viewed = auditEntry({
			actor: BEN,
			action: 'view',
			target: DOC,
			detail: 'Document viewed',
			at: '2026-11-02T10:00:00.000Z'
		});

		expect(accessReport([made, viewed], [PAT]).map((access) => access.person)).toEqual([BEN, ANNA]);
		expect(accessReport([viewed], [PAT])).toEqual([]);
		expect(accessReport([viewed], [PAT], [DOC]).map((access) => access.person)).toEqual([BEN]);
	});

	it('is empty for a patient nobody touched', () => {
		expect(accessReport([auditEntry({ target: 'session' })], [PAT])).toEqual([]);
	});

	it('counts the entries nothing proves the person wrote: forged, unsigned, from the old log', () => {
		const target = `patients/patients/${PAT}`;
		const carriedOver = {
			by: BEN,
			device: 'DESK',
			at: '2026-12-01T00:00:00.000Z',
			check: { ok: true }
		};
		const entries = [
			auditEntry({ actor: ANNA, target, trust: 'verified' }),
			auditEntry({ actor: ANNA, target, trust: 'forged' }),
			auditEntry({ actor: ANNA, target, trust: 'actor-unverified' }),
			auditEntry({ actor: ANNA, target, trust: 'unsealed' }),
			auditEntry({ actor: ANNA, target, trust: 'verified', carriedOver })
		];
		expect(accessReport(entries, [PAT])).toMatchObject([{ person: ANNA, count: 5, unverified: 4 }]);
	});
});
