/** Reading the office directory: lists that sort and search, and the office settings. */
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import {
	DIRECTORY_DOCUMENT,
	SETTINGS_ID,
	roomsCollection,
	settingsCollection,
	staffCollection,
	type SettingsRecord
} from './collections';
import { compareByName, matchesSearch } from './rules';
import {
	ROOM_KIND_LABELS,
	ROOM_STATUS_LABELS,
	STAFF_ROLE_LABELS,
	type OfficeSettings,
	type Room,
	type StaffMember
} from './schema';

export interface DirectoryTables {
	staff: ProjectionTable<StaffMember>;
	rooms: ProjectionTable<Room>;
	settings: ProjectionTable<SettingsRecord>;
}

/** Opens the directory document and its projections. */
export async function directoryTables(workspace: Workspace): Promise<DirectoryTables> {
	const [staff, rooms, settings] = await Promise.all([
		workspace.projection(DIRECTORY_DOCUMENT, staffCollection),
		workspace.projection(DIRECTORY_DOCUMENT, roomsCollection),
		workspace.projection(DIRECTORY_DOCUMENT, settingsCollection)
	]);
	return { staff, rooms, settings };
}

/** The office settings, or null before they were first saved. */
export function officeSettings(tables: DirectoryTables): OfficeSettings | null {
	const record = tables.settings.get(SETTINGS_ID);
	if (!record) return null;
	const { id: _id, ...settings } = record;
	return settings;
}

export type StaffSort = 'name' | 'role';

export interface StaffFilter {
	search?: string;
	includeInactive?: boolean;
	sort?: StaffSort;
}

/** How a staff member is shown in lists: preferred name first when there is one. */
export function staffDisplayName(member: StaffMember): string {
	const given = member.preferredName || member.givenName;
	const credentials = member.credentials ? `, ${member.credentials}` : '';
	return `${given} ${member.familyName}${credentials}`;
}

/** Staff matching the filter, sorted. */
export function listStaff(tables: DirectoryTables, filter: StaffFilter = {}): StaffMember[] {
	const rows = filter.includeInactive ? tables.staff.all() : tables.staff.where('active', true);
	const query = filter.search?.trim() ?? '';
	const found = query
		? rows.filter((member) =>
				matchesSearch(
					[
						member.givenName,
						member.familyName,
						member.preferredName,
						member.credentials,
						STAFF_ROLE_LABELS[member.role],
						member.email,
						member.phone
					],
					query
				)
			)
		: rows;
	const byName = (a: StaffMember, b: StaffMember) => compareByName(a, b);
	const byRole = (a: StaffMember, b: StaffMember) =>
		STAFF_ROLE_LABELS[a.role].localeCompare(STAFF_ROLE_LABELS[b.role]) || byName(a, b);
	return found.sort(filter.sort === 'role' ? byRole : byName);
}

export type RoomSort = 'name' | 'kind' | 'status';

export interface RoomFilter {
	search?: string;
	includeInactive?: boolean;
	sort?: RoomSort;
}

const roomCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Rooms matching the filter, sorted (names compare naturally: "Exam 2" before "Exam 10"). */
export function listRooms(tables: DirectoryTables, filter: RoomFilter = {}): Room[] {
	const rows = filter.includeInactive ? tables.rooms.all() : tables.rooms.where('active', true);
	const query = filter.search?.trim() ?? '';
	const found = query
		? rows.filter((room) =>
				matchesSearch(
					[room.name, ROOM_KIND_LABELS[room.kind], ROOM_STATUS_LABELS[room.status], room.notes],
					query
				)
			)
		: rows;
	const byName = (a: Room, b: Room) => roomCollator.compare(a.name, b.name);
	const sorters: Record<RoomSort, (a: Room, b: Room) => number> = {
		name: byName,
		kind: (a, b) =>
			ROOM_KIND_LABELS[a.kind].localeCompare(ROOM_KIND_LABELS[b.kind]) || byName(a, b),
		status: (a, b) =>
			ROOM_STATUS_LABELS[a.status].localeCompare(ROOM_STATUS_LABELS[b.status]) || byName(a, b)
	};
	return found.sort(sorters[filter.sort ?? 'name']);
}
