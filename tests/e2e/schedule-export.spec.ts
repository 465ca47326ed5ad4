import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { openDemoOffice } from './pages';
import { CalendarPage } from './pages/schedule-calendar';

/** The demo's next working day in its zone (the demo books weekdays around today). */
function nextWeekday(): string {
	const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
	const date = new Date(`${today}T12:00:00Z`);
	while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

async function downloaded(page: Page, button: string): Promise<{ file: Download; bytes: Buffer }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const path = await file.path();
	return { file, bytes: await readFile(path) };
}

const WIN_ANSI_PUNCTUATION: Record<number, string> = { 0x85: '…', 0x92: '’', 0x96: '–', 0x97: '—' };
const fromWinAnsi = (code: number) => WIN_ANSI_PUNCTUATION[code] ?? String.fromCharCode(code);

/** The strings drawn on a PDF page (uncompressed; WinAnsi, which is Latin-1 for letters). */
function pdfStrings(pdf: string): string[] {
	return [...pdf.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) =>
		m[1]
			.replace(/\\([0-7]{3})/g, (_, octal: string) => fromWinAnsi(parseInt(octal, 8)))
			.replace(/\\(.)/g, '$1')
	);
}

test('the day sheet downloads as a PDF with the day’s patients, the calendar as an .ics', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openDemoOffice(page);
	const calendar = new CalendarPage(page);
	await calendar.goto();
	await calendar.tab('Print & export');
	await expect(page.getByRole('heading', { name: 'Print and export' })).toBeVisible();

	// The day sheet of the first provider for the next working day
	const date = nextWeekday();
	await page.getByLabel('Date', { exact: true }).fill(date);
	const sheet = await downloaded(page, 'Download day sheet');
	expect(sheet.file.suggestedFilename()).toMatch(new RegExp(`^day-sheet-${date}-.+\\.pdf$`));
	const pdf = sheet.bytes.toString('latin1');
	expect(pdf.startsWith('%PDF-')).toBe(true);
	const strings = pdfStrings(pdf);
	expect(strings).toContain('Walk-ins');
	expect(strings.some((s) => s.endsWith('downtime copy'))).toBe(true);
	// Rows follow the column titles: time, then the patient's name ("Family, Given")
	const firstRow = strings.indexOf('Note') + 1;
	const [time, patient] = strings.slice(firstRow, firstRow + 2);
	expect(time).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
	expect(patient).toMatch(/^[^,]+, .+$/);

	// The same provider's calendar holds that visit, named by type and initials only
	await page.getByLabel('From', { exact: true }).fill(date);
	await page.getByLabel('To', { exact: true }).fill(date);
	const { file: icsFile, bytes } = await downloaded(page, 'Download calendar');
	const ics = bytes.toString('utf8');
	expect(icsFile.suggestedFilename()).toMatch(/\.ics$/);
	expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	const start = `${date.replace(/-/g, '')}T${time.slice(0, 5).replace(':', '')}00`;
	expect(ics).toContain(`DTSTART;TZID=America/Chicago:${start}`);
	const [family, given] = patient.split(', ');
	const initials = `${given[0].toUpperCase()}.${family[0].toUpperCase()}.`;
	expect(ics).toMatch(new RegExp(`SUMMARY:[^\\r]+ – ${initials.replace(/\./g, '\\.')}`));
	expect(ics).not.toContain(family);
});
