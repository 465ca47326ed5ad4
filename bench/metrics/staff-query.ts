/** A staff list search over 1,000 staff, as typed into the search box: what each keystroke costs. */
import { ProjectionTable } from '$lib/core/projection/projection-table';
import {
	roomsCollection,
	settingsCollection,
	staffCollection,
	type SettingsRecord
} from '$lib/directory/collections';
import { listStaff, type DirectoryTables, type StaffFilter } from '$lib/directory/queries';
import type { Room, StaffMember } from '$lib/directory/schema';
import type { Measurement } from '../measurement';
import { percentile } from '../support/stats';
import { staffMembers } from '../support/staff';

const STAFF = 1_000;
const QUERIES = 200;
const WARM_UP = 20;
// Prefixes as they are typed, whole names, roles, accents left out, numbers, misses.
const SEARCHES = [
	...['a', 'ma', 'mar', 'marc', 'patel', 'garcia', 'zoe', 'lucia', 'jen sch', 'nurse'],
	...['front desk', 'md', 'rn', '555', '555-01', 'kow', 'tanaka h', 'example', 'bil', 'xyz']
];

export function measure(): Promise<Measurement[]> {
	const tables: DirectoryTables = {
		staff: new ProjectionTable<StaffMember>(staffCollection.collection, staffCollection.indexes),
		rooms: new ProjectionTable<Room>(roomsCollection.collection, roomsCollection.indexes),
		settings: new ProjectionTable<SettingsRecord>(settingsCollection.collection)
	};
	tables.staff.upsert(staffMembers(STAFF));
	const times: number[] = [];
	for (let n = 0; n < WARM_UP + QUERIES; n++) {
		const filter: StaffFilter = {
			search: SEARCHES[n % SEARCHES.length],
			includeInactive: n % 5 === 0,
			sort: n % 4 === 0 ? 'role' : 'name'
		};
		const start = performance.now();
		listStaff(tables, filter);
		if (n >= WARM_UP) times.push(performance.now() - start);
	}
	return Promise.resolve([
		{
			metric: 'staff_query_ms',
			value: percentile(times, 95),
			unit: 'ms',
			note: `p95 of ${QUERIES} listStaff searches over ${STAFF.toLocaleString('en-US')} staff (after ${WARM_UP} warm-up queries)`
		}
	]);
}
