import { expect, test } from '@playwright/test';
import { RoomsPage, Shell, UnlockPage, VALID_OFFICE, WelcomePage } from './pages';

test('the app keeps working offline once the service worker controls it', async ({
	page,
	context
}) => {
	const welcome = new WelcomePage(page);
	await welcome.goto();

	// First load installs the service worker; a reload puts the page under its control
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await welcome.heading.waitFor();
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await welcome.createOffice(VALID_OFFICE);

	// Offline: the status indicator says so
	const shell = new Shell(page);
	await expect(shell.status).toContainText('Online');
	await context.setOffline(true);
	await expect(shell.status).toContainText('Offline');

	// A room added offline is saved on the device
	const rooms = new RoomsPage(page);
	await rooms.goto();
	await rooms.add({ name: 'Offline Exam', kind: 'Exam room', notes: 'Added without a network' });
	await expect(rooms.row('Offline Exam')).toBeVisible();

	// Reload while offline: the service worker serves the shell, sign in, the room is there
	const reloaded = await page.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	const unlock = new UnlockPage(page);
	await unlock.unlock(VALID_OFFICE.passphrase);
	await expect(rooms.heading).toBeVisible();
	await expect(rooms.row('Offline Exam')).toBeVisible();
	await expect(shell.status).toContainText('Offline');

	// A deep link opened offline in a new tab works too
	const tab = await context.newPage();
	const deepLink = await tab.goto('/directory/rooms');
	expect(deepLink?.fromServiceWorker()).toBe(true);
	await new UnlockPage(tab).unlock(VALID_OFFICE.passphrase);
	const tabRooms = new RoomsPage(tab);
	await expect(tabRooms.heading).toBeVisible();
	await expect(tabRooms.row('Offline Exam')).toBeVisible();
	expect(await tab.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
});
