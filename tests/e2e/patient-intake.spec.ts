import { expect, type Page } from '@playwright/test';
import {
	ChartPage,
	PatientsPage,
	Shell,
	SyncSection,
	VALID_OFFICE,
	VitalsSection,
	createOffice,
	type PatientDetails
} from './pages';
import { ALL_SYNCED, SYNCED, joinOffice, test } from './sync-helpers';

const ADULT: PatientDetails = {
	firstName: 'Rosa',
	lastName: 'Delgado',
	dateOfBirth: '1968-09-12',
	sex: 'Female'
};

/** Registers a patient from the Patients page; resolves once the chart shows. */
async function register(page: Page, patient: PatientDetails): Promise<ChartPage> {
	const patients = new PatientsPage(page);
	await patients.goto();
	await patients.startRegistering();
	await patients.fillForm(patient);
	await patients.save();
	const chart = new ChartPage(page);
	await expect(chart.header).toContainText(`${patient.lastName}, ${patient.firstName}`);
	return chart;
}

test('vitals taken offline on one tablet reach the other with the patient and insurance', async ({
	newDevice
}) => {
	// Device A creates the office and turns sync on; device B pairs with it
	const a = await newDevice();
	const b = await newDevice();
	await createOffice(a);
	const sync = new SyncSection(a);
	await sync.goto();
	await sync.turnOn();
	const statusA = new Shell(a).status;
	await expect(statusA).toContainText(SYNCED);
	await joinOffice(a, b, VALID_OFFICE.passphrase);

	// A registers a patient with an insurance policy; it syncs
	const chartA = await register(a, ADULT);
	await chartA.fillNewPolicy({ payer: 'Aetna', plan: 'Open Access', memberId: 'W123456789' });
	await chartA.save();
	await expect(chartA.dialog).toBeHidden();
	await expect(chartA.policies).toHaveCount(1);
	await expect(statusA).toContainText(ALL_SYNCED);

	// A loses the network: the indicator says so
	await a.context().setOffline(true);
	await expect(statusA).toContainText('Offline');

	// An impossible temperature is refused with its message, in the units typed
	const vitalsA = new VitalsSection(a);
	await vitalsA.record({
		'Systolic (mm Hg)': '150',
		'Diastolic (mm Hg)': '95',
		'Pulse (beats/min)': '72',
		'Temperature (°F)': '120'
	});
	await vitalsA.save();
	await expect(await vitalsA.fieldError('Temperature (°F)')).toHaveText(
		'Temperature must be between 77 and 113 °F.'
	);

	// Corrected, the set is saved offline; the high blood pressure is flagged
	await vitalsA.fill({ 'Temperature (°F)': '98.6' });
	await vitalsA.saveAndClose();
	await expect(vitalsA.rows).toHaveCount(1);
	const setA = vitalsA.rows.first();
	await expect(setA).toContainText('150/95 mm Hg');
	await expect(setA.getByText('High', { exact: true })).toBeVisible();
	await expect(setA).toContainText('98.6 °F');

	// The vitals wait on A, counted, and nothing claims a sync
	await expect(statusA).toContainText(/Not connected · \d+ changes? not yet synced/);
	await expect(statusA).not.toContainText('Synced');

	// A is back online and sends them
	await a.context().setOffline(false);
	await expect(statusA).toContainText(SYNCED);
	await expect(statusA).toContainText(ALL_SYNCED);

	// B opens the patient's chart: the insurance and the vitals, flagged, are there
	const patientsB = new PatientsPage(b);
	await patientsB.goto();
	await patientsB.search('delgado rosa');
	await patientsB.row('Delgado, Rosa').getByRole('link').first().click();
	const chartB = new ChartPage(b);
	await expect(chartB.header).toContainText('Delgado, Rosa');
	await expect(chartB.policies).toHaveCount(1);
	await expect(chartB.policies.first()).toContainText('W123456789');
	const setB = new VitalsSection(b).rows.first();
	await expect(setB).toContainText('150/95 mm Hg');
	await expect(setB).toContainText('72 beats/min');
	await expect(setB).toContainText('98.6 °F');
	await expect(setB.getByText('High', { exact: true })).toBeVisible();
});

/** 'YYYY-MM-DDTHH:MM' one day after a datetime-local value. */
function dayAfter(local: string): string {
	return new Date(Date.parse(`${local}:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 16);
}

test('a baby is weighed in pounds and ounces, and a wrong set is corrected or struck out', async ({
	page
}) => {
	await createOffice(page);
	// Born about two months ago: head circumference and ounces are offered
	const born = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
	await register(page, { firstName: 'Mateo', lastName: 'Ibarra', dateOfBirth: born, sex: 'Male' });
	const vitals = new VitalsSection(page);

	// A time taken in the future is refused on its field
	await vitals.record({ 'Weight (lb)': '7', 'Weight (oz)': '8', 'Height (in)': '20' });
	const now = await vitals.field('Time taken').inputValue();
	await vitals.fill({ 'Time taken': dayAfter(now), 'Head circumference (in)': '14' });
	await vitals.save();
	await expect(await vitals.fieldError('Time taken')).toHaveText(
		'The time taken is in the future: check the date and time.'
	);
	await vitals.fill({ 'Time taken': now });
	await page.screenshot({ path: 'test-results/vitals-ounces-entry.png' });
	await vitals.saveAndClose();
	await expect(vitals.rows.first()).toContainText('7 lb 8 oz');
	await expect(vitals.rows.first()).toContainText('20 in');

	// A typo of the pounds is corrected: the form starts from the wrong set
	await vitals.record({ 'Weight (lb)': '75', 'Weight (oz)': '10' });
	await vitals.saveAndClose();
	await expect(vitals.rows).toHaveCount(2);
	await vitals.startCorrecting(vitals.rows.first(), 'Pounds typed as 75');
	await expect(vitals.field('Weight (oz)')).toHaveValue('10');
	await vitals.fill({ 'Weight (lb)': '7' });
	await vitals.saveAndClose();

	// Both stay on file: the wrong one struck out with its reason, the correction first
	await expect(vitals.rows).toHaveCount(3);
	const struck = vitals.rows.filter({ hasText: 'Entered in error' });
	await expect(struck).toHaveCount(1);
	await expect(struck).toContainText('75 lb 10 oz');
	await expect(struck).toContainText('Pounds typed as 75');
	await expect(struck).toContainText('by you');
	await expect(vitals.rows.first()).toContainText('7 lb 10 oz');
	await expect(vitals.rows.first()).toContainText('Correction');

	// A set recorded on the wrong chart is struck out without a replacement
	await vitals.record({ 'Temperature (°F)': '99.1' });
	await vitals.saveAndClose();
	await vitals.markInError(vitals.rows.first(), 'Wrong patient');
	await expect(vitals.rows.first()).toContainText('Entered in error');
	await expect(vitals.rows.first()).toContainText('Wrong patient');
	await expect(vitals.rows.first().getByRole('button')).toHaveCount(0);

	// The weight trend leaves the struck-out set out
	await expect(vitals.trend).toHaveAccessibleName(/7\.6 lb/);
	await expect(vitals.trend).not.toHaveAccessibleName(/75\.6 lb/);

	await vitals.section.scrollIntoViewIfNeeded();
	await vitals.section.screenshot({ path: 'test-results/vitals-entered-in-error.png' });
});
