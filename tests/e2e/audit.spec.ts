import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ChartPage, PatientsPage, createOffice } from './pages';

const SHOTS = 'test-results/audit';

/** Audit log: the chain check, the filters, the entries table and the access report. */
class AuditPage {
	readonly heading: Locator;
	readonly chainStatus: Locator;
	readonly entries: Locator;
	readonly patientSearch: Locator;
	readonly report: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'Audit log' });
		this.chainStatus = page.getByRole('region', { name: 'Log check' });
		this.entries = page
			.getByRole('table', { name: 'Audit entries, newest first' })
			.locator('tbody tr');
		this.patientSearch = page.getByLabel('Patient', { exact: true });
		this.report = page.getByRole('region', { name: 'Who saw this record' });
	}

	/** Opens the page through the navigation (a page load would lock the office). */
	async goto(): Promise<void> {
		await this.page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Audit log' })
			.click();
		await this.heading.waitFor();
	}

	entry(text: string | RegExp): Locator {
		return this.entries.filter({ hasText: text });
	}

	async choosePatient(query: string, name: string): Promise<void> {
		await this.patientSearch.fill(query);
		await this.page
			.getByRole('list', { name: 'Matching patients' })
			.getByRole('button', { name })
			.click();
	}

	/** Exports the shown entries; resolves to the file's text. */
	async exportCsv(): Promise<{ name: string; text: string }> {
		const download = this.page.waitForEvent('download');
		await this.page.getByRole('button', { name: 'Export CSV' }).click();
		const file = await download;
		return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
	}
}

test('a chart view shows in the audit log, the access report lists who opened it, and the CSV holds the rows', async ({
	page
}) => {
	await createOffice(page);
	const patients = new PatientsPage(page);
	const chart = new ChartPage(page);
	const audit = new AuditPage(page);

	// Register a patient: the chart opens (and its opening is audited)
	await patients.goto();
	await patients.startRegistering();
	await patients.fillForm({
		firstName: 'Mara',
		lastName: 'Quist',
		dateOfBirth: '1971-06-02',
		sex: 'Female'
	});
	await patients.save();
	await expect(chart.header).toContainText('Quist, Mara');
	const mrn = (await chart.header.textContent())?.match(/MRN (P\d+)/)?.[1] ?? '';
	expect(mrn).toMatch(/^P\d+$/);
	const patientLabel = `Quist, Mara (MRN ${mrn})`;

	// The log: chains intact, the chart view named by patient, by you, on this device
	await audit.goto();
	await expect(audit.chainStatus).toContainText('intact');
	const chartView = audit.entry('Chart opened');
	await expect(chartView).toHaveCount(1);
	await expect(chartView).toContainText('Viewed');
	await expect(chartView).toContainText(patientLabel);
	await expect(chartView).toContainText('You');
	await expect(chartView).toContainText('This device');
	await expect(audit.entry('Signed in').or(audit.entry('Office created')).first()).toBeVisible();
	await page.setViewportSize({ width: 768, height: 1024 });
	await page.screenshot({ path: `${SHOTS}/log-tablet.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: `${SHOTS}/log-desktop.png`, fullPage: true });
	await page.setViewportSize({ width: 768, height: 1024 });

	// Filter by the patient: only entries about her; the access report lists you
	await audit.choosePatient('quist', patientLabel);
	await expect(audit.entry('Office created')).toHaveCount(0);
	await expect(audit.entries).toHaveCount(2); // registered, chart opened
	await page.getByRole('button', { name: 'Who saw this record' }).click();
	await expect(audit.report).toContainText(patientLabel);
	const people = audit.report
		.getByRole('list', { name: 'People who accessed the record' })
		.getByRole('listitem');
	await expect(people).toHaveCount(1);
	await expect(people.first().getByRole('heading', { name: 'You' })).toBeVisible();
	await expect(people.first()).toContainText('1 viewed, 1 changed');
	await page.screenshot({ path: `${SHOTS}/report-tablet.png`, fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// Export: the filtered rows as CSV, header first, names as the table shows them
	const { name, text } = await audit.exportCsv();
	expect(name).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
	const lines = text.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe(
		'Time (UTC),Time (office),Person,Device,Action,What,Details,Reference,Check'
	);
	expect(lines.filter(Boolean)).toHaveLength(3);
	expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,"/);
	expect(lines[1]).toContain(
		`,You,This device,Viewed,"${patientLabel}",Chart opened,patients/patients/`
	);
	expect(lines[1]).toMatch(/,Verified$/);
	expect(lines[2]).toContain(`,You,This device,Created,"${patientLabel}",Patient registered,`);
	await expect(page.getByRole('status').filter({ hasText: 'saved as' })).toContainText('2 entries');

	// From the chart: "Who saw this record" opens the report for that patient
	await patients.goto();
	await patients.search('quist');
	await patients.row('Quist, Mara').getByRole('link').click();
	await page.screenshot({ path: `${SHOTS}/chart-link-tablet.png` });
	await page.getByRole('link', { name: 'Who saw this record' }).click();
	await expect(audit.report).toContainText(patientLabel);
	await expect(people.first()).toContainText('You');
	await expect(people.first()).toContainText(/[2-9] viewed/);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: `${SHOTS}/report-desktop.png`, fullPage: true });

	// No horizontal scroll at tablet width
	await page.setViewportSize({ width: 768, height: 1024 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
});
