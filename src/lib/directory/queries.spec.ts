import { describe, expect, it } from 'vitest';
import { SETTINGS_ID } from './collections';
import {
	listRooms,
	listStaff,
	officeSettings,
	staffDisplayName,
	type RoomFilter,
	type StaffFilter
} from './queries';
import type { Room, StaffMember } from './schema';
import { directoryTablesOf, makeRoom, makeStaffMember } from './test-support/records';

const names = (staff: StaffMember[]) =>
	staff.map((member) => `${member.givenName} ${member.familyName}`);
const roomNames = (rooms: Room[]) => rooms.map((room) => room.name);

describe('listStaff', () => {
	const team = [
		makeStaffMember(1, { givenName: 'Paul', familyName: 'Baker', role: 'physician' }),
		makeStaffMember(2, { givenName: 'Zoë', familyName: 'Álvarez', role: 'front-desk' }),
		makeStaffMember(3, { givenName: 'Ana', familyName: 'García', role: 'nurse-practitioner' }),
		makeStaffMember(4, { givenName: 'Marta', familyName: 'de la Cruz', role: 'billing' }),
		makeStaffMember(5, { givenName: 'luis', familyName: 'Garcia', role: 'front-desk' }),
		makeStaffMember(6, { givenName: 'Diego', familyName: 'Diaz', role: 'physician' })
	];

	it('sorts by family name then given name, ignoring accents and case', () => {
		const tables = directoryTablesOf({ staff: team });

		expect(names(listStaff(tables))).toEqual([
			'Zoë Álvarez',
			'Paul Baker',
			'Marta de la Cruz',
			'Diego Diaz',
			'Ana García',
			'luis Garcia'
		]);
	});

	it('sorts by role label, then by name within a role', () => {
		const tables = directoryTablesOf({ staff: team });

		expect(names(listStaff(tables, { sort: 'role' }))).toEqual([
			'Marta de la Cruz', // Billing
			'Zoë Álvarez', // Front desk
			'luis Garcia', // Front desk
			'Ana García', // Nurse practitioner
			'Paul Baker', // Physician
			'Diego Diaz' // Physician
		]);
	});

	it('leaves inactive staff out unless asked for them', () => {
		const tables = directoryTablesOf({
			staff: [
				makeStaffMember(1, { familyName: 'Active' }),
				makeStaffMember(2, { familyName: 'Departed', active: false })
			]
		});

		expect(listStaff(tables).map((member) => member.familyName)).toEqual(['Active']);
		expect(listStaff(tables, { includeInactive: true }).map((m) => m.familyName)).toEqual([
			'Active',
			'Departed'
		]);
	});

	it('returns an empty list for an empty directory', () => {
		expect(listStaff(directoryTablesOf())).toEqual([]);
	});

	describe('search', () => {
		const staff = [
			makeStaffMember(1, {
				givenName: 'Ana',
				familyName: 'García',
				role: 'physician',
				credentials: 'MD',
				email: 'agarcia@clinic.example'
			}),
			makeStaffMember(2, {
				givenName: 'Ana',
				familyName: 'Baker',
				role: 'front-desk',
				credentials: '',
				email: 'abaker@clinic.example'
			}),
			makeStaffMember(3, {
				givenName: 'Luis',
				familyName: 'Garcia',
				preferredName: 'Lucho',
				role: 'billing',
				credentials: 'CPC',
				email: 'lgarcia@clinic.example',
				phone: '(217) 555-0199'
			}),
			makeStaffMember(4, {
				givenName: 'Hana',
				familyName: 'Okafor',
				role: 'registered-nurse',
				credentials: 'RN',
				email: 'hokafor@clinic.example',
				active: false
			})
		];
		const tables = directoryTablesOf({ staff });

		it.each<[string, StaffFilter, string[]]>([
			['a family name without its accent', { search: 'garcia' }, ['Ana García', 'Luis Garcia']],
			['an accented query on a plain name', { search: 'GARCÍA' }, ['Ana García', 'Luis Garcia']],
			['a given name and part of a family name', { search: 'ana gar' }, ['Ana García']],
			['words in any order, spaced widely', { search: '  gar   ana ' }, ['Ana García']],
			['a role label', { search: 'front desk' }, ['Ana Baker']],
			['a role label and a name together', { search: 'physician ana' }, ['Ana García']],
			['an email address', { search: 'abaker@' }, ['Ana Baker']],
			['a preferred name', { search: 'lucho' }, ['Luis Garcia']],
			['credentials', { search: 'cpc' }, ['Luis Garcia']],
			['a phone number', { search: '555-0199' }, ['Luis Garcia']],
			['an inactive member only when asked for', { search: 'okafor' }, []],
			[
				'an inactive member with includeInactive',
				{ search: 'okafor', includeInactive: true },
				['Hana Okafor']
			],
			['nothing for words that match no one', { search: 'ana zzz' }, []],
			['everyone for a blank query', { search: '   ' }, ['Ana Baker', 'Ana García', 'Luis Garcia']]
		])('finds %s', (_label, filter, expected) => {
			expect(names(listStaff(tables, filter))).toEqual(expected);
		});
	});
});

describe('staffDisplayName', () => {
	it.each<[Partial<StaffMember>, string]>([
		[{ givenName: 'Robert', familyName: 'Smith', credentials: '' }, 'Robert Smith'],
		[{ givenName: 'Robert', familyName: 'Smith', credentials: 'MD' }, 'Robert Smith, MD'],
		[{ givenName: 'Robert', preferredName: 'Bob', familyName: 'Smith' }, 'Bob Smith, MD'],
		[
			{ givenName: 'Chloé', preferredName: 'Clo', familyName: 'Dubois', credentials: 'FNP-C' },
			'Clo Dubois, FNP-C'
		]
	])('shows %j as “%s”', (fields, expected) => {
		expect(staffDisplayName(makeStaffMember(1, { credentials: 'MD', ...fields }))).toBe(expected);
	});
});

describe('listRooms', () => {
	const rooms = [
		makeRoom(1, { name: 'Exam 10', kind: 'exam', status: 'ready' }),
		makeRoom(2, { name: 'Lab', kind: 'lab', status: 'occupied', notes: 'Blood draws' }),
		makeRoom(3, { name: 'exam 2', kind: 'exam', status: 'needs-cleaning' }),
		makeRoom(4, { name: 'Procedure 1', kind: 'procedure', status: 'ready' }),
		makeRoom(5, { name: 'Exam 1', kind: 'exam', status: 'out-of-service' }),
		makeRoom(6, { name: 'Billing office', kind: 'office', status: 'ready', notes: 'Café corner' }),
		makeRoom(7, { name: 'Exam 3', kind: 'exam', status: 'ready', active: false })
	];
	const tables = directoryTablesOf({ rooms });

	it('sorts names naturally, ignoring case: Exam 2 before Exam 10', () => {
		expect(roomNames(listRooms(tables))).toEqual([
			'Billing office',
			'Exam 1',
			'exam 2',
			'Exam 10',
			'Lab',
			'Procedure 1'
		]);
	});

	it.each<[RoomFilter, string[]]>([
		[
			// Exam room, Lab, Office, Procedure room
			{ sort: 'kind' },
			['Exam 1', 'exam 2', 'Exam 10', 'Lab', 'Billing office', 'Procedure 1']
		],
		[
			// Needs cleaning, Occupied, Out of service, Ready
			{ sort: 'status' },
			['exam 2', 'Lab', 'Exam 1', 'Billing office', 'Exam 10', 'Procedure 1']
		]
	])('sorts by the label, then the name, for %j', (filter, expected) => {
		expect(roomNames(listRooms(tables, filter))).toEqual(expected);
	});

	it('includes inactive rooms only when asked for', () => {
		expect(roomNames(listRooms(tables))).not.toContain('Exam 3');
		expect(roomNames(listRooms(tables, { includeInactive: true }))).toEqual([
			'Billing office',
			'Exam 1',
			'exam 2',
			'Exam 3',
			'Exam 10',
			'Lab',
			'Procedure 1'
		]);
	});

	it.each<[string, RoomFilter, string[]]>([
		['a name, ignoring case', { search: 'EXAM 1' }, ['Exam 1', 'Exam 10']],
		['a kind label', { search: 'procedure room' }, ['Procedure 1']],
		['a status label', { search: 'needs cleaning' }, ['exam 2']],
		['notes', { search: 'blood' }, ['Lab']],
		['notes without their accent', { search: 'cafe' }, ['Billing office']],
		['several words across fields', { search: 'exam out of service' }, ['Exam 1']],
		['nothing for an unknown word', { search: 'radiology' }, []]
	])('finds %s', (_label, filter, expected) => {
		expect(roomNames(listRooms(tables, filter))).toEqual(expected);
	});
});

describe('officeSettings', () => {
	it('is null before the settings were saved', () => {
		expect(officeSettings(directoryTablesOf())).toBeNull();
	});

	it('returns the settings without the record id', () => {
		const settings = {
			name: 'Riverside Clinic',
			addressLine1: '12 Water Street',
			addressLine2: '',
			city: 'Springfield',
			state: 'IL' as const,
			zip: '62704',
			phone: '(217) 555-0100',
			fax: '',
			timeZone: 'America/Chicago',
			npi: '',
			taxId: '',
			autoLockMinutes: 5
		};
		const tables = directoryTablesOf({ settings: [{ ...settings, id: SETTINGS_ID }] });

		expect(officeSettings(tables)).toEqual(settings);
	});
});
