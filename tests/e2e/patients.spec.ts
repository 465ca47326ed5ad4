import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ChartPage, PatientsPage, UnlockPage, createOffice, openDemoOffice } from './pages';

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

test('vitals recorded in imperial units are charted, flagged and exported as FHIR', async ({
	page
}) => {
	await openDemoOffice(page);
	const patients = new PatientsPage(page);
	const chart = new ChartPage(page);
	await patients.goto();

	// A demo patient who already has a few sets on file
	await patients.search('minh macdonald');
	await patients.row('1963-01-16').getByRole('link').first().click();
	await expect(chart.header).toContainText('MacDonald, Minh');
	await expect(chart.vitalsRows.first()).toBeVisible();
	const before = await chart.vitalsRows.count();

	// An impossible temperature is refused on its field
	await chart.fillNewVitals({ 'Temperature (°F)': '120', 'Pulse (beats/min)': '72' });
	await chart.save();
	await expect(await chart.fieldError('Temperature (°F)')).toContainText('°F');

	// Corrected, the set is saved and shown first, blood pressure flagged as high in words
	await chart.field('Temperature (°F)').fill('98.6');
	await chart.field('Systolic (mm Hg)').fill('150');
	await chart.field('Diastolic (mm Hg)').fill('95');
	await chart.field('Height (ft)').fill('5');
	await chart.field('Height (in)').fill('6');
	await chart.field('Weight (lb)').fill('150');
	await expect(chart.dialog.getByText('BMI: 24.2 kg/m²')).toBeVisible();
	await chart.save();
	await expect(chart.dialog).toBeHidden();
	await expect(chart.vitalsRows).toHaveCount(before + 1);
	const newest = chart.vitalsRows.first();
	await expect(newest).toContainText('150/95 mm Hg');
	await expect(newest).toContainText('High');
	await expect(newest).toContainText('5 ft 6 in');
	await expect(newest).toContainText('150 lb');
	await expect(newest).toContainText('98.6 °F');
	await expect(newest).toContainText('72 beats/min');
	await page.setViewportSize({ width: 768, height: 1024 });
	await page.getByRole('heading', { name: 'Vitals' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/vitals-chart.png', fullPage: true });

	// Export downloads a FHIR Bundle with the systolic pressure coded in LOINC
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export vitals (FHIR)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^vitals-P\d+\.json$/);
	const bundle = JSON.parse(await readFile(await file.path(), 'utf8')) as {
		resourceType: string;
		entry: unknown[];
	};
	expect(bundle.resourceType).toBe('Bundle');
	expect(JSON.stringify(bundle.entry)).toContain('"8480-6"');
});
