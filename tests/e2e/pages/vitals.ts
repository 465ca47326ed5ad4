import type { Locator, Page } from '@playwright/test';
import { errorOf } from './fields';

/** A chart's Vitals section: the history, Record vitals, Correct and Mark in error. */
export class VitalsSection {
	readonly section: Locator;
	/** The history's rows, one per set, newest first. */
	readonly rows: Locator;
	readonly recordButton: Locator;
	readonly dialog: Locator;
	/** The trend chart, named "<vital> trend (<unit>)". */
	readonly trend: Locator;

	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Vitals' });
		this.rows = this.section.getByRole('table', { name: 'Vitals history' }).locator('tbody tr');
		this.recordButton = this.section.getByRole('button', { name: 'Record vitals' });
		this.dialog = page.getByRole('dialog');
		this.trend = this.section.getByRole('img', { name: /trend/ });
	}

	/** A box of the open dialog by its label, e.g. 'Temperature (°F)'. */
	field(label: string): Locator {
		return this.dialog.getByLabel(label, { exact: true });
	}

	/** The message under a box of the open dialog. */
	fieldError(label: string): Promise<Locator> {
		return errorOf(this.field(label));
	}

	/** Opens Record vitals in the given units and fills in the given boxes (does not save). */
	async record(values: Record<string, string>, units: 'Imperial' | 'Metric' = 'Imperial') {
		await this.recordButton.click();
		await this.page.getByRole('dialog', { name: 'Record vitals' }).waitFor();
		await this.dialog.getByRole('radio', { name: new RegExp(`^${units}`) }).check();
		await this.fill(values);
	}

	/** Fills boxes of the open dialog by label. */
	async fill(values: Record<string, string>): Promise<void> {
		for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
	}

	async save(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Save' }).click();
	}

	/** Saves and waits for the dialog to close. */
	async saveAndClose(): Promise<void> {
		await this.save();
		await this.dialog.waitFor({ state: 'hidden' });
	}

	/** Marks the set of `row` entered in error, giving `reason`. */
	async markInError(row: Locator, reason: string): Promise<void> {
		await row.getByRole('button', { name: /entered in error$/ }).click();
		await this.page.getByRole('dialog', { name: 'Mark vitals entered in error' }).waitFor();
		await this.field('Why these vitals were entered in error').fill(reason);
		await this.saveAndClose();
	}

	/** Opens Correct on the set of `row` (prefilled from it) and gives `reason` (does not save). */
	async startCorrecting(row: Locator, reason: string): Promise<void> {
		await row.getByRole('button', { name: /^Correct the vitals/ }).click();
		await this.page.getByRole('dialog', { name: 'Correct vitals' }).waitFor();
		await this.field('Why the earlier vitals were wrong').fill(reason);
	}
}
