import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { Shell, openDemoOffice } from './pages';
import type { Area } from './pages';

/** Whether the document is wider than the viewport (a horizontal scrollbar). */
function scrollsSideways(page: Page): Promise<boolean> {
	return page.evaluate(
		() => document.documentElement.scrollWidth > document.documentElement.clientWidth
	);
}

test('at tablet width no page scrolls sideways and Lock stays in view', async ({ page }) => {
	expect(page.viewportSize()?.width).toBe(768);
	await openDemoOffice(page);
	const shell = new Shell(page);

	for (const area of ['Patients', 'Staff', 'Rooms', 'Office'] satisfies Area[]) {
		await shell.go(area);
		expect(await scrollsSideways(page), `${area} scrolls sideways`).toBe(false);
		await expect(shell.lockButton).toBeInViewport();
		await expect(shell.nav.getByRole('link', { name: area, exact: true })).toBeInViewport();
	}
	await page.screenshot({ path: 'test-results/tablet-office.png', fullPage: true });

	// Lock takes you to Sign in
	await shell.lock();
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	expect(await scrollsSideways(page)).toBe(false);
});
