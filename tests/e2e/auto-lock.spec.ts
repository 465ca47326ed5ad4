import { expect, test } from '@playwright/test';
import {
	DEMO_PASSPHRASE,
	IDLE_MESSAGE,
	Shell,
	StaffPage,
	UnlockPage,
	WRONG_PASSPHRASE_MESSAGE,
	openDemoOffice
} from './pages';

// The demo office locks after the default 5 minutes without use.
test.beforeEach(async ({ page }) => {
	await page.clock.install();
	await openDemoOffice(page);
});

test('five idle minutes lock the office and take the staff list off the page', async ({ page }) => {
	const staff = new StaffPage(page);
	const unlock = new UnlockPage(page);
	await expect(staff.rows.first()).toBeVisible();
	// "Given Family, MD" → "Given Family"
	const names = (await staff.displayNames()).map((name) => name.split(',')[0]);
	expect(names.length).toBeGreaterThan(10);
	// The sign-in screen names the person it resumes (from the people list, open while locked)
	const signedIn = (await new Shell(page).topBar.locator('.who').innerText()).trim();

	// Nobody touches the device for 5½ minutes
	await page.clock.fastForward('05:30');
	await expect(unlock.heading).toBeVisible();
	await expect(unlock.passphrase).toBeVisible();
	await expect(unlock.reason).toHaveText(IDLE_MESSAGE);
	await expect(staff.list).toHaveCount(0);
	await expect(new Shell(page).nav).toHaveCount(0);
	const html = await page.content();
	await expect(page.getByText(signedIn, { exact: true })).toBeVisible();
	for (const name of names.filter((name) => name !== signedIn))
		expect(html, `"${name}" is still in the page`).not.toContain(name);

	// A wrong passphrase is refused
	await unlock.submit('maple grove demo offic');
	await expect(await unlock.error()).toHaveText(WRONG_PASSPHRASE_MESSAGE);
	await expect(staff.list).toHaveCount(0);

	// The right one brings the list back
	await unlock.unlock(DEMO_PASSPHRASE);
	await expect(staff.heading).toBeVisible();
	await expect(staff.rows).toHaveCount(names.length);
	await expect(staff.row(names[0])).toBeVisible();
});

test('a key press before the timeout postpones the lock', async ({ page }) => {
	const staff = new StaffPage(page);
	const unlock = new UnlockPage(page);

	// 3 minutes idle, then a key press restarts the countdown
	await page.clock.fastForward('03:00');
	await page.keyboard.press('Shift');

	// 3 more minutes: 6 since the sign-in, but only 3 since the key press
	await page.clock.fastForward('03:00');
	await expect(staff.rows.first()).toBeVisible();
	await expect(unlock.heading).toHaveCount(0);

	// The countdown still runs: 2½ more idle minutes lock it
	await page.clock.fastForward('02:30');
	await expect(unlock.heading).toBeVisible();
	await expect(unlock.reason).toHaveText(IDLE_MESSAGE);
});
