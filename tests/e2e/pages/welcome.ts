import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** Everything the Create office form asks for. */
export interface OfficeDetails {
	officeName: string;
	street: string;
	city: string;
	state: string;
	zip: string;
	phone: string;
	timeZone: string;
	firstName: string;
	lastName: string;
	passphrase: string;
}

export const VALID_OFFICE: OfficeDetails = {
	officeName: 'Prairie Creek Clinic',
	street: '200 Lincoln Street',
	city: 'Springfield',
	state: 'IL',
	zip: '62704',
	phone: '(217) 555-0100',
	timeZone: 'America/Chicago',
	firstName: 'Dana',
	lastName: 'Whitaker',
	passphrase: 'correct horse battery staple'
};

/** The first screen on a device without an office: Create office or Open demo office. */
export class WelcomePage {
	readonly heading: Locator;
	readonly form: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Practice Office' });
		this.form = page.locator('form').filter({
			has: page.getByRole('heading', { name: 'Create your office' })
		});
	}

	async goto(): Promise<void> {
		await this.page.goto('/');
		await this.heading.waitFor();
	}

	/**
	 * Sign-in lands on Patients; these helpers then open Staff, which the office's first tests are
	 * about. A test of patients goes there with `Shell.go('Patients')`.
	 */
	async #landThenOpenStaff(): Promise<void> {
		await this.page
			.getByRole('heading', { level: 1, name: 'Patients' })
			.waitFor({ timeout: 30_000 });
		await new Shell(this.page).go('Staff');
	}

	/** Fills the Create office form and submits it; resolves once the Staff page shows. */
	async createOffice(details: OfficeDetails = VALID_OFFICE): Promise<void> {
		await this.page.getByRole('button', { name: 'Create office' }).click();
		const form = this.form;
		// The practice
		await form.getByLabel('Office name').fill(details.officeName);
		await form.getByLabel('Street address').fill(details.street);
		await form.getByLabel('City').fill(details.city);
		await form.getByLabel('State', { exact: true }).selectOption(details.state);
		await form.getByLabel('ZIP code').fill(details.zip);
		await form.getByLabel('Phone', { exact: true }).fill(details.phone);
		await form.getByLabel('Time zone').selectOption(details.timeZone);
		// You
		await form.getByLabel('First name').fill(details.firstName);
		await form.getByLabel('Last name').fill(details.lastName);
		// Passphrase, twice
		await form.getByLabel('Passphrase', { exact: true }).fill(details.passphrase);
		await form.getByLabel('Passphrase again').fill(details.passphrase);
		await form.getByRole('button', { name: 'Create office' }).click();
		await this.#landThenOpenStaff();
	}

	/** Sets up the demo office; resolves once its Staff page shows. */
	async openDemo(): Promise<void> {
		await this.page.getByRole('button', { name: 'Open demo office' }).click();
		await this.#landThenOpenStaff();
	}
}

/** Opens the app on a fresh device and creates an office with valid details (overridable). */
export async function createOffice(
	page: Page,
	overrides: Partial<OfficeDetails> = {}
): Promise<OfficeDetails> {
	const details = { ...VALID_OFFICE, ...overrides };
	const welcome = new WelcomePage(page);
	await welcome.goto();
	await welcome.createOffice(details);
	return details;
}

/** Opens the app on a fresh device and sets up the demo office. */
export async function openDemoOffice(page: Page): Promise<void> {
	const welcome = new WelcomePage(page);
	await welcome.goto();
	await welcome.openDemo();
}
