/**
 * Small factories for directory tests: form input as a person would type it, stored records as the
 * projections hold them, and projection tables filled directly (no documents, no keys).
 */
import { ProjectionTable } from '$lib/core/projection/projection-table';
import type { SettingsRecord } from '../collections';
import type { DirectoryTables } from '../queries';
import type { OfficeSettingsForm, Room, RoomForm, StaffMember, StaffMemberForm } from '../schema';

/** A well-formed record id (a ULID) for the n-th test record. */
export function testId(n: number): string {
	return `01J${String(n).padStart(23, '0')}`;
}

/** Every field of the staff form filled in with valid values. */
export function makeStaffForm(overrides: Partial<StaffMemberForm> = {}): Required<StaffMemberForm> {
	return {
		givenName: 'Ana',
		familyName: 'García',
		preferredName: '',
		role: 'physician',
		credentials: 'MD',
		npi: '1234567893',
		email: 'agarcia@clinic.example',
		phone: '(217) 555-0101',
		startDate: '2021-04-01',
		notes: '',
		...overrides
	};
}

/** A staff member as the projection holds it (canonical values, active). */
export function makeStaffMember(n: number, overrides: Partial<StaffMember> = {}): StaffMember {
	return {
		...makeStaffForm({ npi: '', email: '', phone: '', startDate: '' }),
		id: testId(n),
		active: true,
		...overrides
	};
}

/** Every field of the room form filled in with valid values. */
export function makeRoomForm(overrides: Partial<RoomForm> = {}): Required<RoomForm> {
	return { name: 'Exam 1', kind: 'exam', status: 'ready', notes: '', ...overrides };
}

/** A room as the projection holds it (active). */
export function makeRoom(n: number, overrides: Partial<Room> = {}): Room {
	return { ...makeRoomForm(), id: testId(n), active: true, ...overrides };
}

/** Office settings as a person would type them (not yet normalized). */
export function makeSettingsForm(overrides: Partial<OfficeSettingsForm> = {}): OfficeSettingsForm {
	return {
		name: 'Riverside Clinic',
		addressLine1: '12 Water Street',
		city: 'Springfield',
		state: 'IL',
		zip: '62704',
		phone: '(217) 555-0100',
		timeZone: 'America/Chicago',
		...overrides
	};
}

/** Directory tables holding exactly these rows, indexed like the real projections. */
export function directoryTablesOf(
	rows: { staff?: StaffMember[]; rooms?: Room[]; settings?: SettingsRecord[] } = {}
): DirectoryTables {
	const staff = new ProjectionTable<StaffMember>('staff', ['active', 'role']);
	const rooms = new ProjectionTable<Room>('rooms', ['active', 'kind', 'status']);
	const settings = new ProjectionTable<SettingsRecord>('settings');
	staff.upsert(rows.staff ?? []);
	rooms.upsert(rows.rooms ?? []);
	settings.upsert(rows.settings ?? []);
	return { staff, rooms, settings };
}
