import { expect, test } from '@playwright/test';
import { BackupSections, recoverWithKey, RestoreForm } from './pages/backup';
import { ChartPage, PatientsPage, Shell, UnlockPage, createOffice } from './pages';

const TABLET = { width: 768, height: 1024 };

test('a backup restored in a new browser brings the office back, patient included', async ({
	page,
	browser
}, testInfo) => {
	const office = await createOffice(page);
	const patients = new PatientsPage(page);
	await patients.goto();
	await patients.startRegistering();
	await patients.fillForm({
		firstName: 'Odile',
		lastName: 'Brannigan',
		dateOfBirth: '1968-05-02',
		sex: 'Female'
	});
	await patients.save();
	await expect(new ChartPage(page).header).toContainText('Brannigan, Odile');

	// Never backed up: the shell reminds; then back up from This device
	const sections = new BackupSections(page);
	await sections.goto();
	await expect(page.getByRole('complementary', { name: 'Backup reminder' })).toBeVisible();
	await expect(sections.backup.getByTestId('last-backup')).toContainText('No backup yet');
	await sections.backup.getByLabel('Your passphrase').fill('not my passphrase');
	await sections.backup.getByRole('button', { name: 'Back up now' }).click();
	await expect(sections.backup.getByText('That passphrase is not correct.')).toBeVisible();
	const download = await sections.backUp(office.passphrase);
	expect(download.suggestedFilename()).toMatch(
		/^practice-office-prairie-creek-clinic-\d{4}-\d{2}-\d{2}\.pobackup$/
	);
	const file = testInfo.outputPath(download.suggestedFilename());
	await download.saveAs(file);
	await expect(sections.backup.getByRole('status')).toContainText('Saved');
	await expect(sections.backup.getByTestId('last-backup')).toContainText('Last backup');
	await sections.backup.screenshot({ path: testInfo.outputPath('backup-section.png') });
	await page.screenshot({ path: testInfo.outputPath('device-page.png'), fullPage: true });

	// A new browser (no office): restore from the file; a wrong passphrase restores nothing
	const other = await browser.newContext({ viewport: TABLET, hasTouch: true });
	const fresh = await other.newPage();
	const restore = new RestoreForm(fresh);
	await restore.open();
	await restore.form.screenshot({ path: testInfo.outputPath('restore-form.png') });
	await restore.choose(file);
	await restore.restore('correct horse battery stable');
	await expect(restore.form.getByText('does not open this backup')).toBeVisible();
	await fresh.screenshot({ path: testInfo.outputPath('restore-screen.png'), fullPage: true });
	await restore.restore(office.passphrase);

	// Signed in on the restored office: the patient is there, sync is off with a reason
	const freshPatients = new PatientsPage(fresh);
	await fresh.getByRole('heading', { level: 1, name: 'Patients' }).waitFor({ timeout: 30_000 });
	await freshPatients.search('Brannigan');
	await expect(freshPatients.row('Brannigan, Odile')).toBeVisible();
	await new Shell(fresh).go('This device');
	await expect(fresh.getByTestId('restored-sync-note')).toBeVisible();
	await other.close();
});

test('a forgotten passphrase is replaced with the key from the recovery sheet', async ({
	page
}, testInfo) => {
	const office = await createOffice(page);
	await expect(page.getByRole('complementary', { name: 'Backup reminder' })).toContainText(
		'no recovery sheet'
	);
	const sections = new BackupSections(page);
	await sections.goto();
	const key = await sections.makeRecoverySheet(office.passphrase);
	expect(key).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
	await expect(page.getByRole('heading', { level: 1, name: office.officeName })).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('recovery-sheet.png'), fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: testInfo.outputPath('recovery-sheet-print.png'), fullPage: true });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await page.getByRole('button', { name: 'I have printed it' }).click();
	await expect(sections.recovery).toContainText('A recovery sheet exists');

	// Locked, passphrase forgotten: the recovery key (typed sloppily) sets a new one
	await new Shell(page).lock();
	const newPassphrase = 'violet kayaks drift at noon';
	await page
		.getByRole('button', { name: 'Forgot your passphrase? Use your recovery key' })
		.waitFor();
	await page.screenshot({ path: testInfo.outputPath('unlock-screen.png') });
	await recoverWithKey(page, key.toLowerCase().replace(/-/g, ' '), newPassphrase);
	await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 });

	// The new passphrase opens the office from now on; the old one no longer does
	await new Shell(page).lock();
	const unlock = new UnlockPage(page);
	await unlock.submit(office.passphrase);
	await expect(await unlock.error()).toBeVisible();
	await unlock.unlock(newPassphrase);
});
