import { describe, expect, it } from 'vitest';
import { ProjectionTable } from '$lib/core/projection/projection-table';
import { fromToday } from './dated-records';

interface Holiday {
	id: string;
	date: string;
	label: string;
	removedAt?: string;
}

const table = new ProjectionTable<Holiday>('holidays', []);
table.upsert([
	{ id: 'a', date: '2026-12-31', label: 'New Year’s Eve' },
	{ id: 'b', date: '2026-12-25', label: 'Christmas' },
	{ id: 'c', date: '2026-11-26', label: 'Thanksgiving' },
	{ id: 'd', date: '2027-01-01', label: 'New Year', removedAt: '2026-11-01T10:00:00.000Z' },
	{ id: 'e', date: '2027-07-04', label: 'Independence Day', removedAt: '2026-11-20T10:00:00.000Z' },
	{ id: 'f', date: '2026-01-01', label: 'Past', removedAt: '2026-11-21T10:00:00.000Z' }
]);

describe('dated setup records from today', () => {
	it('lists those in force from today on, by date', () => {
		expect(fromToday(table, '2026-11-27', 'in-force').map((h) => h.id)).toEqual(['b', 'a']);
	});

	it('lists those removed from today on, the latest removal first', () => {
		expect(fromToday(table, '2026-11-27', 'removed').map((h) => h.id)).toEqual(['e', 'd']);
	});

	it('lists nothing before the setup has loaded', () => {
		expect(fromToday<Holiday>(undefined, '2026-11-27', 'in-force')).toEqual([]);
	});
});
