import type { Locator, Page } from '@playwright/test';
import { errorOf } from './fields';
import { Shell } from './shell';

/** A staff member as the Add / Edit staff member form takes it; unset fields are left alone. */
export interface StaffMemberDetails {
	firstName?: string;
	lastName?: string;
	preferredName?: string;
	/** The role as the select shows it, e.g. 'Physician'. */
	role?: string;
	credentials?: string;
	npi?: string;
	email?: string;
	phone?: string;
	notes?: string;
}

const LABELS: Record<Exclude<keyof StaffMemberDetails, 'role'>, string> = {
	firstName: 'First name',
	lastName: 'Last name',
	preferredName: 'Preferred name (optional)',
	credentials: 'Credentials (optional)',
	npi: 'NPI (optional)',
	email: 'Email (optional)',
	phone: 'Phone (optional)',
	notes: 'Notes (optional)'
};

/** Directory › Staff: the list, its search and filters, and the Add / Edit dialog. */
export class StaffPage {
	readonly heading: Locator;
	readonly addButton: Locator;
	readonly list: Locator;
	readonly rows: Locator;
	readonly searchBox: Locator;
	readonly showInactive: Locator;
	/** "N people on file": everyone, active or not. */
	readonly total: Locator;
	readonly dialog: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Staff' });
		this.addButton = page.getByRole('button', { name: 'Add staff member' });
		this.list = page.getByRole('list', { name: 'Staff' });
		this.rows = this.list.getByRole('listitem');
		this.searchBox = page.getByLabel('Search staff');
		this.showInactive = page.getByLabel('Show inactive');
		this.total = page.getByText(/^\d+ (person|people) on file$/);
		this.dialog = page.getByRole('dialog');
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('Staff');
	}

	/** The names shown in the list, as displayed (preferred name, credentials), in order. */
	displayNames(): Promise<string[]> {
		return this.rows.locator('.name').allTextContents();
	}

	/** The list row whose text contains `name`. */
	row(name: string): Locator {
		return this.rows.filter({ hasText: name });
	}

	/** A field of the open Add / Edit dialog, by its label. */
	field(label: string): Locator {
		return this.dialog.getByLabel(label, { exact: true });
	}

	/** The error message under a field of the open dialog. */
	fieldError(label: string): Promise<Locator> {
		return errorOf(this.field(label));
	}

	async startAdding(): Promise<void> {
		await this.addButton.click();
		await this.page.getByRole('dialog', { name: 'Add staff member' }).waitFor();
	}

	/** Fills the open dialog with the given fields. */
	async fillForm(member: StaffMemberDetails): Promise<void> {
		for (const [key, label] of Object.entries(LABELS)) {
			const value = member[key as keyof typeof LABELS];
			if (value !== undefined) await this.field(label).fill(value);
		}
		if (member.role !== undefined) await this.field('Role').selectOption({ label: member.role });
	}

	/** Presses Save in the open dialog (the dialog stays open when a field is wrong). */
	async save(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Save' }).click();
	}

	async cancel(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Cancel' }).click();
		await this.dialog.waitFor({ state: 'hidden' });
	}

	/** Adds a staff member; resolves once the dialog has closed. */
	async add(member: StaffMemberDetails): Promise<void> {
		await this.startAdding();
		await this.fillForm({ role: 'Medical assistant', ...member });
		await this.save();
		await this.dialog.waitFor({ state: 'hidden' });
	}

	/** Opens a person's record from the list. */
	async open(name: string): Promise<void> {
		await this.row(name).getByRole('button').click();
		await this.page.getByRole('dialog', { name: 'Edit staff member' }).waitFor();
	}

	/** Changes fields of a person's record and saves. */
	async edit(name: string, changes: StaffMemberDetails): Promise<void> {
		await this.open(name);
		await this.fillForm(changes);
		await this.save();
		await this.dialog.waitFor({ state: 'hidden' });
	}

	async deactivate(name: string): Promise<void> {
		await this.open(name);
		await this.dialog.getByRole('button', { name: 'Deactivate' }).click();
		await this.dialog.waitFor({ state: 'hidden' });
	}

	async search(text: string): Promise<void> {
		await this.searchBox.fill(text);
	}
}
