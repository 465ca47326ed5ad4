import { expect, test } from '@playwright/test';
import { ChartPage, PatientsPage, Shell, UnlockPage, VALID_OFFICE, WelcomePage } from './pages';
import { DocumentsSection } from './pages/documents';

const PNG = 'tests/fixtures/insurance-card.png';
const PDF = 'tests/fixtures/referral-letter.pdf';
const SHOTS = 'test-results/patient-documents';

/** A PDF header followed by zeros: 16 MB, over the 15 MB limit. */
function oversizedPdf() {
	const buffer = Buffer.alloc(16 * 1024 * 1024);
	buffer.write('%PDF-1.7\n');
	return { name: 'whole-chart-scan.pdf', mimeType: 'application/pdf', buffer };
}

test('documents are attached, listed, viewed and still shown offline; a too-large file adds nothing', async ({
	page,
	context
}) => {
	// A service worker in control first, so that the app opens with no network later
	const welcome = new WelcomePage(page);
	await welcome.goto();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await welcome.heading.waitFor();
	await welcome.createOffice(VALID_OFFICE);

	// Register a patient: the chart opens
	const patients = new PatientsPage(page);
	const chart = new ChartPage(page);
	await patients.goto();
	await patients.startRegistering();
	await patients.fillForm({
		firstName: 'Amara',
		lastName: 'Okafor',
		dateOfBirth: '1988-04-09',
		sex: 'Female'
	});
	await patients.save();
	await expect(chart.header).toContainText('Okafor, Amara');

	// A PNG and a PDF, each described before it is saved
	const documents = new DocumentsSection(page);
	await expect(documents.section).toContainText('No documents on file.');
	await documents.choose(PNG);
	await expect(documents.addDialog.getByRole('img', { name: 'What will be stored' })).toBeVisible();
	await documents.describeAndSave('ID (driver’s licence, passport)', 'Driver licence');
	await documents.choose(PDF);
	await page.screenshot({ path: `${SHOTS}/add-dialog.png` });
	await documents.describeAndSave('Referral letter');
	await expect(documents.rows).toHaveCount(2);
	await expect(documents.row('Referral letter')).toContainText('1 page');
	await expect(documents.row('Referral letter')).toContainText('added by you');
	await expect(documents.row('Driver licence')).toContainText('320 × 200');
	await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });

	// The viewer shows the image, and the PDF with a download button
	await documents.open('Driver licence');
	const photo = page.getByRole('dialog').getByRole('img', { name: 'Driver licence' });
	await expect(photo).toBeVisible();
	expect(await DocumentsSection.decoded(photo)).toBe(true);
	await page.screenshot({ path: `${SHOTS}/viewer-image.png` });
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
	await documents.open('Referral letter');
	// Inline where the browser has a PDF viewer, else a word about Download
	const pdfView = page.locator('dialog[open] object[type="application/pdf"]');
	const noViewer = page.getByText('cannot show PDFs inside the app');
	await expect(pdfView.or(noViewer).first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Download' })).toHaveAttribute(
		'download',
		'Referral letter.pdf'
	);
	await page.screenshot({ path: `${SHOTS}/viewer-pdf.png` });
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

	// Too large: the size, the limit and what to do; nothing is added
	await documents.choose(oversizedPdf());
	await expect(documents.addDialog.getByRole('alert')).toHaveText(
		'This PDF is 16 MB; the limit is 15 MB. Scan at a lower resolution or split it.'
	);
	await page.screenshot({ path: `${SHOTS}/too-large.png` });
	await documents.addDialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(documents.rows).toHaveCount(2);

	// A card photo on an insurance policy shows as a thumbnail there
	await chart.fillNewPolicy({ payer: 'Aetna', plan: 'Open Access', memberId: 'W123456789' });
	await chart.save();
	await expect(chart.policies).toHaveCount(1);
	await chart.policies.first().getByLabel('Card front photo for Aetna').setInputFiles(PNG);
	const cardFront = page.getByRole('button', { name: 'View card front of Aetna' });
	await expect(cardFront).toBeVisible();
	await expect(documents.rows).toHaveCount(3);
	await page.screenshot({ path: `${SHOTS}/insurance-card.png`, fullPage: true });

	// Offline, reload, sign in: the chart's image is read from this device
	const shell = new Shell(page);
	await context.setOffline(true);
	await expect(shell.status).toContainText('Offline');
	const reloaded = await page.reload();
	expect(reloaded?.fromServiceWorker()).toBe(true);
	await new UnlockPage(page).unlock(VALID_OFFICE.passphrase);
	await expect(chart.header).toContainText('Okafor, Amara');
	const thumbnail = documents.row('Driver licence').locator('img');
	await expect(thumbnail).toBeVisible();
	expect(await DocumentsSection.decoded(thumbnail)).toBe(true);
	await documents.open('Driver licence');
	expect(await DocumentsSection.decoded(photo)).toBe(true);
});
