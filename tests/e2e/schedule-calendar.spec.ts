import { expect, test, type Page } from '@playwright/test';
import { StaffPage, createOffice } from './pages';
import { CalendarPage } from './pages/schedule-calendar';

const SHOTS = 'test-results/schedule-calendar';

/** A provider, an appointment type and weekday hours, set up as the office manager would. */
async function setUpSchedule(page: Page, calendar: CalendarPage): Promise<void> {
	await createOffice(page);
	const staff = new StaffPage(page);
	await staff.add({ firstName: 'Mei', lastName: 'Lee', role: 'Physician' });
	await staff.add({ firstName: 'Omar', lastName: 'Haddad', role: 'Nurse practitioner' });

	await calendar.goto();
	await calendar.tab('Setup');
	for (const [name, minutes] of [
		['Follow-up', '20'],
		['New patient', '40']
	]) {
		await page.getByRole('button', { name: 'Add type' }).click();
		const dialog = page.getByRole('dialog', { name: 'Add appointment type' });
		await dialog.getByLabel('Name', { exact: true }).fill(name);
		await dialog.getByLabel('Length (minutes)').fill(minutes);
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect(dialog).toBeHidden();
	}
	await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Mei Lee' });
	await page.getByRole('button', { name: 'Add hours on Monday' }).click();
	await page.getByRole('button', { name: /Copy Monday/ }).click();
	await page.getByRole('button', { name: 'Save hours' }).click();
	await calendar.tab('Calendar');
}

test('book by tapping a slot, see a clash in words, move by dragging, cancel with a reason', async ({
	page
}) => {
	test.setTimeout(120_000);
	const calendar = new CalendarPage(page);
	await setUpSchedule(page, calendar);
	await calendar.page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Mei Lee' });

	// Tap 9:00 on Dr Lee's day: the dialog opens there; add the patient inline and book
	await calendar.tapSlot('9 AM');
	await expect(calendar.booking.getByLabel('Start time')).toHaveValue('09:00');
	await expect(calendar.booking.getByLabel('Provider')).toHaveValue(/.+/);
	await calendar.book();
	await expect(calendar.booking.getByText('Choose the patient, or add a new one.')).toBeVisible();
	await calendar.addNewPatient('Ann', 'Smith', '1984-03-07');
	await calendar.chooseType('Follow-up (20 min)');
	await calendar.book();
	await expect(calendar.booking).toBeHidden();
	await expect(calendar.block('Ann Smith, Follow-up, 9:00–9:20')).toBeVisible();

	// Another patient at 8:45 runs into Dr Lee's 9:00: said in words, booked only when told
	await calendar.tapSlot('8 AM', 0, 50);
	await expect(calendar.booking.getByLabel('Start time')).toHaveValue('08:45');
	await calendar.addNewPatient('Bea', 'Jones', '1990-06-01');
	await calendar.chooseType('Follow-up (20 min)');
	await calendar.book();
	await expect(calendar.clashes).toHaveText('Mei Lee already has Ann Smith 9:00–9:20');
	await calendar.booking.getByRole('button', { name: 'Book anyway' }).click();
	await expect(calendar.booking).toBeHidden();
	const bea = calendar.block(/^Bea Jones, Follow-up/);
	await expect(bea).toHaveAccessibleName('Bea Jones, Follow-up, 8:45–9:05');

	// Drag Bea's visit an hour later: it no longer clashes, so it simply moves
	await calendar.drag(bea, 60);
	await expect(bea).toHaveAccessibleName('Bea Jones, Follow-up, 9:45–10:05');

	// Drag it back onto Ann's time: the clash is asked about, and declining leaves it be
	await calendar.drag(bea, -60);
	await expect(calendar.moveDialog.getByRole('list', { name: 'Clashes' })).toContainText(
		'Mei Lee already has Ann Smith 9:00–9:20'
	);
	await calendar.moveDialog.getByRole('button', { name: 'Keep where it was' }).click();
	await expect(bea).toHaveAccessibleName('Bea Jones, Follow-up, 9:45–10:05');

	// Without dragging: change the time in the dialog
	await bea.click();
	await calendar.appointment.getByLabel('Start time').fill('11:00');
	await calendar.appointment.getByRole('button', { name: 'Save changes' }).click();
	await expect(bea).toHaveAccessibleName('Bea Jones, Follow-up, 11:00–11:20');

	// Cancel Ann's visit with a reason: still on the calendar, marked cancelled
	await calendar.block(/^Ann Smith/).click();
	await calendar.appointment.getByRole('button', { name: 'Cancel visit…' }).click();
	await calendar.appointment.getByRole('button', { name: 'Cancel visit', exact: true }).click();
	await expect(calendar.appointment.getByText('Give a reason.')).toBeVisible();
	await calendar.appointment.getByLabel('Why is it cancelled?').fill('Patient called, sick');
	await calendar.appointment.getByRole('button', { name: 'Cancel visit', exact: true }).click();
	await expect(calendar.block(/^Ann Smith/)).toHaveAccessibleName(
		'Ann Smith, Follow-up, 9:00–9:20, Cancelled'
	);

	// Keyboard: n opens a new booking; Escape closes it; w switches to the week. (Keys go to an
	// open dialog first: wait until the cancelled visit's has closed.)
	await expect(calendar.appointment).toBeHidden();
	await page.keyboard.press('n');
	await expect(calendar.booking).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(calendar.booking).toBeHidden();
	await page.keyboard.press('w');
	await expect(page.getByRole('button', { name: 'Week', pressed: true })).toBeVisible();
	await expect(calendar.block(/^Bea Jones/)).toBeVisible();

	// What the front desk sees, at tablet and desktop sizes
	for (const size of [
		{ width: 768, height: 1024 },
		{ width: 1280, height: 800 }
	]) {
		await page.setViewportSize(size);
		for (const view of ['Day', 'Week', 'Providers', 'Rooms'] as const) {
			await calendar.view(view);
			await page.screenshot({ path: `${SHOTS}/${view.toLowerCase()}-${size.width}.png` });
		}
	}
});
