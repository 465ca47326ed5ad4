import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** This device › Audit log: checks every device's hash chain and lists a verdict per device. */
export class AuditLogSection {
	readonly section: Locator;
	readonly checkButton: Locator;
	/** One item per device chain: "Intact N entries from device …" or "Tampered …". */
	readonly verdicts: Locator;

	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Audit log' });
		this.checkButton = this.section.getByRole('button', { name: 'Check the audit log' });
		this.verdicts = this.section
			.getByRole('list', { name: 'Audit log check' })
			.getByRole('listitem');
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('This device');
	}

	/** Checks the log; resolves once the verdicts show. */
	async check(): Promise<void> {
		await this.checkButton.click();
		await this.verdicts.first().waitFor();
	}
}
