import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toIcs, type IcsCalendar } from './ics';

const calendar: IcsCalendar = {
	name: 'Dr. Okafor, Maple Grove',
	timeZone: 'America/New_York',
	now: '2026-11-27T15:04:05.000Z',
	events: [
		{
			uid: '01JD0000000000000000000001@practice-office',
			start: '2026-11-30T14:00:00.000Z',
			end: '2026-11-30T14:30:00.000Z',
			summary: 'Follow-up; 30 min, room 2',
			location: 'Exam 2',
			updatedAt: '2026-11-20T10:00:00.000Z'
		},
		{
			uid: '01JD0000000000000000000002@practice-office',
			start: '2026-02-24T14:00:00.000Z',
			end: '2026-02-24T14:45:00.000Z',
			summary: 'Weekly therapy',
			rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=12',
			exdates: ['2026-03-10T13:00:00.000Z']
		}
	]
};

/** Unfolds lines (RFC 5545 §3.1) into name/params/value triples. */
function contentLines(text: string): string[] {
	return text
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
}

describe('iCalendar export', () => {
	const text = toIcs(calendar);
	const lines = contentLines(text);

	it('uses CRLF line ends and keeps every physical line within 75 octets', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const physical of text.split('\r\n')) {
			expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
		}
	});

	it('nests every component properly and carries the required properties', () => {
		const open: string[] = [];
		for (const line of lines) {
			if (line.startsWith('BEGIN:')) open.push(line.slice(6));
			if (line.startsWith('END:')) expect(open.pop()).toBe(line.slice(4));
		}
		expect(open).toEqual([]);
		expect(lines).toContain('VERSION:2.0');
		expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines.filter((l) => l.startsWith('UID:'))).toHaveLength(2);
		expect(lines.filter((l) => l === 'DTSTAMP:20261127T150405Z')).toHaveLength(2);
	});

	it('writes local times with the zone and describes the zone’s 2026 changes', () => {
		expect(lines).toContain('DTSTART;TZID=America/New_York:20261130T090000');
		expect(lines).toContain('DTEND;TZID=America/New_York:20261130T093000');
		const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
		const spring = zone.indexOf('DTSTART:20260308T020000');
		expect(zone.slice(spring - 1, spring + 3)).toEqual([
			'BEGIN:DAYLIGHT',
			'DTSTART:20260308T020000',
			'TZOFFSETFROM:-0500',
			'TZOFFSETTO:-0400'
		]);
		const fall = zone.indexOf('DTSTART:20261101T020000');
		expect(zone.slice(fall - 1, fall + 3)).toEqual([
			'BEGIN:STANDARD',
			'DTSTART:20261101T020000',
			'TZOFFSETFROM:-0400',
			'TZOFFSETTO:-0500'
		]);
	});

	it('writes a series with its rule and the local start of a removed occurrence', () => {
		expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=12');
		expect(lines).toContain('EXDATE;TZID=America/New_York:20260310T090000');
	});

	it('escapes text values', () => {
		expect(lines).toContain('SUMMARY:Follow-up\\; 30 min\\, room 2');
		expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
	});

	it('describes a zone without daylight saving by its one offset', () => {
		const kolkata = contentLines(toIcs({ ...calendar, timeZone: 'Asia/Kolkata' }));
		expect(kolkata).toContain('TZOFFSETTO:+0530');
		expect(kolkata.filter((l) => l === 'BEGIN:STANDARD')).toHaveLength(1);
	});
});

describe('line folding', () => {
	it('unfolds to the original line and never splits a character', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (value) => {
				const line = `DESCRIPTION:${value}`;
				const folded = foldLine(line);
				expect(folded.replace(/\r\n /g, '')).toBe(line);
				for (const physical of folded.split('\r\n')) {
					expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
				}
			})
		);
	});
});
