import type { Locator, Page } from '@playwright/test';
import { errorOf } from './fields';

/** The demo office's passphrase (src/lib/app/office-setup.ts, DEMO_PASSPHRASE). */
export const DEMO_PASSPHRASE = 'maple grove demo office';

export const IDLE_MESSAGE =
	'Locked because nobody used this device for a while. Your work was saved.';
export const WRONG_PASSPHRASE_MESSAGE =
	'That passphrase is not correct. Check Caps Lock and try again.';

/** The Sign in screen shown after a reload, Lock, sign-out or the idle auto-lock. */
export class UnlockPage {
	readonly heading: Locator;
	readonly passphrase: Locator;
	readonly unlockButton: Locator;
	/** Why the office was locked (idle, manual, signed out), when there is a reason. */
	readonly reason: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
		this.passphrase = page.getByLabel('Passphrase', { exact: true });
		this.unlockButton = page.getByRole('button', { name: 'Unlock' });
		this.reason = page.getByRole('main').getByRole('status');
	}

	/** The message under the passphrase field (wrong or missing passphrase). */
	error(): Promise<Locator> {
		return errorOf(this.passphrase);
	}

	/** Submits a passphrase without waiting for the outcome. */
	async submit(passphrase: string): Promise<void> {
		await this.passphrase.fill(passphrase);
		await this.unlockButton.click();
	}

	/** Signs in; resolves once the office's pages show again. */
	async unlock(passphrase: string): Promise<void> {
		await this.submit(passphrase);
		await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
	}
}
