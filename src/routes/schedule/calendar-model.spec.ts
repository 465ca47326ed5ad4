import { describe, expect, it } from 'vitest';
import type { ScheduledAppointment } from '$lib/schedule/queries';
import { wallTimeToInstant } from '$lib/schedule/zoned-time';
import { cellShades, clashesOf, gridItems, type Names } from './calendar-model';

const ZONE = 'America/Chicago';
const LEE = '01JDRLEE000000000000000000';
const ANN = '01JANN00000000000000000000';
const names: Names = {
	provider: (id) => (id === LEE ? 'Dr Lee' : 'Dr Other'),
	patient: (id) => (id === ANN ? 'Ann Smith' : 'Bob Jones'),
	room: () => 'Exam 2'
};

function visit(
	id: string,
	from: string,
	to: string,
	extra: Partial<ScheduledAppointment> = {}
): ScheduledAppointment {
	const at = (time: string) => wallTimeToInstant({ date: '2026-03-03', time }, ZONE);
	return {
		id,
		patientId: ANN,
		providerId: LEE,
		typeId: 'type',
		roomId: '',
		start: at(from),
		end: at(to),
		note: '',
		seriesId: '',
		occurrenceDate: '',
		detached: false,
		voided: false,
		flow: { status: 'scheduled', stamps: {} },
		bookedBy: 'me',
		bookedAt: at(from),
		updatedAt: at(from),
		home: '2026-03',
		...extra
	};
}

describe('the calendar model', () => {
	it('says each clash of a new booking with the one already there', () => {
		const candidate = {
			id: 'new',
			start: wallTimeToInstant({ date: '2026-03-03', time: '09:10' }, ZONE),
			end: wallTimeToInstant({ date: '2026-03-03', time: '09:30' }, ZONE),
			providerId: LEE,
			patientId: 'someone-else',
			holdsTime: true
		};
		const clashes = clashesOf(candidate, [visit('a', '09:00', '09:20')], names, ZONE);
		expect(clashes).toEqual([
			{ otherId: 'a', date: undefined, text: 'Dr Lee already has Ann Smith 9:00–9:20' }
		]);
	});

	it('marks a cancelled visit as ended but keeps it on the grid', () => {
		const cancelled = visit('a', '09:00', '09:20', {
			flow: { status: 'cancelled', stamps: {}, reason: 'Sick' }
		});
		const [item] = gridItems(
			[cancelled],
			[{ id: LEE, by: 'provider' }],
			['2026-03-03'],
			ZONE,
			{ start: 420, end: 1140 },
			new Map(),
			names
		);
		expect(item.info).toMatchObject({
			patient: 'Ann Smith',
			status: 'Cancelled',
			ended: true,
			fixed: true
		});
		expect(item).toMatchObject({ top: 120, height: 20 });
	});

	it('shades working time per provider and a holiday across the day; rooms have no hours', () => {
		const rules = {
			templates: [
				{
					providerId: LEE,
					effectiveFrom: '2026-01-01',
					hours: [{ weekday: 1, start: '08:00', end: '17:00' }],
					breaks: [],
					blocks: [{ weekday: 1, start: '12:00', end: '13:00', label: 'Admin' }]
				}
			],
			changes: [],
			holidays: [{ date: '2026-03-04', label: 'Staff day' }]
		};
		const [tuesday, wednesday] = cellShades(
			rules,
			['2026-03-03', '2026-03-04'],
			[{ id: LEE, by: 'provider' }]
		);
		expect(tuesday).toEqual({
			working: [
				{ start: 480, end: 720 },
				{ start: 780, end: 1020 }
			],
			blocks: [{ start: 720, end: 780, label: 'Admin' }],
			holiday: '',
			away: []
		});
		expect(wednesday).toMatchObject({ working: [], holiday: 'Staff day' });
		expect(cellShades(rules, ['2026-03-03'], [{ id: 'room', by: 'room' }])[0].working).toBeNull();
	});
});
