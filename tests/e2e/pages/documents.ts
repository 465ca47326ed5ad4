import type { Locator, Page } from '@playwright/test';

/** A file as Playwright sets it on an input: a path, or bytes with a name. */
export type FileToAttach = string | { name: string; mimeType: string; buffer: Buffer };

/** The chart's Documents section: the two file buttons, the list, and its dialogs. */
export class DocumentsSection {
	readonly section: Locator;
	readonly rows: Locator;
	readonly addDialog: Locator;
	readonly viewer: Locator;

	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Documents' });
		this.rows = page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
		this.addDialog = page.getByRole('dialog', { name: 'Add document' });
		this.viewer = page
			.getByRole('dialog')
			.filter({ has: page.getByRole('link', { name: 'Download' }) });
	}

	row(text: string): Locator {
		return this.rows.filter({ hasText: text });
	}

	/** Chooses a file with "Choose file" (the photo button works the same, with the camera). */
	async choose(file: FileToAttach): Promise<void> {
		await this.section.getByLabel('Choose file').setInputFiles(file);
		await this.addDialog.waitFor();
	}

	/** Fills the Add document dialog and saves; resolves once it has closed. */
	async describeAndSave(kind: string, title?: string): Promise<void> {
		await this.addDialog.getByLabel('Kind of document').selectOption({ label: kind });
		if (title !== undefined) await this.addDialog.getByLabel('Title').fill(title);
		await this.addDialog.getByRole('button', { name: 'Save document' }).click();
		await this.addDialog.waitFor({ state: 'hidden' });
	}

	/** Opens a listed document in the viewer. */
	async open(title: string): Promise<void> {
		await this.section.getByRole('button', { name: title, exact: true }).click();
		await this.page.getByRole('dialog', { name: title }).waitFor();
	}

	/** Whether an <img> has decoded (a broken or revoked object URL has no natural width). */
	static async decoded(image: Locator): Promise<boolean> {
		return image.evaluate((element) => (element as HTMLImageElement).naturalWidth > 0);
	}
}
