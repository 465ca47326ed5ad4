import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** This device → Quick sign-in on this device: set, change or remove the person's PIN. */
export class PinSection {
	readonly section: Locator;
	readonly status: Locator;

	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Quick sign-in on this device' });
		this.status = this.section.getByRole('status');
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('This device');
		await this.section.waitFor();
	}

	/** Sets (or changes) the PIN, proving it with the passphrase; resolves once it is saved. */
	async setPin(passphrase: string, pin: string): Promise<void> {
		await this.section.getByLabel('Your passphrase').fill(passphrase);
		await this.section.getByLabel(/^(New )?PIN$/).fill(pin);
		await this.section.getByLabel(/^(New )?PIN again$/).fill(pin);
		await this.section.getByRole('button', { name: /^(Set|Change) PIN$/ }).click();
		await this.section.getByText('You have a PIN on this device').waitFor();
	}
}

/** This device → Your sign-in: name and roles, own idle time, passphrase change. */
export class YourSignInSection {
	readonly section: Locator;
	readonly idle: Locator;

	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Your sign-in' });
		this.idle = this.section.getByLabel('Lock after this long without use');
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('This device');
		await this.section.waitFor();
	}

	/** Chooses the person's own idle time ('' for the office's) and saves it. */
	async setIdle(minutes: string): Promise<void> {
		await this.idle.selectOption(minutes);
		await this.section.getByRole('button', { name: 'Save' }).click();
		await this.section.getByRole('status').waitFor();
	}
}
