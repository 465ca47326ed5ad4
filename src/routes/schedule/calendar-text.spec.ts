import { describe, expect, it } from 'vitest';
import { clockTime, describeClash, hourLabel } from './calendar-text';

const at = (time: string) => `2026-03-03T${time}:00.000Z`;
const CLASH = {
	start: at('14:00'),
	end: at('14:30'),
	provider: 'Dr Lee',
	patient: 'Ann Smith',
	room: 'Exam 2'
};

describe('calendar words', () => {
	it.each([
		['provider', 'Dr Lee already has Ann Smith 9:00–9:30'],
		['room', 'Exam 2 is already booked for Ann Smith 9:00–9:30'],
		['patient', 'Ann Smith already has a visit with Dr Lee 9:00–9:30']
	] as const)('says a %s clash in a sentence', (kind, sentence) => {
		expect(describeClash({ ...CLASH, kind }, 'America/New_York')).toBe(sentence);
	});

	it('dates a clash of a series visit', () => {
		expect(describeClash({ ...CLASH, kind: 'provider', date: 'Tue, Mar 3' }, 'UTC')).toBe(
			'Tue, Mar 3: Dr Lee already has Ann Smith 2:00–2:30'
		);
	});

	it('writes times on the 12-hour clock', () => {
		expect([clockTime(0), clockTime(9 * 60 + 5), clockTime(13 * 60 + 30)]).toEqual([
			'12:00',
			'9:05',
			'1:30'
		]);
		expect([hourLabel(0), hourLabel(12 * 60), hourLabel(17 * 60)]).toEqual([
			'12 AM',
			'12 PM',
			'5 PM'
		]);
	});
});
