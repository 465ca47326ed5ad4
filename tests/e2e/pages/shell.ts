import type { Locator, Page } from '@playwright/test';

export type Area =
	'Schedule' | 'Patients' | 'Staff' | 'Rooms' | 'Office' | 'People' | 'Audit log' | 'This device';

/** The signed-in app frame: top bar (office name, status indicator, Lock) and main navigation. */
export class Shell {
	readonly nav: Locator;
	readonly navLinks: Locator;
	readonly topBar: Locator;
	readonly status: Locator;
	readonly lockButton: Locator;

	constructor(readonly page: Page) {
		this.nav = page.getByRole('navigation', { name: 'Main' });
		this.navLinks = this.nav.getByRole('link');
		this.topBar = page.getByRole('banner');
		this.status = this.topBar.getByRole('status');
		this.lockButton = this.topBar.getByRole('button', { name: 'Lock', exact: true });
	}

	/** Opens an area through the navigation (client-side: a page load would lock the office). */
	async go(area: Area): Promise<void> {
		await this.nav.getByRole('link', { name: area, exact: true }).click();
		// The calendar is titled by the dates it shows; its tab bar says the schedule is open.
		const opened =
			area === 'Schedule'
				? this.page.getByRole('navigation', { name: 'Schedule' })
				: this.page.getByRole('heading', { level: 1, name: area, exact: true });
		await opened.waitFor();
	}

	async lock(): Promise<void> {
		await this.lockButton.click();
	}
}
