import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	blocksOn,
	freeSlots,
	templateOn,
	workingMinutes,
	type AvailabilityRules,
	type AvailabilityTemplate
} from './availability-rules';
import { covers, subtract, totalLength, type Interval } from './intervals';

const weekdays = (start: string, end: string) =>
	[0, 1, 2, 3, 4].map((weekday) => ({ weekday, start, end }));

const template: AvailabilityTemplate = {
	providerId: 'dr-a',
	effectiveFrom: '2026-01-01',
	hours: weekdays('08:00', '17:00'),
	breaks: weekdays('12:00', '13:00'),
	blocks: [{ weekday: 2, start: '15:00', end: '17:00', label: 'Hospital rounds' }]
};
const rules: AvailabilityRules = { templates: [template], changes: [], holidays: [] };
const h = (time: number) => time * 60;

describe('working time', () => {
	it('is the hours less the lunch break on an ordinary Monday', () => {
		expect(workingMinutes(rules, 'dr-a', '2026-11-30')).toEqual([
			{ start: h(8), end: h(12) },
			{ start: h(13), end: h(17) }
		]);
	});

	it('leaves out standing blocks and lists them for the calendar', () => {
		expect(workingMinutes(rules, 'dr-a', '2026-12-02').at(-1)).toEqual({
			start: h(13),
			end: h(15)
		});
		expect(blocksOn(rules, 'dr-a', '2026-12-02').map((b) => b.label)).toEqual(['Hospital rounds']);
	});

	it('is nothing on weekends, holidays, or for a provider without a template', () => {
		expect(workingMinutes(rules, 'dr-a', '2026-11-28')).toEqual([]);
		const holiday = { ...rules, holidays: [{ date: '2026-12-25', label: 'Christmas' }] };
		expect(workingMinutes(holiday, 'dr-a', '2026-12-25')).toEqual([]);
		expect(workingMinutes(rules, 'dr-b', '2026-11-30')).toEqual([]);
	});

	it('follows a one-off change of a single day', () => {
		const late = {
			...rules,
			changes: [
				{
					providerId: 'dr-a',
					date: '2026-11-30',
					hours: [{ start: '10:00', end: '14:00' }],
					reason: 'Dentist'
				}
			]
		};
		expect(workingMinutes(late, 'dr-a', '2026-11-30')).toEqual([
			{ start: h(10), end: h(12) },
			{ start: h(13), end: h(14) }
		]);
		expect(workingMinutes(late, 'dr-a', '2026-12-01')).toHaveLength(2);
	});

	it('uses the newest template in force on the date', () => {
		const fridaysOff = {
			...template,
			effectiveFrom: '2027-01-01',
			hours: weekdays('08:00', '17:00').slice(0, 4)
		};
		expect(templateOn([template, fridaysOff], 'dr-a', '2026-12-31')).toBe(template);
		expect(templateOn([template, fridaysOff], 'dr-a', '2027-01-01')).toBe(fridaysOff);
	});
});

describe('free slots', () => {
	it('offers 30-minute slots on the quarter hour around a booking', () => {
		const working = [{ start: h(8), end: h(10) }];
		const busy = [{ start: h(8) + 30, end: h(9) }];
		expect(freeSlots(working, busy, 30)).toEqual([h(8), h(9), h(9) + 15, h(9) + 30]);
	});

	const intervals = fc.array(
		fc
			.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 5, max: 240 }))
			.map(([start, length]) => ({ start, end: start + length })),
		{ maxLength: 8 }
	);

	it('never offers a slot outside working time or over a booking', () => {
		fc.assert(
			fc.property(
				intervals,
				intervals,
				fc.integer({ min: 5, max: 120 }),
				(working, busy, length) => {
					for (const start of freeSlots(working, busy, length)) {
						expect(covers(subtract(working, []), start, start + length)).toBe(true);
						expect(busy.some((b: Interval) => b.start < start + length && start < b.end)).toBe(
							false
						);
					}
				}
			)
		);
	});

	it('takes away exactly the busy time that overlapped working time', () => {
		fc.assert(
			fc.property(intervals, intervals, (working, busy) => {
				const left = subtract(working, busy);
				const overlap = subtract(working, subtract(working, busy));
				expect(totalLength(left) + totalLength(overlap)).toBe(totalLength(working));
			})
		);
	});
});
