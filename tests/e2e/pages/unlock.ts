import type { Locator, Page } from '@playwright/test';
import { errorOf } from './fields';

/** The demo office's passphrase (src/lib/app/office-setup.ts, DEMO_PASSPHRASE). */
export const DEMO_PASSPHRASE = 'maple grove demo office';

export const IDLE_MESSAGE =
	'Locked because nobody used this device for a while. Your work was saved.';
export const WRONG_PASSPHRASE_MESSAGE =
	'That passphrase is not correct. Check Caps Lock and try again.';

/**
 * The Sign in screen shown after a reload, Lock, Switch person, sign-out or the idle auto-lock.
 * An office with several people first asks who is signing in (unless it resumes the last one).
 */
export class UnlockPage {
	readonly heading: Locator;
	readonly passphrase: Locator;
	readonly pin: Locator;
	readonly unlockButton: Locator;
	/** The "Who is signing in?" list of people. */
	readonly people: Locator;
	readonly notYou: Locator;
	readonly usePassphrase: Locator;
	/** Why the office was locked (idle, manual, signed out), when there is a reason. */
	readonly reason: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Sign in' });
		this.passphrase = page.getByLabel('Passphrase', { exact: true });
		this.pin = page.getByLabel('PIN', { exact: true });
		this.unlockButton = page.getByRole('button', { name: 'Unlock' });
		this.people = page.getByRole('region', { name: 'Who is signing in?' }).getByRole('button');
		this.notYou = page.getByRole('button', { name: 'Not you?' });
		this.usePassphrase = page.getByRole('button', { name: 'Use passphrase instead' });
		this.reason = page.getByRole('main').getByRole('status');
	}

	/** The message under the passphrase field (wrong or missing passphrase). */
	error(): Promise<Locator> {
		return errorOf(this.passphrase);
	}

	/** The message under the PIN field (wrong PIN, tries left). */
	pinError(): Promise<Locator> {
		return errorOf(this.pin);
	}

	/** Chooses a person from the list (by name or role, as the button reads). */
	async choose(who: string | RegExp): Promise<void> {
		await this.people.filter({ hasText: who }).first().click();
	}

	/** When the screen asks who is signing in, chooses `who`; otherwise leaves it as it is. */
	async chooseIfAsked(who: string | RegExp): Promise<void> {
		const person = this.people.filter({ hasText: who }).first();
		await person.or(this.passphrase).or(this.pin).first().waitFor();
		if (await person.isVisible()) await person.click();
	}

	/** Submits a passphrase without waiting for the outcome (the office manager's, unless `who`). */
	async submit(passphrase: string, who: string | RegExp = 'Office manager'): Promise<void> {
		await this.chooseIfAsked(who);
		await this.passphrase.fill(passphrase);
		await this.unlockButton.click();
	}

	/** Submits a PIN without waiting for the outcome. */
	async submitPin(pin: string): Promise<void> {
		await this.pin.fill(pin);
		await this.unlockButton.click();
	}

	/** Signs in; resolves once the office's pages show again. */
	async unlock(passphrase: string, who: string | RegExp = 'Office manager'): Promise<void> {
		await this.submit(passphrase, who);
		await this.page.getByRole('navigation', { name: 'Main' }).waitFor();
	}
}
