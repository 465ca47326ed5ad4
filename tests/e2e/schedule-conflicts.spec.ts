import { expect, type Page } from '@playwright/test';
import { Shell } from './pages';
import { ALL_SYNCED, SYNCED, pair, test } from './sync-helpers';

const TYPE = 'Offline clash check';

/** Opens a schedule tab through the app's links (a page load would lock the office). */
async function scheduleTab(page: Page, tab: string, heading: string): Promise<void> {
	await new Shell(page).nav.getByRole('link', { name: 'Schedule', exact: true }).click();
	await page.getByRole('navigation', { name: 'Schedule' }).getByRole('link', { name: tab }).click();
	await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Adds the appointment type and gives the first provider hours every day; returns their name. */
async function setUpSchedule(page: Page): Promise<string> {
	await scheduleTab(page, 'Setup', 'Schedule setup');
	await page.getByRole('button', { name: 'Add type' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add appointment type' });
	await dialog.getByLabel('Name').fill(TYPE);
	await dialog.getByLabel('Length (minutes)').fill('30');
	await dialog.getByLabel('Room needed').selectOption({ label: 'No room' });
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('list', { name: 'Appointment types' })).toContainText(TYPE);

	const provider = page.getByLabel('Provider', { exact: true });
	await provider.selectOption({ index: 1 });
	const name = (await provider.locator('option:checked').innerText()).trim();
	for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
		await page.getByRole('button', { name: `Add hours on ${day}` }).click();
	await page.getByRole('button', { name: 'Save hours' }).click();
	await expect(page.getByText(`Hours for ${name} saved`)).toBeVisible();
	return name;
}

/** Waitlists a patient (the `nth` match of `search`) from tomorrow and books the first slot. */
async function bookFirstSlot(page: Page, provider: string, search: string, nth: number) {
	await page.getByRole('button', { name: 'Add to waitlist' }).click();
	const dialog = page.getByRole('dialog', { name: 'Add to waitlist' });
	await dialog.getByLabel('Find the patient').fill(search);
	const match = dialog
		.getByRole('list', { name: 'Matching patients' })
		.getByRole('button')
		.nth(nth);
	const patient = (await match.locator('strong').innerText()).trim();
	await match.click();
	await dialog.getByLabel('Appointment type').selectOption({ label: `${TYPE} (30 min)` });
	await dialog.getByLabel('Provider').selectOption({ label: provider });
	// From a later day: both devices then search from the same instant, whatever the clock says.
	const later = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
	await dialog.getByLabel('Earliest date').fill(later);
	await dialog.getByRole('button', { name: 'Save' }).click();
	await dialog.waitFor({ state: 'hidden' });

	const entry = page
		.getByRole('list', { name: 'Waitlist' })
		.getByRole('listitem')
		.filter({ hasText: patient });
	await entry.getByRole('button', { name: 'Find a slot' }).click();
	const slots = page.getByRole('dialog', { name: 'Find a slot' });
	const first = slots.getByRole('list', { name: 'Free slots' }).getByRole('listitem').first();
	const when = (await first.innerText()).split('\n')[0];
	await first.getByRole('button', { name: 'Book' }).click();
	await expect(page.getByText(`${patient} was booked`)).toBeVisible();
	return { patient, when };
}

test('two devices book the same slot offline and both see the clash after sync', async ({
	newDevice
}) => {
	test.setTimeout(150_000);
	const a = await newDevice();
	const b = await newDevice();
	await pair(a, b);

	// A sets up a type and a provider's hours; B receives them
	const provider = await setUpSchedule(a);
	await expect(new Shell(a).status).toContainText(ALL_SYNCED);
	await scheduleTab(b, 'Setup', 'Schedule setup');
	await expect(b.getByRole('list', { name: 'Appointment types' })).toContainText(TYPE);
	await b.getByLabel('Provider', { exact: true }).selectOption({ label: provider });
	await expect(b.getByRole('group', { name: 'Sunday' })).not.toContainText('Not working');
	await scheduleTab(b, 'Waitlist', 'Waitlist');
	await scheduleTab(a, 'Waitlist', 'Waitlist');

	// Both go offline and book the provider's first free slot for different patients
	await a.context().setOffline(true);
	await b.context().setOffline(true);
	const onA = await bookFirstSlot(a, provider, 'an', 0);
	const onB = await bookFirstSlot(b, provider, 'an', 1);
	expect(onB.patient).not.toBe(onA.patient);
	expect(onB.when).toBe(onA.when);

	// Back online: after sync each device lists the clash, with both bookings kept
	await a.context().setOffline(false);
	await b.context().setOffline(false);
	for (const device of [a, b]) {
		const status = new Shell(device).status;
		await expect(status).toContainText(SYNCED);
		await expect(status).toContainText(ALL_SYNCED);
	}
	for (const device of [a, b]) {
		await scheduleTab(device, 'Conflicts', 'Double bookings');
		const clashes = device.getByRole('list', { name: 'Double bookings' }).locator(':scope > li');
		const clash = clashes.filter({ hasText: `${provider} is booked for two patients at once` });
		await expect(clash).toHaveCount(1);
		await expect(clash).toContainText(onA.patient);
		await expect(clash).toContainText(onB.patient);
		await expect(device.getByRole('link', { name: /Conflicts\s*1 unresolved/ })).toBeVisible();
	}
});
