import type { Locator, Page } from '@playwright/test';
import { errorOf } from './fields';
import { Shell } from './shell';

/** Directory › Office: the practice's settings form. */
export class OfficePage {
	readonly heading: Locator;
	readonly form: Locator;
	readonly saveButton: Locator;
	/** "Office settings saved." */
	readonly saved: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Office' });
		this.form = page.getByRole('main').locator('form');
		this.saveButton = page.getByRole('button', { name: 'Save office settings' });
		this.saved = page.getByRole('main').getByRole('status').filter({ hasText: 'saved' });
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('Office');
	}

	/** A field by its label, e.g. 'ZIP code' or 'Auto-lock after (minutes)'. */
	field(label: string): Locator {
		return this.form.getByLabel(label, { exact: true });
	}

	/** Fills text fields by label; selects (State, Time zone) take the option's label. */
	async fill(values: Record<string, string>): Promise<void> {
		for (const [label, value] of Object.entries(values)) {
			const field = this.field(label);
			const tag = await field.evaluate((element) => element.tagName);
			if (tag === 'SELECT') await field.selectOption({ label: value });
			else await field.fill(value);
		}
	}

	async save(): Promise<void> {
		await this.saveButton.click();
	}

	/** The error message under a field. */
	fieldError(label: string): Promise<Locator> {
		return errorOf(this.field(label));
	}
}
