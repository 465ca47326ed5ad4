import type { Locator, Page } from '@playwright/test';
import { errorOf } from './fields';
import { Shell } from './shell';

/** A patient as the Register patient form takes it; unset fields are left alone. */
export interface PatientDetails {
	firstName?: string;
	lastName?: string;
	dateOfBirth?: string;
	/** As the select shows it, e.g. 'Female'. */
	sex?: string;
	mobile?: string;
}

/** An insurance policy as the Add insurance policy form takes it. */
export interface PolicyDetails {
	payer: string;
	plan: string;
	memberId: string;
	group?: string;
}

/** Patients: search, the list, the Register patient dialog and its duplicate warning. */
export class PatientsPage {
	readonly heading: Locator;
	readonly searchBox: Locator;
	readonly rows: Locator;
	readonly count: Locator;
	readonly dialog: Locator;
	readonly duplicateWarning: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Patients' });
		this.searchBox = page.getByLabel('Search patients');
		this.rows = page.getByRole('list', { name: 'Patients' }).getByRole('listitem');
		this.count = page.getByText(/^\d+ of \d+ patients/);
		this.dialog = page.getByRole('dialog');
		this.duplicateWarning = this.dialog
			.getByRole('alert')
			.filter({ hasText: 'Possible duplicate' });
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('Patients');
	}

	row(text: string): Locator {
		return this.rows.filter({ hasText: text });
	}

	field(label: string): Locator {
		return this.dialog.getByLabel(label, { exact: true });
	}

	fieldError(label: string): Promise<Locator> {
		return errorOf(this.field(label));
	}

	async search(text: string): Promise<void> {
		await this.searchBox.fill(text);
	}

	async startRegistering(): Promise<void> {
		await this.page.getByRole('button', { name: 'Register patient' }).click();
		await this.page.getByRole('dialog', { name: 'Register patient' }).waitFor();
	}

	async fillForm(patient: PatientDetails): Promise<void> {
		if (patient.firstName !== undefined) await this.field('First name').fill(patient.firstName);
		if (patient.lastName !== undefined) await this.field('Last name').fill(patient.lastName);
		if (patient.dateOfBirth !== undefined) {
			await this.field('Date of birth').fill(patient.dateOfBirth);
		}
		if (patient.sex !== undefined) {
			await this.field('Sex assigned at birth').selectOption({ label: patient.sex });
		}
		if (patient.mobile !== undefined) await this.field('Mobile phone').fill(patient.mobile);
	}

	async save(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Save' }).click();
	}

	/** The Vitals history table's rows, newest first. */
	get vitalsRows(): Locator {
		return this.page.getByRole('table', { name: 'Vitals history' }).locator('tbody tr');
	}

	/** Opens Record vitals in imperial units and fills in the given boxes (does not save). */
	async fillNewVitals(values: Record<string, string>): Promise<void> {
		await this.page.getByRole('button', { name: 'Record vitals' }).click();
		await this.page.getByRole('dialog', { name: 'Record vitals' }).waitFor();
		await this.dialog.getByLabel('Imperial (°F, ft/in, lb)').check();
		for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
	}
}

/** One patient's chart: header, Demographics and Insurance. */
export class ChartPage {
	readonly header: Locator;
	readonly policies: Locator;
	readonly dialog: Locator;

	constructor(readonly page: Page) {
		this.header = page.getByRole('main').locator('.page-header');
		this.policies = page.getByRole('list', { name: 'Insurance policies' }).getByRole('listitem');
		this.dialog = page.getByRole('dialog');
	}

	field(label: string): Locator {
		return this.dialog.getByLabel(label, { exact: true });
	}

	fieldError(label: string): Promise<Locator> {
		return errorOf(this.field(label));
	}

	/** Opens Add policy and fills it in (does not save). */
	async fillNewPolicy(policy: PolicyDetails): Promise<void> {
		await this.page.getByRole('button', { name: 'Add policy' }).click();
		await this.page.getByRole('dialog', { name: 'Add insurance policy' }).waitFor();
		await this.field('Insurance company (payer)').fill(policy.payer);
		await this.field('Plan name').fill(policy.plan);
		await this.field('Member ID').fill(policy.memberId);
		if (policy.group) await this.field('Group number (optional)').fill(policy.group);
	}

	async save(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Save' }).click();
	}

	/** The Vitals history table's rows, newest first. */
	get vitalsRows(): Locator {
		return this.page.getByRole('table', { name: 'Vitals history' }).locator('tbody tr');
	}

	/** Opens Record vitals in imperial units and fills in the given boxes (does not save). */
	async fillNewVitals(values: Record<string, string>): Promise<void> {
		await this.page.getByRole('button', { name: 'Record vitals' }).click();
		await this.page.getByRole('dialog', { name: 'Record vitals' }).waitFor();
		await this.dialog.getByLabel('Imperial (°F, ft/in, lb)').check();
		for (const [label, value] of Object.entries(values)) await this.field(label).fill(value);
	}
}
