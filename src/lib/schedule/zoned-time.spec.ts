import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	instantToWallTime,
	isTimeZone,
	offsetMinutes,
	wallTimeToInstant,
	weekdayOf
} from './zoned-time';

const NEW_YORK = 'America/New_York';

describe('wall time to instant', () => {
	it.each([
		['an ordinary winter morning', '2026-01-13', '09:00', '2026-01-13T14:00:00.000Z'],
		['an ordinary summer morning', '2026-07-14', '09:00', '2026-07-14T13:00:00.000Z'],
		['the morning after clocks spring forward', '2026-03-08', '09:00', '2026-03-08T13:00:00.000Z'],
		['the morning after clocks fall back', '2026-11-01', '09:00', '2026-11-01T14:00:00.000Z'],
		[
			'a time in the spring-forward gap, moved past it',
			'2026-03-08',
			'02:30',
			'2026-03-08T07:30:00.000Z'
		],
		['a time that happens twice, the first one', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z']
	])('reads %s in New York', (_case, date, time, instant) => {
		expect(wallTimeToInstant({ date, time }, NEW_YORK)).toBe(instant);
	});

	it.each([
		['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
		['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00.000Z'],
		['Asia/Kolkata', '2026-06-01', '10:00', '2026-06-01T04:30:00.000Z'],
		['UTC', '2026-06-01', '10:00', '2026-06-01T10:00:00.000Z']
	])('handles %s', (zone, date, time, instant) => {
		expect(wallTimeToInstant({ date, time }, zone)).toBe(instant);
	});

	it('round-trips every half hour across a year in New York, except the skipped hour', () => {
		let date = '2026-01-01';
		for (let day = 0; day < 365; day++) {
			for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
				const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
				const back = instantToWallTime(wallTimeToInstant({ date, time }, NEW_YORK), NEW_YORK);
				const skipped = date === '2026-03-08' && time >= '02:00' && time < '03:00';
				if (!skipped) expect(back).toEqual({ date, time });
			}
			date = addDays(date, 1);
		}
	});
});

describe('calendar helpers', () => {
	it('knows the offset on each side of a change', () => {
		expect(offsetMinutes(Date.parse('2026-03-08T06:59:00Z'), NEW_YORK)).toBe(-300);
		expect(offsetMinutes(Date.parse('2026-03-08T07:00:00Z'), NEW_YORK)).toBe(-240);
	});

	it('counts days and weekdays across month and year ends', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(daysBetween('2026-11-27', '2027-01-01')).toBe(35);
		expect(weekdayOf('2026-11-30')).toBe(0); // a Monday
		expect(weekdayOf('2026-11-29')).toBe(6); // a Sunday
	});

	it('tells a real zone from a made-up one', () => {
		expect(isTimeZone(NEW_YORK)).toBe(true);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
	});
});
