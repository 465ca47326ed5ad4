import { expect, test } from '@playwright/test';
import { ChartPage, PatientsPage, UnlockPage, createOffice } from './pages';

test('a patient registered with insurance is found without accents and kept after a reload', async ({
	page
}) => {
	const office = await createOffice(page);
	const patients = new PatientsPage(page);
	const chart = new ChartPage(page);
	await patients.goto();

	// Register: the chart opens with the first MRN
	await patients.startRegistering();
	await patients.fillForm({
		firstName: 'Zoë',
		lastName: 'Ñúñez-Ortíz',
		dateOfBirth: '1979-11-23',
		sex: 'Female',
		mobile: '217 555 0188'
	});
	await patients.save();
	await expect(chart.header).toContainText('Ñúñez-Ortíz, Zoë');
	await expect(chart.header).toContainText('MRN P0000018');

	// A primary policy; a member ID with a space is refused on its field first
	await chart.fillNewPolicy({ payer: 'Aetna', plan: 'Open Access', memberId: 'W12 3456' });
	await chart.save();
	await expect(await chart.fieldError('Member ID')).toHaveText(
		'Enter the member ID without spaces.'
	);
	await chart.field('Member ID').fill('W123456789');
	await chart.save();
	await expect(chart.dialog).toBeHidden();
	await expect(chart.policies).toHaveCount(1);
	await expect(chart.policies.first()).toContainText('Primary');
	await expect(chart.policies.first()).toContainText('W123456789');

	// Find her from the list by typing part of the name without accents
	await page.getByRole('link', { name: '← Patients' }).click();
	await patients.search('nunez zo');
	await expect(patients.rows).toHaveCount(1);
	await expect(patients.count).toHaveText('1 of 1 patients');
	await expect(patients.row('Ñúñez-Ortíz, Zoë')).toContainText('P0000018');
	await patients.row('Ñúñez-Ortíz').getByRole('link').click();
	await expect(chart.header).toContainText('MRN P0000018');

	// A reload locks the office; signing in lands back on the chart, still there
	await page.reload();
	await new UnlockPage(page).unlock(office.passphrase);
	await expect(chart.header).toContainText('Ñúñez-Ortíz, Zoë');
	await expect(chart.policies).toHaveCount(1);
	await expect(page.getByText('(217) 555-0188 (mobile)')).toBeVisible();
});

test('a likely duplicate is flagged and nothing is saved until Register anyway', async ({
	page
}) => {
	await createOffice(page);
	const patients = new PatientsPage(page);
	const chart = new ChartPage(page);
	await patients.goto();
	await patients.startRegistering();
	await patients.fillForm({
		firstName: 'María',
		lastName: 'García',
		dateOfBirth: '1984-03-07',
		sex: 'Female'
	});
	await patients.save();
	await expect(chart.header).toContainText('MRN P0000018');
	await page.getByRole('link', { name: '← Patients' }).click();

	// Same birth date, name without accents: warned, not saved
	await patients.startRegistering();
	await patients.fillForm({
		firstName: 'Maria',
		lastName: 'Garcia',
		dateOfBirth: '1984-03-07',
		sex: 'Female'
	});
	await patients.save();
	await expect(patients.duplicateWarning).toContainText(
		'Possible duplicate: García, María, born 1984-03-07, MRN P0000018 — same date of birth'
	);
	await expect(page.getByText('1 patient on file')).toBeVisible();

	// Register anyway: a second record with the next MRN
	await patients.dialog.getByRole('button', { name: 'Register anyway' }).click();
	await expect(chart.header).toContainText('MRN P0000026');
	await page.getByRole('link', { name: '← Patients' }).click();
	await expect(page.getByText('2 patients on file')).toBeVisible();
});
