import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageGaps, gapText, type Requirement } from './rota-coverage-rules';
import {
	minutesByStaff,
	mondayOf,
	roleGroupOf,
	shiftMinutes,
	timeOffClash,
	timeOffOn,
	workingMinutesLessTimeOff,
	type ShiftTimes,
	type TimeOffSpan
} from './rota-rules';
import { addDays, minutesOfDay, timeOfMinutes } from './zoned-time';
import { NEW_YORK } from './test-support/schedule-office';

const shift = (over: Partial<ShiftTimes> = {}): ShiftTimes => ({
	staffId: 'ana',
	date: '2026-11-30',
	start: '08:00',
	end: '16:30',
	roleGroup: 'front-desk',
	breakMinutes: 30,
	...over
});

const off = (over: Partial<TimeOffSpan> = {}): TimeOffSpan => ({
	staffId: 'ana',
	from: '2026-12-01',
	to: '2026-12-02',
	start: '',
	end: '',
	status: 'approved',
	...over
});

describe('hours per week', () => {
	it('pays a day shift its length less the unpaid break', () => {
		expect(shiftMinutes(shift(), NEW_YORK)).toBe(8 * 60);
	});

	it.each([
		['an ordinary night', '2026-11-20', 8 * 60],
		['the spring-forward night (clocks skip an hour)', '2026-03-07', 7 * 60],
		['the fall-back night (01:00–02:00 happens twice)', '2026-10-31', 9 * 60]
	])('counts a 22:00–06:00 shift on %s as the clock runs', (_label, date, minutes) => {
		const night = shift({ date, start: '22:00', end: '06:00', breakMinutes: 0 });
		expect(shiftMinutes(night, NEW_YORK)).toBe(minutes);
	});

	it('adds a person’s shifts of the week and leaves out the next week’s', () => {
		const monday = '2026-11-30';
		const totals = minutesByStaff(
			[
				shift(),
				shift({ date: '2026-12-06' }),
				shift({ date: '2026-12-07' }),
				shift({ staffId: 'ben' })
			],
			monday,
			NEW_YORK
		);
		expect(Object.fromEntries(totals)).toEqual({ ana: 960, ben: 480 });
	});

	it('in a zone without daylight saving, always pays the wall-clock length (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 364 }),
				fc.integer({ min: 0, max: 95 }),
				fc.integer({ min: 1, max: 64 }),
				fc.integer({ min: 0, max: 60 }),
				(day, startSlot, slots, breakMinutes) => {
					const start = startSlot * 15;
					const end = (start + slots * 15) % 1440;
					const s = shift({
						date: addDays('2026-01-01', day),
						start: timeOfMinutes(start),
						end: timeOfMinutes(end),
						breakMinutes
					});
					expect(shiftMinutes(s, 'Asia/Kolkata')).toBe(Math.max(0, slots * 15 - breakMinutes));
				}
			)
		);
	});

	it('a week’s total is the sum of its shifts’ real lengths across DST weeks (property)', () => {
		const shiftArb = fc.record({
			day: fc.integer({ min: 0, max: 6 }),
			// 02:00–02:59 does not exist on the spring-forward day; no shift starts there.
			start: fc.integer({ min: 0, max: 95 }).filter((slot) => slot < 8 || slot >= 12),
			slots: fc.integer({ min: 1, max: 64 })
		});
		fc.assert(
			fc.property(
				fc.constantFrom('2026-03-02', '2026-03-09', '2026-11-02'),
				fc.array(shiftArb),
				(monday, raw) => {
					const shifts = raw.map((r) =>
						shift({
							date: addDays(monday, r.day),
							start: timeOfMinutes(r.start * 15),
							end: timeOfMinutes((r.start * 15 + r.slots * 15) % 1440),
							breakMinutes: 0
						})
					);
					const wall = raw.reduce((sum, r) => sum + r.slots * 15, 0);
					const total = minutesByStaff(shifts, monday, NEW_YORK).get('ana') ?? 0;
					// Only shifts spanning the 02:00 change differ from the wall clock, by an hour each.
					expect(Math.abs(total - wall) % 60).toBe(0);
					expect(Math.abs(total - wall)).toBeLessThanOrEqual(60 * shifts.length);
				}
			)
		);
	});
});

describe('time off', () => {
	it('blocks a shift that overlaps approved time off, not a declined or a part-day elsewhere', () => {
		const requests = [off(), off({ from: '2026-12-03', to: '2026-12-03', status: 'declined' })];
		expect(timeOffClash(requests, shift({ date: '2026-12-01' }), NEW_YORK)).toBe(requests[0]);
		expect(timeOffClash(requests, shift({ date: '2026-12-03' }), NEW_YORK)).toBeUndefined();
		// A night shift the evening before runs into the first day off.
		const night = shift({ date: '2026-11-30', start: '22:00', end: '06:00' });
		expect(timeOffClash(requests, night, NEW_YORK)).toBe(requests[0]);
		const afternoon = [off({ start: '13:00', end: '17:00' })];
		expect(
			timeOffClash(afternoon, shift({ date: '2026-12-01', end: '12:00' }), NEW_YORK)
		).toBeUndefined();
	});

	it('takes a provider’s approved time off out of their working minutes', () => {
		const rules = {
			templates: [
				{
					providerId: 'dr',
					effectiveFrom: '2026-01-01',
					hours: [{ weekday: 1, start: '08:00', end: '17:00' }],
					breaks: [],
					blocks: []
				}
			],
			changes: [],
			holidays: []
		};
		const requests = [off({ staffId: 'dr', start: '13:00', end: '17:00' })];
		expect(timeOffOn(requests, 'dr', '2026-12-01')).toEqual([{ start: 780, end: 1020 }]);
		expect(workingMinutesLessTimeOff(rules, requests, 'dr', '2026-12-01')).toEqual([
			{ start: 480, end: 780 }
		]);
		expect(timeOffOn([off({ staffId: 'dr' })], 'dr', '2026-12-02')).toEqual([
			{ start: 0, end: 1440 }
		]);
		expect(timeOffOn([off({ staffId: 'dr', status: 'requested' })], 'dr', '2026-12-02')).toEqual(
			[]
		);
	});
});

describe('coverage gaps', () => {
	const tuesdayDesk: Requirement = {
		weekday: 1,
		start: '08:00',
		end: '17:00',
		roleGroup: 'front-desk',
		minimum: 1
	};

	it('names the hour nobody is at the front desk on Tuesday', () => {
		const gaps = coverageGaps(
			[tuesdayDesk],
			[shift({ date: '2026-12-01', start: '09:00', end: '17:00' })],
			[],
			'2026-11-30',
			NEW_YORK
		);
		expect(gaps.map(gapText)).toEqual(['No front desk Tuesday 08:00–09:00']);
	});

	it('counts a night shift from the day before, ignores other groups and people on time off', () => {
		const night = shift({ staffId: 'ben', date: '2026-11-30', start: '20:00', end: '10:00' });
		const clinical = shift({
			staffId: 'cy',
			date: '2026-12-01',
			start: '08:00',
			end: '17:00',
			roleGroup: 'clinical'
		});
		const afternoon = shift({ date: '2026-12-01', start: '10:00', end: '17:00' });
		const away = [off({ from: '2026-12-01', to: '2026-12-01', start: '15:00', end: '16:00' })];
		const gaps = coverageGaps(
			[tuesdayDesk],
			[night, clinical, afternoon],
			away,
			'2026-11-30',
			NEW_YORK
		);
		expect(gaps.map(gapText)).toEqual(['No front desk Tuesday 15:00–16:00']);
	});

	it('says how many of how many when some are there', () => {
		const needTwo = { ...tuesdayDesk, minimum: 2 };
		const gaps = coverageGaps(
			[needTwo],
			[shift({ date: '2026-12-01', start: '08:00', end: '17:00' })],
			[],
			'2026-11-30',
			NEW_YORK
		);
		expect(gaps.map(gapText)).toEqual(['Only 1 of 2 front desk Tuesday 08:00–17:00']);
	});

	it('every quarter hour of a requirement is either a gap or staffed enough (property)', () => {
		const shiftArb = fc.record({
			staff: fc.constantFrom('a', 'b', 'c'),
			start: fc.integer({ min: 24, max: 80 }),
			slots: fc.integer({ min: 1, max: 40 })
		});
		fc.assert(
			fc.property(
				fc.array(shiftArb, { maxLength: 6 }),
				fc.integer({ min: 1, max: 3 }),
				(raw, minimum) => {
					const shifts = raw
						.map((r) =>
							shift({
								staffId: r.staff,
								date: '2026-12-01',
								start: timeOfMinutes(r.start * 15),
								end: timeOfMinutes(Math.min(r.start * 15 + r.slots * 15, 1425)),
								breakMinutes: 0
							})
						)
						.filter((s) => s.end > s.start);
					const requirement = { ...tuesdayDesk, minimum };
					const gaps = coverageGaps([requirement], shifts, [], '2026-11-30', NEW_YORK);
					for (let m = 8 * 60; m < 17 * 60; m += 15) {
						const staffed = new Set(
							shifts
								.filter((s) => minutesOfDay(s.start) <= m && m < minutesOfDay(s.end))
								.map((s) => s.staffId)
						).size;
						const inGap = gaps.some((g) => minutesOfDay(g.start) <= m && m < minutesOfDay(g.end));
						expect(inGap).toBe(staffed < minimum);
					}
				}
			)
		);
	});
});

describe('helpers', () => {
	it('finds the Monday of a week and a role’s default group', () => {
		expect(mondayOf('2026-12-03')).toBe('2026-11-30');
		expect(mondayOf('2026-11-30')).toBe('2026-11-30');
		expect(roleGroupOf('physician')).toBe('provider');
		expect(roleGroupOf('medical-assistant')).toBe('clinical');
		expect(roleGroupOf('office-manager')).toBe('manager');
	});
});
