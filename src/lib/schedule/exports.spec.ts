import { describe, expect, it } from 'vitest';
import { readPdf } from '$lib/pdf/test-support/read-pdf';
import { daySheetPdf, type DaySheetVisit } from './day-sheet';
import { initials, providerIcs } from './ics-export';
import { rotaPdf } from './rota-pdf';
import { NEW_YORK } from './test-support/schedule-office';

const visit = (n: number, over: Partial<DaySheetVisit> = {}): DaySheetVisit => ({
	start: new Date(Date.parse('2026-11-30T13:00:00Z') + n * 20 * 60_000).toISOString(),
	end: new Date(Date.parse('2026-11-30T13:20:00Z') + n * 20 * 60_000).toISOString(),
	patientName: `Patient ${n}, Test`,
	dateOfBirth: '1970-05-20',
	phone: '(217) 555-0100',
	typeName: 'Follow-up',
	roomName: 'Exam 1',
	note: '',
	status: '',
	...over
});

const sheet = (visits: DaySheetVisit[]) => ({
	officeName: 'Maple Grove',
	providerName: 'Dr Amara Okafor',
	date: '2026-11-30',
	dateLabel: 'Monday 30 November 2026',
	timeZone: NEW_YORK,
	visits,
	printedAt: '2026-11-30T12:05:00Z'
});

describe('the day sheet', () => {
	it('lists each visit with time, patient, DOB and phone, stamped as a downtime copy', () => {
		const pdf = readPdf(
			daySheetPdf(sheet([visit(0, { patientName: 'García, María', note: 'Bring insulin log' })]))
		);
		const text = pdf.pageTexts.flat();
		expect(pdf.pageCount).toBe(1);
		expect(text).toContain('Dr Amara Okafor — Monday 30 November 2026');
		expect(text).toContain('Printed 2026-11-30 07:05 — downtime copy');
		expect(text).toEqual(expect.arrayContaining(['08:00–08:20', 'García, María', '1970-05-20']));
		expect(text).toContain('Bring insulin log');
		expect(text).toContain('Walk-ins');
	});

	it('runs onto more pages for a long day and repeats the heading', () => {
		const pdf = readPdf(daySheetPdf(sheet(Array.from({ length: 70 }, (_, n) => visit(n)))));
		expect(pdf.pageCount).toBeGreaterThan(1);
		for (const texts of pdf.pageTexts)
			expect(texts[2]).toBe('Printed 2026-11-30 07:05 — downtime copy');
		expect(pdf.pageTexts.flat().filter((t) => t.startsWith('Patient '))).toHaveLength(70);
	});
});

describe('the rota PDF', () => {
	it('shows each person’s shifts, hours and the gaps', () => {
		const dates = [
			'2026-11-30',
			'2026-12-01',
			'2026-12-02',
			'2026-12-03',
			'2026-12-04',
			'2026-12-05',
			'2026-12-06'
		];
		const pdf = readPdf(
			rotaPdf({
				officeName: 'Maple Grove',
				title: 'Week of 30 November 2026',
				dates,
				staff: [{ id: 'a', name: 'Ana Ruiz', group: 'Front desk' }],
				shifts: [
					{ staffId: 'a', date: '2026-12-01', start: '08:00', end: '16:30', label: 'Desk early' }
				],
				minutes: new Map([['a', 480]]),
				gaps: ['No front desk Tuesday 16:30–17:00'],
				printedLabel: 'Printed 2026-11-30 09:00'
			})
		);
		const text = pdf.pageTexts.flat();
		expect(text).toEqual(
			expect.arrayContaining(['Ana Ruiz', '08:00–16:30', '8', 'No front desk Tuesday 16:30–17:00'])
		);
	});
});

describe('the provider’s .ics', () => {
	it('has one event per appointment with the type and initials only, cancelled ones marked', () => {
		const ics = providerIcs(
			'Dr Amara Okafor',
			NEW_YORK,
			[
				{
					id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
					start: '2026-11-30T14:00:00.000Z',
					end: '2026-11-30T14:20:00.000Z',
					typeName: 'Follow-up',
					patientInitials: initials('María', 'García'),
					roomName: 'Exam 1',
					status: 'scheduled',
					updatedAt: '2026-11-20T10:00:00.000Z'
				},
				{
					id: '01JABCDEFGHJKMNPQRSTVWXYZ1',
					start: '2026-12-01T14:00:00.000Z',
					end: '2026-12-01T14:40:00.000Z',
					typeName: 'Annual physical',
					patientInitials: 'J.D.',
					roomName: '',
					status: 'cancelled',
					updatedAt: '2026-11-21T10:00:00.000Z'
				}
			],
			'2026-11-25T12:00:00.000Z'
		);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(ics).toContain('SUMMARY:Follow-up – M.G.\r\n');
		expect(ics).toContain('DTSTART;TZID=America/New_York:20261130T090000\r\n');
		expect(ics).toContain('UID:01JABCDEFGHJKMNPQRSTVWXYZ1@practice-office\r\nDTSTAMP');
		expect(ics).toMatch(/Annual physical – J\.D\.[\s\S]*STATUS:CANCELLED/);
		expect(ics).not.toContain('García');
	});
});
