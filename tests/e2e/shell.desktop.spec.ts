import { expect, test } from '@playwright/test';
import { Shell, StaffPage, openDemoOffice } from './pages';
import type { Area } from './pages';

const AREAS: Area[] = [
	'Schedule',
	'Patients',
	'Staff',
	'Rooms',
	'Office',
	'People',
	'Audit log',
	'This device'
];

test('the desktop shell lists every area and each opens its page', async ({ page }) => {
	await openDemoOffice(page);
	const shell = new Shell(page);

	// Exactly these navigation entries, in order
	await expect(shell.navLinks).toHaveText(AREAS);
	await expect(shell.nav.getByRole('link', { name: 'Staff' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(shell.topBar).toContainText('Maple Grove Family Medicine');

	// Each area renders its own h1 and becomes the current entry
	for (const area of [...AREAS].reverse()) {
		await shell.go(area);
		// The calendar's heading is the dates it shows; every other page is titled by its area.
		const heading = area === 'Schedule' ? /\d{4}/ : area;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(shell.nav.getByRole('link', { name: area, exact: true })).toHaveAttribute(
			'aria-current',
			'page'
		);
	}

	// For a look, not asserted
	await shell.go('Staff');
	await expect(new StaffPage(page).rows.first()).toBeVisible();
	await page.screenshot({ path: 'test-results/desktop-staff.png', fullPage: true });
});

test('the page links a web app manifest named Practice Office', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();

	// Both the linked URL and the well-known one serve it
	for (const url of [new URL(href!, page.url()).pathname, '/manifest.webmanifest']) {
		const response = await request.get(url);
		expect(response.ok()).toBe(true);
		const manifest = (await response.json()) as { name: string; start_url: string };
		expect(manifest.name).toBe('Practice Office');
		expect(manifest.start_url).toBe('/');
	}
});
