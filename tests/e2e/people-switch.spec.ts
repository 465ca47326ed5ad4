import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE, Shell, UnlockPage, openDemoOffice } from './pages';
import { PinSection, YourSignInSection } from './pages/device-sign-in';

// The demo office's front-desk sign-in (src/lib/app/office-setup.ts, DEMO_PEOPLE).
const FRONT_DESK_PASSPHRASE = 'maple grove front desk';
const MANAGER_PIN = '2580';
const FRONT_DESK_PIN = '1357';

/** Screenshots at the tablet size and at a desktop size, then back to the tablet. */
async function screenshots(page: Page, name: string, outputPath: (name: string) => string) {
	await page.screenshot({ path: outputPath(`${name}-768.png`), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: outputPath(`${name}-1280.png`), fullPage: true });
	await page.setViewportSize({ width: 768, height: 1024 });
}

/** Nothing on the page is wider than the screen. */
async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('two people switch on one tablet, with PINs, each with their own role and idle time', async ({
	page
}, testInfo) => {
	test.setTimeout(150_000);
	const out = (name: string) => testInfo.outputPath(name);
	await page.clock.install();
	await openDemoOffice(page);
	const shell = new Shell(page);
	const unlock = new UnlockPage(page);
	const who = shell.topBar.locator('.who');
	const managerName = (await who.innerText()).trim();
	expect(managerName).not.toBe('');
	await expectNoHorizontalScroll(page);

	// The manager sets a PIN on this tablet
	const pins = new PinSection(page);
	await pins.goto();
	await expect(pins.section).toContainText('No PIN on this device');
	await pins.setPin(DEMO_PASSPHRASE, MANAGER_PIN);

	// Switch person: everyone who can sign in is listed, the manager (last) first
	await shell.topBar.getByRole('button', { name: 'Switch person' }).click();
	await expect(unlock.reason).toHaveText('Choose who is signing in.');
	await expect(unlock.people).toHaveCount(5);
	await expect(unlock.people.first()).toContainText(managerName);
	await expect(unlock.people.first()).toContainText('Last signed in');
	await screenshots(page, 'sign-in-list', out);

	// The front desk signs in with their passphrase, which the demo shows
	await unlock.choose('Front desk');
	await expect(page.getByText(`passphrase is ${FRONT_DESK_PASSPHRASE}`)).toBeVisible();
	await unlock.passphrase.fill(FRONT_DESK_PASSPHRASE);
	await unlock.unlockButton.click();
	await shell.nav.waitFor();
	const frontDeskName = (await who.innerText()).trim();
	expect(frontDeskName).not.toBe(managerName);
	await expectNoHorizontalScroll(page);
	await screenshots(page, 'shell-front-desk', out);

	// Their navigation has the front desk's screens, not the manager's
	await expect(shell.nav.getByRole('link', { name: 'Schedule' })).toBeVisible();
	await expect(shell.nav.getByRole('link', { name: 'Patients' })).toBeVisible();
	await expect(shell.nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
	await expect(shell.nav.getByRole('link', { name: 'People', exact: true })).toHaveCount(0);

	// Typing the audit log's address: a page load locks, and after signing in it is refused
	await page.goto('/audit');
	await unlock.unlock(FRONT_DESK_PASSPHRASE, 'Front desk');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Not part of your role' })
	).toBeVisible();

	// The front desk sets a PIN of their own, and a shorter idle time
	await pins.goto();
	await pins.setPin(FRONT_DESK_PASSPHRASE, FRONT_DESK_PIN);
	const mine = new YourSignInSection(page);
	await expect(mine.section).toContainText(frontDeskName);
	await expect(mine.section).toContainText('Front desk');
	await mine.setIdle('1');
	await screenshots(page, 'device-sign-in', out);

	// Their own idle time applies: one idle minute locks, and the PIN brings them back
	await page.clock.fastForward('01:10');
	await expect(unlock.heading).toBeVisible();
	await expect(unlock.reason).toHaveText(
		'Locked because nobody used this device for a while. Your work was saved.'
	);
	await expect(page.getByText(frontDeskName, { exact: true })).toBeVisible();
	await unlock.submitPin(FRONT_DESK_PIN);
	await shell.nav.waitFor();
	await expect(who).toHaveText(frontDeskName);

	// Switch person → the manager, with their PIN
	await shell.topBar.getByRole('button', { name: 'Switch person' }).click();
	await unlock.choose(managerName);
	await expect(unlock.pin).toBeVisible();
	await expect(unlock.pin).toHaveAttribute('inputmode', 'numeric');
	await expect(unlock.passphrase).toHaveCount(0);
	await screenshots(page, 'sign-in-pin', out);
	await unlock.submitPin(MANAGER_PIN);
	await shell.nav.waitFor();
	await expect(who).toHaveText(managerName);
	await expect(shell.nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
	// The manager keeps the office's 5 minutes: a minute and more idle changes nothing
	await page.clock.fastForward('01:30');
	await expect(shell.nav).toBeVisible();

	// Back to the front desk: five wrong PINs and the passphrase is needed
	await shell.topBar.getByRole('button', { name: 'Switch person' }).click();
	await unlock.choose('Front desk');
	for (let left = 4; left >= 1; left--) {
		await unlock.submitPin('9024');
		await expect(await unlock.pinError()).toHaveText(
			`Wrong PIN. ${left === 1 ? '1 try' : `${left} tries`} left before your passphrase is needed.`
		);
	}
	await unlock.submitPin('9024');
	await expect(page.getByRole('alert')).toContainText('Too many wrong PINs');
	await expect(unlock.pin).toHaveCount(0);
	await expect(unlock.passphrase).toBeVisible();
	await unlock.passphrase.fill(FRONT_DESK_PASSPHRASE);
	await unlock.unlockButton.click();
	await shell.nav.waitFor();
	await expect(who).toHaveText(frontDeskName);

	// The PIN is gone from this device until they set a new one
	await pins.goto();
	await expect(pins.section).toContainText('No PIN on this device');
});
