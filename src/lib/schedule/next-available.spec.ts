import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workingMinutes, type AvailabilityRules } from './availability-rules';
import { covers } from './intervals';
import { nextAvailable, type BusyBooking, type SlotSearch } from './next-available';
import { PARTS_OF_DAY, startMatches } from './slot-preference-rules';
import { NEW_YORK } from './test-support/schedule-office';
import { instantToWallTime, minutesOfDay, timeOfMinutes, wallTimeToInstant } from './zoned-time';

const weekdays = (start: string, end: string) =>
	[0, 1, 2, 3, 4].map((weekday) => ({ weekday, start, end }));
const template = (providerId: string) => ({
	providerId,
	effectiveFrom: '2026-01-01',
	hours: weekdays('09:00', '12:00'),
	breaks: [],
	blocks: [{ weekday: 0, start: '09:00', end: '10:00', label: 'Admin' }]
});
const rules: AvailabilityRules = {
	templates: [template('dr-a'), template('dr-b')],
	changes: [{ providerId: 'dr-a', date: '2026-12-02', hours: [], reason: 'Course' }],
	holidays: [{ date: '2026-12-01', label: 'Office closed' }]
};
const at = (date: string, time: string) => wallTimeToInstant({ date, time }, NEW_YORK);
const booking = (date: string, from: string, to: string, extra: Partial<BusyBooking> = {}) => ({
	start: at(date, from),
	end: at(date, to),
	providerId: 'dr-a',
	holdsTime: true,
	...extra
});
const search = (change: Partial<SlotSearch> = {}): SlotSearch => ({
	from: at('2026-11-30', '08:00'),
	minutes: 30,
	roomNeed: null,
	providerIds: ['dr-a'],
	rooms: [],
	rules,
	appointments: [],
	timeZone: NEW_YORK,
	...change
});
const local = (instant: string) => instantToWallTime(instant, NEW_YORK);
const times = (slots: { start: string }[]) =>
	slots.map((s) => `${local(s.start).date} ${local(s.start).time}`);

describe('next available', () => {
	it('starts after the Monday admin block, on the quarter hour, around a booking', () => {
		const slots = nextAvailable(
			search({ appointments: [booking('2026-11-30', '10:15', '10:45')], count: 4 })
		);
		expect(times(slots)).toEqual([
			'2026-11-30 10:45',
			'2026-11-30 11:00',
			'2026-11-30 11:15',
			'2026-11-30 11:30'
		]);
	});

	it('keeps approved time off unbookable, and a request still waiting bookable', () => {
		const away = (status: string, start = '', end = '') => ({
			staffId: 'dr-a',
			from: '2026-11-30',
			to: '2026-11-30',
			start,
			end,
			status
		});
		const first = (timeOff: ReturnType<typeof away>[]) =>
			times(nextAvailable(search({ timeOff, count: 1 })));
		expect(first([away('requested')])).toEqual(['2026-11-30 10:00']);
		expect(first([away('approved', '09:30', '11:00')])).toEqual(['2026-11-30 11:00']);
		// The whole Monday off; Tuesday is a holiday and Wednesday a day off for dr-a.
		expect(first([away('approved')])).toEqual(['2026-12-03 09:00']);
	});

	it('skips the holiday and the day off, and finds the next working day', () => {
		const slots = nextAvailable(search({ from: at('2026-11-30', '11:45'), count: 1 }));
		expect(times(slots)).toEqual(['2026-12-03 09:00']);
	});

	it('ignores cancelled visits and offers any provider in time order', () => {
		const appointments = [
			booking('2026-11-30', '10:00', '12:00'),
			booking('2026-11-30', '10:00', '10:30', { providerId: 'dr-b', holdsTime: false })
		];
		const slots = nextAvailable(search({ providerIds: ['dr-a', 'dr-b'], appointments, count: 2 }));
		expect(slots.map((s) => [s.providerId, local(s.start).time])).toEqual([
			['dr-b', '10:00'],
			['dr-b', '10:15']
		]);
	});

	it('needs a free room of the kind the type needs, and keeps the patient from a clash', () => {
		const rooms = [
			{ id: 'lab-1', kind: 'lab' },
			{ id: 'exam-1', kind: 'exam' }
		];
		const appointments = [
			booking('2026-11-30', '10:00', '10:30', { providerId: 'dr-b', roomId: 'exam-1' }),
			booking('2026-11-30', '10:30', '11:00', { providerId: 'dr-b', patientId: 'pat-1' })
		];
		const slots = nextAvailable(
			search({ roomNeed: 'exam', rooms, appointments, patientId: 'pat-1', count: 2 })
		);
		expect(slots.map((s) => [local(s.start).time, s.roomId])).toEqual([
			['11:00', 'exam-1'],
			['11:15', 'exam-1']
		]);
		expect(nextAvailable(search({ roomNeed: 'procedure', rooms }))).toEqual([]);
	});

	it('keeps its hours in local time across the end of daylight saving', () => {
		// 2026-11-01 is a Sunday; the Monday after, 09:00 New York is 14:00 UTC, not 13:00.
		const slots = nextAvailable(
			search({ from: '2026-10-30T12:00:00Z', count: 1, rules: { ...rules, holidays: [] } })
		);
		expect(slots[0].start).toBe('2026-10-30T13:00:00.000Z');
		const after = nextAvailable(
			search({ from: '2026-10-31T00:00:00Z', minutes: 60, count: 1, rules: { ...rules } })
		);
		expect(after[0].start).toBe('2026-11-02T15:00:00.000Z');
	});

	it('offers only the preferred weekdays and parts of the day', () => {
		const allDay = {
			...rules,
			templates: [{ ...template('dr-a'), hours: weekdays('08:00', '19:00') }]
		};
		const first = (preferences: SlotSearch['preferences']) =>
			times(nextAvailable(search({ rules: allDay, preferences, count: 2 })));
		// Tuesday 1 December is a holiday and Wednesday a day off: Thursday is the first Tuesday/Thursday.
		expect(first({ preferredDays: [1, 3], preferredTimes: ['morning'] })).toEqual([
			'2026-12-03 08:00',
			'2026-12-03 08:15'
		]);
		expect(first({ preferredTimes: ['afternoon'] })).toEqual([
			'2026-11-30 12:00',
			'2026-11-30 12:15'
		]);
		expect(first({ preferredTimes: ['evening'] })).toEqual([
			'2026-11-30 17:00',
			'2026-11-30 17:15'
		]);
		expect(first({ preferredDays: [], preferredTimes: [] })).toEqual([
			'2026-11-30 08:00',
			'2026-11-30 08:15'
		]);
	});

	it('reads preferences in local time on the day daylight saving ends', () => {
		// Sunday 1 November: 11:00–11:45 New York is 16:00–16:45 UTC (12:00–12:45 the day before).
		const sunday = {
			...rules,
			templates: [{ ...template('dr-a'), hours: [{ weekday: 6, start: '11:00', end: '13:00' }] }]
		};
		const slots = nextAvailable(
			search({
				from: '2026-10-31T12:00:00Z',
				rules: sunday,
				preferences: { preferredDays: [6], preferredTimes: ['morning'] }
			})
		);
		expect(slots.map((s) => s.start)).toEqual([
			'2026-11-01T16:00:00.000Z',
			'2026-11-01T16:15:00.000Z',
			'2026-11-01T16:30:00.000Z',
			'2026-11-01T16:45:00.000Z',
			// 12:00 is afternoon; the next Sunday morning, in winter time.
			'2026-11-08T16:00:00.000Z'
		]);
	});

	it('finds nothing when no working time suits the preferences', () => {
		expect(nextAvailable(search({ preferences: { preferredTimes: ['evening'] } }))).toEqual([]);
		expect(nextAvailable(search({ preferences: { preferredDays: [5, 6] } }))).toEqual([]);
	});

	it('gives up after the days it was asked to search', () => {
		const closed = { ...rules, templates: [] };
		expect(nextAvailable(search({ rules: closed, days: 30 }))).toEqual([]);
	});
});

describe('next available, for any bookings', () => {
	const dates = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'];
	const bookings = fc.array(
		fc
			.record({
				date: fc.constantFrom(...dates),
				quarter: fc.integer({ min: 8 * 4, max: 13 * 4 }),
				quarters: fc.integer({ min: 1, max: 8 }),
				providerId: fc.constantFrom('dr-a', 'dr-b'),
				holdsTime: fc.boolean()
			})
			.map(({ date, quarter, quarters, providerId, holdsTime }) => {
				const start = wallTimeToInstant({ date, time: timeOfMinutes(quarter * 15) }, NEW_YORK);
				const end = new Date(Date.parse(start) + quarters * 15 * 60_000).toISOString();
				return { start, end, providerId, holdsTime };
			}),
		{ maxLength: 25 }
	);

	it('never offers a slot over a booking or outside working time', () => {
		fc.assert(
			fc.property(bookings, fc.integer({ min: 1, max: 8 }), (appointments, quarters) => {
				const minutes = quarters * 15;
				const slots = nextAvailable(
					search({ providerIds: ['dr-a', 'dr-b'], appointments, minutes, count: 20 })
				);
				for (const slot of slots) {
					const start = local(slot.start);
					const from = minutesOfDay(start.time);
					expect(
						covers(workingMinutes(rules, slot.providerId, start.date), from, from + minutes)
					).toBe(true);
					const clash = appointments.find(
						(b) =>
							b.holdsTime &&
							b.providerId === slot.providerId &&
							b.start < slot.end &&
							slot.start < b.end
					);
					expect(clash).toBeUndefined();
				}
				for (let i = 1; i < slots.length; i++)
					expect(slots[i].start >= slots[i - 1].start).toBe(true);
			})
		);
	});

	const preferences = fc.record({
		preferredDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
		preferredTimes: fc.uniqueArray(fc.constantFrom(...PARTS_OF_DAY), { maxLength: 3 })
	});
	const longDays = {
		...rules,
		templates: [
			{ ...template('dr-a'), hours: weekdays('07:00', '20:00') },
			{ ...template('dr-b'), hours: weekdays('10:00', '18:00') }
		]
	};

	it('offers the first slots that suit the preferences, and only those', () => {
		fc.assert(
			fc.property(bookings, preferences, (appointments, preferred) => {
				const base = search({ providerIds: ['dr-a', 'dr-b'], rules: longDays, appointments });
				const everything = nextAvailable({ ...base, days: 14, count: 10_000 });
				const suited = nextAvailable({ ...base, days: 14, count: 8, preferences: preferred });
				expect(suited).toEqual(
					everything.filter((s) => startMatches(s.start, NEW_YORK, preferred)).slice(0, 8)
				);
			})
		);
	});
});
