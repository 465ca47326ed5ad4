import type { Download, Locator, Page } from '@playwright/test';
import { Shell } from './shell';

/** This device › Backup and Recovery sheet sections. */
export class BackupSections {
	readonly backup: Locator;
	readonly recovery: Locator;

	constructor(readonly page: Page) {
		this.backup = page.getByRole('region', { name: 'Backup', exact: true });
		this.recovery = page.getByRole('region', { name: 'Recovery sheet' });
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('This device');
	}

	/** Backs up with the passphrase; resolves with the downloaded file. */
	async backUp(passphrase: string): Promise<Download> {
		await this.backup.getByLabel('Your passphrase').fill(passphrase);
		const download = this.page.waitForEvent('download');
		await this.backup.getByRole('button', { name: 'Back up now' }).click();
		return download;
	}

	/** Makes a recovery sheet; resolves with the key the sheet shows. */
	async makeRecoverySheet(passphrase: string): Promise<string> {
		await this.recovery.getByLabel('Your passphrase').fill(passphrase);
		await this.recovery.getByRole('button', { name: /recovery sheet/ }).click();
		const key = this.page.getByTestId('recovery-key');
		await key.waitFor();
		return (await key.locator('span').allTextContents()).join('-');
	}
}

/** The Restore from a backup form on the welcome screen. */
export class RestoreForm {
	readonly form: Locator;

	constructor(readonly page: Page) {
		this.form = page.getByRole('form', { name: 'Restore from a backup' });
	}

	async open(): Promise<void> {
		await this.page.goto('/');
		await this.page.getByRole('button', { name: 'Restore from a backup' }).click();
		await this.form.waitFor();
	}

	async choose(file: string): Promise<void> {
		await this.form.getByLabel('Backup file').setInputFiles(file);
		await this.form.getByText('A backup made on').waitFor();
	}

	async restore(passphrase: string): Promise<void> {
		await this.form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
		await this.form.getByRole('button', { name: 'Restore office' }).click();
	}
}

/** Forgot your passphrase? on the sign-in screen. */
export async function recoverWithKey(page: Page, key: string, passphrase: string): Promise<void> {
	await page.getByRole('button', { name: 'Forgot your passphrase? Use your recovery key' }).click();
	await page.getByLabel('Recovery key', { exact: true }).fill(key);
	await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
	await page.getByLabel('New passphrase again').fill(passphrase);
	await page.getByRole('button', { name: 'Set new passphrase and sign in' }).click();
}
