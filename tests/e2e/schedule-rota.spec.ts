import { expect, test, type Page } from '@playwright/test';
import { openDemoOffice } from './pages';
import { CalendarPage } from './pages/schedule-calendar';

const SHOTS = 'test-results/schedule-rota';
const ZONE = 'America/Chicago';

/** Noon UTC of the date `days` from today in the demo's zone. */
function fromToday(days: number): Date {
	const today = new Date().toLocaleDateString('en-CA', { timeZone: ZONE });
	const date = new Date(`${today}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date;
}

/** The demo provider's approved day off: the Friday of the week a week from today. */
function demoDayOff(): string {
	const weekOut = fromToday(7);
	const weekday = (weekOut.getUTCDay() + 6) % 7;
	weekOut.setUTCDate(weekOut.getUTCDate() + ((4 - weekday + 7) % 7));
	return weekOut.toISOString().slice(0, 10);
}

// The section, not its list: with every requirement met the list is not there at all.
const gaps = (page: Page) => page.getByRole('region', { name: 'Coverage gaps' });

test('the rota: assign a shift into a gap, approve time off, add a template and use it', async ({
	page
}) => {
	test.setTimeout(180_000);
	await openDemoOffice(page);
	const calendar = new CalendarPage(page);
	await calendar.goto();
	await calendar.tab('Staff rota');
	await expect(page.getByRole('heading', { name: 'Staff rota' })).toBeVisible();

	// The demo's late front-desk person is off this Tuesday: the evening is a gap
	await expect(gaps(page)).toContainText('No front desk Tuesday 16:00–18:00');
	const cell = page.locator('td.gap').getByRole('button', { name: /, Tue, .*: no shift$/ });
	await expect(cell).toHaveCount(1);
	const name = (await cell.getAttribute('aria-label'))!.split(',')[0];
	const row = page.getByRole('row', { name: new RegExp(`^${name}`) });
	const hours = row.getByRole('cell').last();
	const before = Number(await hours.textContent());
	await page.screenshot({ path: `${SHOTS}/rota-week.png`, fullPage: true });

	// Assign the late shift there: the gap closes and the person's hours go up by 8
	await cell.click();
	const shift = page.getByRole('dialog', { name: new RegExp(`^${name} — `) });
	await shift.getByLabel('Shift').selectOption({ label: 'Front desk late (09:30–18:00)' });
	await shift.getByRole('button', { name: 'Assign shift' }).click();
	await expect(shift).toBeHidden();
	await expect(hours).toHaveText(String(before + 8));
	await expect(gaps(page)).not.toContainText('Tuesday 16:00–18:00');

	// Approve the request still waiting
	const timeOff = page.getByRole('region', { name: 'Time off' });
	await expect(timeOff).toContainText('Family wedding');
	await timeOff.getByRole('button', { name: 'Approve' }).click();
	await expect(timeOff.getByRole('button', { name: 'Approve' })).toHaveCount(0);
	await expect(timeOff.getByRole('listitem').filter({ hasText: 'Family wedding' })).toContainText(
		'Approved'
	);

	// A new template, with its mistakes named first
	await page.getByRole('button', { name: 'Add template' }).click();
	const add = page.getByRole('dialog', { name: 'Add shift template' });
	await add.getByLabel('Name').fill('Saturday clinic');
	await add.getByLabel('Start').fill('09:00');
	await add.getByLabel('End').fill('09:00');
	await add.getByRole('button', { name: 'Save' }).click();
	await expect(add.getByText('The end must differ from the start.')).toBeVisible();
	await add.getByLabel('End').fill('13:00');
	await add.getByLabel('Role group').selectOption({ label: 'Provider' });
	await add.getByLabel('Unpaid break (minutes)').fill('0');
	await add.getByText('purple').click();
	await page.screenshot({ path: `${SHOTS}/template-dialog.png` });
	await add.getByRole('button', { name: 'Save' }).click();
	await expect(add).toBeHidden();
	const templates = page.getByRole('list', { name: 'Shift templates' });
	await expect(templates).toContainText('Saturday clinic 09:00–13:00 Provider 4 h paid');

	// Coverage for Saturday mornings: the requirement lists, and this week shows its gap
	await page.getByRole('button', { name: 'Add requirement' }).click();
	const coverage = page.getByRole('dialog', { name: 'Add coverage requirement' });
	for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
		await coverage.getByRole('checkbox', { name: day }).uncheck();
	}
	await coverage.getByRole('button', { name: 'Save' }).click();
	await expect(coverage.getByText('Choose at least one day.')).toBeVisible();
	await coverage.getByRole('checkbox', { name: 'Saturday' }).check();
	await coverage.getByLabel('From').fill('09:00');
	await coverage.getByLabel('Until').fill('13:00');
	await coverage.getByLabel('Role group').selectOption({ label: 'Provider' });
	await page.screenshot({ path: `${SHOTS}/coverage-dialog.png` });
	await coverage.getByRole('button', { name: 'Save' }).click();
	await expect(coverage).toBeHidden();
	await expect(page.getByRole('list', { name: 'Coverage requirements' })).toContainText(
		'Provider Sat 09:00–13:00 at least 1 person'
	);
	await expect(gaps(page)).toContainText('No provider Saturday 09:00–13:00');

	// Use the new template on a provider's Saturday: that gap closes
	const providerRow = page.getByRole('row', { name: /, MD/ }).first();
	await providerRow.getByRole('button', { name: /, Sat, .*: no shift$/ }).click();
	const assign = page.getByRole('dialog').filter({ has: page.getByLabel('Shift') });
	await assign.getByLabel('Shift').selectOption({ label: 'Saturday clinic (09:00–13:00)' });
	await assign.getByRole('button', { name: 'Assign shift' }).click();
	await expect(assign).toBeHidden();
	await expect(providerRow.getByRole('button', { name: /, Sat, .*: 09:00–13:00$/ })).toBeVisible();
	await expect(gaps(page)).not.toContainText('Saturday');
	await page.screenshot({ path: `${SHOTS}/rota-setup.png`, fullPage: true });
});

test('a provider’s approved day off shows on the calendar, and booking into it warns', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openDemoOffice(page);
	const calendar = new CalendarPage(page);
	await calendar.goto();
	await calendar.view('Providers');
	await page.getByLabel('Go to date').fill(demoDayOff());
	await page.getByLabel('Go to date').dispatchEvent('change');

	// Exactly one provider is away: their column says so and has no bookable time
	const away = page.getByRole('columnheader').filter({ hasText: 'Time off' });
	await expect(away).toHaveCount(1);
	const name = (await away.textContent())!.replace('Time off', '').trim();

	// Booking them anyway is asked about, like a double booking
	await calendar.view('Day');
	await page.getByLabel('Provider', { exact: true }).selectOption({ label: name });
	await expect(calendar.grid.locator('[data-slot="time-off"]')).toContainText('Time off');
	await page.screenshot({ path: `${SHOTS}/calendar-time-off.png` });
	await calendar.tapSlot('10 AM');
	await calendar.addNewPatient('Tess', 'Ortiz', '1979-05-02');
	await calendar.booking.getByLabel('Appointment type').selectOption({ index: 1 });
	await calendar.book();
	await expect(calendar.clashes).toContainText(`${name} is on approved time off`);
	await calendar.booking.getByRole('button', { name: 'Book anyway' }).click();
	await expect(calendar.booking).toBeHidden();
	await expect(calendar.block(/^Tess Ortiz/)).toBeVisible();
});
