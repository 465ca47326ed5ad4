import type { Locator, Page } from '@playwright/test';

/** Schedule › Calendar: the toolbar, the grid, and its booking and appointment dialogs. */
export class CalendarPage {
	readonly grid: Locator;
	readonly booking: Locator;
	readonly appointment: Locator;
	readonly moveDialog: Locator;
	readonly clashes: Locator;
	readonly notice: Locator;

	constructor(readonly page: Page) {
		this.grid = page.locator('.grid');
		this.booking = page.getByRole('dialog', { name: 'New appointment' });
		this.appointment = page.getByRole('dialog').filter({ has: page.getByText('Open chart') });
		this.moveDialog = page.getByRole('dialog', { name: 'Move appointment' });
		this.clashes = page.getByRole('list', { name: 'Clashes' });
		this.notice = page.getByRole('main').getByRole('status').first();
	}

	/** Opens Schedule from the main navigation (lands on the calendar). */
	async goto(): Promise<void> {
		await this.page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Schedule' })
			.click();
		await this.page.getByRole('navigation', { name: 'Schedule' }).waitFor();
		await this.tab('Calendar');
	}

	async tab(name: string): Promise<void> {
		await this.page
			.getByRole('navigation', { name: 'Schedule' })
			.getByRole('link', { name, exact: true })
			.click();
	}

	async view(name: 'Day' | 'Week' | 'Providers' | 'Rooms'): Promise<void> {
		await this.page.getByRole('group', { name: 'View' }).getByRole('button', { name }).click();
	}

	/** An appointment block by what it says ("Ann Smith, Follow-up, 9:00–9:20"). */
	block(text: string | RegExp): Locator {
		return this.grid.getByRole('button', { name: text });
	}

	/** Taps the grid at an hour line ("9 AM") of the `column`-th column (0 first), plus `minutes`. */
	async tapSlot(hour: string, column = 0, minutes = 5): Promise<void> {
		const label = this.grid.locator('.axis span').filter({ hasText: new RegExp(`^${hour}$`) });
		const labelBox = await label.boundingBox();
		const cell = this.grid.locator('.cell').nth(column);
		const cellBox = await cell.boundingBox();
		const perMinute = await this.pxPerMinute();
		if (!labelBox || !cellBox) throw new Error(`No ${hour} line on the calendar.`);
		const first = await label.evaluate((el) => el === el.parentElement?.firstElementChild);
		// Labels sit centred on their line, except the first, which hangs below it.
		const lineY = first ? labelBox.y : labelBox.y + labelBox.height / 2;
		await cell.tap({
			position: { x: cellBox.width / 2, y: lineY - cellBox.y + minutes * perMinute + 1 }
		});
	}

	/** The grid's scale: pixels between two hour lines over 60. */
	async pxPerMinute(): Promise<number> {
		const spans = this.grid.locator('.axis span');
		const [a, b] = await Promise.all([
			spans.nth(1).evaluate((el) => (el as HTMLElement).offsetTop),
			spans.nth(2).evaluate((el) => (el as HTMLElement).offsetTop)
		]);
		return (b - a) / 60;
	}

	/** Drags a block by its middle with the mouse, `minutes` down (negative: up) and `dx` across. */
	async drag(block: Locator, minutes: number, dx = 0): Promise<void> {
		const box = await block.boundingBox();
		if (!box) throw new Error('The block is not on screen.');
		const perMinute = await this.pxPerMinute();
		const x = box.x + Math.min(40, box.width / 2);
		const y = box.y + Math.min(10, box.height / 2);
		await this.page.mouse.move(x, y);
		await this.page.mouse.down();
		await this.page.mouse.move(x + dx / 2, y + (minutes * perMinute) / 2, { steps: 4 });
		await this.page.mouse.move(x + dx, y + minutes * perMinute, { steps: 4 });
		await this.page.mouse.up();
	}

	/** In the booking dialog: adds a new patient with the minimal registration. */
	async addNewPatient(first: string, last: string, dateOfBirth: string): Promise<void> {
		const dialog = this.booking;
		await dialog.getByRole('button', { name: 'New patient…' }).click();
		await dialog.getByLabel('First name').fill(first);
		await dialog.getByLabel('Last name').fill(last);
		await dialog.getByLabel('Date of birth').fill(dateOfBirth);
		await dialog.getByLabel('Sex assigned at birth').selectOption({ label: 'Female' });
		await dialog.getByRole('button', { name: 'Add patient' }).click();
		await dialog.getByRole('button', { name: 'Change patient' }).waitFor();
	}

	/** In the booking dialog: finds a patient on file by typing and picks the first match. */
	async findPatient(query: string, name: string): Promise<void> {
		await this.booking.getByLabel('Find patient').fill(query);
		await this.booking.getByRole('button', { name: new RegExp(name) }).click();
	}

	async chooseType(label: string): Promise<void> {
		await this.booking.getByLabel('Appointment type').selectOption({ label });
	}

	async book(): Promise<void> {
		await this.booking.getByRole('button', { name: 'Book', exact: true }).click();
	}
}
