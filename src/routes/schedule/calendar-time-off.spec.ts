import { describe, expect, it } from 'vitest';
import type { AvailabilityRules } from '$lib/schedule/availability-rules';
import { wallTimeToInstant } from '$lib/schedule/zoned-time';
import { cellShades } from './calendar-model';
import { acceptedIds, timeOffClashes } from './calendar-time-off';

const ZONE = 'America/Chicago';
const LEE = '01JDRLEE000000000000000000';
const KIM = '01JDRKIM000000000000000000';
const names = { provider: (id: string) => (id === LEE ? 'Mei Lee' : 'Jin Kim') };
const TUESDAY = '2026-03-03';

const rules: AvailabilityRules = {
	templates: [LEE, KIM].map((providerId) => ({
		providerId,
		effectiveFrom: '2026-01-01',
		hours: [1, 2].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
		breaks: [],
		blocks: []
	})),
	changes: [],
	holidays: []
};

const away = (status: string, from = TUESDAY, to = from, start = '', end = '') => ({
	staffId: LEE,
	from,
	to,
	start,
	end,
	status
});
const at = (time: string, date = TUESDAY) => wallTimeToInstant({ date, time }, ZONE);
const booking = (from: string, to: string, providerId = LEE) => ({
	providerId,
	start: at(from),
	end: at(to)
});

describe('approved time off on the calendar', () => {
	it('takes a whole day off the provider’s bookable time and marks it, leaving others be', () => {
		const [lee, kim] = cellShades(
			rules,
			[TUESDAY],
			[
				{ id: LEE, by: 'provider' },
				{ id: KIM, by: 'provider' }
			],
			[away('approved')]
		);
		expect(lee).toMatchObject({ working: [], away: [{ start: 0, end: 1440 }] });
		expect(kim).toMatchObject({ working: [{ start: 480, end: 1020 }], away: [] });
	});

	it('takes only the afternoon off for part-day time off, and ignores a request still waiting', () => {
		const shade = (request: ReturnType<typeof away>) =>
			cellShades(rules, [TUESDAY], [{ id: LEE, by: 'provider' }], [request])[0];
		expect(shade(away('approved', TUESDAY, TUESDAY, '13:00', '17:00'))).toMatchObject({
			working: [{ start: 480, end: 780 }],
			away: [{ start: 780, end: 1020 }]
		});
		expect(shade(away('requested'))).toMatchObject({
			working: [{ start: 480, end: 1020 }],
			away: []
		});
	});

	it('warns in words when a booking falls in approved time off', () => {
		const afternoon = [away('approved', TUESDAY, TUESDAY, '13:00', '17:00')];
		expect(timeOffClashes(booking('13:30', '14:00'), afternoon, names, ZONE)).toEqual([
			{ otherId: '', date: undefined, text: 'Mei Lee is on approved time off 1:00–5:00' }
		]);
		expect(timeOffClashes(booking('12:00', '13:00'), afternoon, names, ZONE)).toEqual([]);
		expect(timeOffClashes(booking('13:30', '14:00', KIM), afternoon, names, ZONE)).toEqual([]);
		expect(timeOffClashes(booking('09:00', '09:20'), [away('declined')], names, ZONE)).toEqual([]);
	});

	it('names the day of a series’ visit that falls in a week away', () => {
		const week = [away('approved', '2026-03-02', '2026-03-06')];
		const [clash] = timeOffClashes(booking('09:00', '09:20'), week, names, ZONE, TUESDAY);
		expect(clash.text).toMatch(/^Mei Lee is on approved time off on Tue/);
		expect(clash.date).toBe(TUESDAY);
	});

	it('passes on only the ids of real appointments when booked anyway', () => {
		const other = '01JOTHER000000000000000000';
		expect(
			acceptedIds([
				{ otherId: '', text: 'time off' },
				{ otherId: other, text: 'x' }
			])
		).toEqual([other]);
	});
});
