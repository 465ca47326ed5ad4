import { describe, expect, it } from 'vitest';
import { auditRow, describeDetail, describeRef, rowsToCsv, type AuditLabels } from './rows';
import { auditEntry } from './test-support/entries';

const PAT = '01JPATIENTAAAAAAAAAAAAAAAA';
const ME = '01JMEAAAAAAAAAAAAAAAAAAAAA';
const DEVICE = '01JDEVICEAAAAAAAAAAAAAAABC';

const labels: AuditLabels = {
	person: (id) => (id === ME ? 'You' : undefined),
	record: (ref) => (ref === `patients/patients/${PAT}` ? 'Doe, Jane (MRN P0000001)' : undefined),
	thisDevice: DEVICE
};

describe('audit rows', () => {
	it('names a patient by name and MRN, and other records by kind and short id', () => {
		expect(describeRef(`patients/patients/${PAT}`, labels)).toBe('Doe, Jane (MRN P0000001)');
		expect(describeRef('clinical/vitals/01JVITALSAAAAAAAAAAAAAAXYZ', labels)).toBe(
			'Vitals …AAAXYZ'
		);
		expect(describeRef('session', labels)).toBe('Sign-in');
		expect(describeRef('directory/settings/office', labels)).toBe('Office settings');
		expect(describeRef('newarea/things/1', labels)).toBe('newarea/things/1');
	});

	it('names the people, roles and devices that people changes act on', () => {
		expect(describeRef(`person:${ME}`, labels)).toBe('Person …AAAAAA');
		expect(describeRef(`device:${DEVICE}`, labels)).toBe('Device …AAAABC');
		expect(describeRef('role:front-desk', labels)).toBe('Role front-desk');
	});

	it('names the references inside a detail', () => {
		expect(describeDetail(`Vitals recorded for patients/patients/${PAT}`, labels)).toBe(
			'Vitals recorded for Doe, Jane (MRN P0000001)'
		);
	});

	it('shows a person and device without a name by their shortened ids', () => {
		const row = auditRow(
			auditEntry({
				actor: '01JSOMEONEAAAAAAAAAAAA1234',
				device: '01JOTHERAAAAAAAAAAAAAA9876',
				at: '2026-11-20T15:04:05.000Z'
			}),
			labels,
			'America/Chicago'
		);
		expect(row).toMatchObject({
			person: 'Person …AA1234',
			device: 'Device …AA9876',
			action: 'Viewed',
			time: 'Nov 20, 2026, 09:04:05'
		});
	});

	it('exports what the table shows, with ISO times and references, defused', () => {
		const rows = [
			auditRow(
				auditEntry({
					actor: ME,
					device: DEVICE,
					at: '2026-11-20T15:04:05.000Z',
					target: `patients/patients/${PAT}`,
					detail: 'Chart opened'
				}),
				labels,
				'America/Chicago'
			),
			auditRow(
				auditEntry({
					actor: ME,
					device: DEVICE,
					at: '2026-11-20T16:00:00.000Z',
					action: 'update',
					target: 'directory/rooms/1',
					detail: '=cmd|calc',
					trust: 'forged'
				}),
				labels,
				'America/Chicago'
			)
		];
		expect(rowsToCsv(rows).split('\r\n')).toEqual([
			'Time (UTC),Time (office),Person,Device,Action,What,Details,Reference,Check',
			`2026-11-20T15:04:05.000Z,"Nov 20, 2026, 09:04:05",You,This device,Viewed,"Doe, Jane (MRN P0000001)",Chart opened,patients/patients/${PAT},Verified`,
			`2026-11-20T16:00:00.000Z,"Nov 20, 2026, 10:00:00",You,This device,Changed,Room 1,'=cmd|calc,directory/rooms/1,Forged: not signed by the device or person it names`,
			''
		]);
	});
});
