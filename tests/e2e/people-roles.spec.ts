/**
 * People & roles on a tablet: the office manager adds a front-desk person, who then sees only
 * the screens of their role; and a device the manager removes stops receiving, while the
 * manager's device replaces the keys and re-encrypts what it stores.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE, PatientsPage, Shell, openDemoOffice, type PatientDetails } from './pages';
import { ALL_SYNCED, joinOffice, startSyncingDemoOffice, test } from './sync-helpers';

const NEWCOMER = { name: 'Jordan Reyes', passphrase: 'lanterns drift past the harbour wall' };

/** The People & roles screen (office managers only). */
class PeoplePage {
	readonly heading: Locator;
	readonly people: Locator;
	readonly dialog: Locator;
	readonly rotation: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { level: 1, name: 'People', exact: true });
		this.people = page.getByRole('list', { name: 'People who can sign in' }).getByRole('listitem');
		this.dialog = page.getByRole('dialog');
		this.rotation = page.getByTestId('rotation-status');
	}

	async goto(): Promise<void> {
		await new Shell(this.page).nav.getByRole('link', { name: 'People', exact: true }).click();
		await this.heading.waitFor();
	}

	/** Adds a person by typing their name; the "new person" types their passphrase. */
	async add(name: string, role: string, passphrase: string): Promise<void> {
		await this.page.getByRole('button', { name: 'Add a person' }).click();
		await this.dialog.getByLabel('Name', { exact: true }).fill(name);
		await this.dialog.getByRole('checkbox', { name: role, exact: true }).check();
		await this.dialog.getByRole('button', { name: 'Next' }).click();
		// The device is handed over: the new person chooses their passphrase
		await expect(
			this.dialog.getByRole('heading', { name: `Hand the device to ${name}` })
		).toBeVisible();
		await this.dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
		await this.dialog.getByLabel('Passphrase again').fill(passphrase);
		await this.dialog.getByRole('button', { name: `Add ${name}` }).click();
		await this.dialog.waitFor({ state: 'hidden' });
	}
}

/** On the Sign in screen: chooses the person (when a list shows) and enters their passphrase. */
async function signIn(page: Page, who: RegExp, passphrase: string): Promise<void> {
	await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
	const choice = page.getByRole('button', { name: who });
	const passphraseField = page.getByLabel('Passphrase', { exact: true });
	await expect(choice.or(passphraseField).first()).toBeVisible();
	if (await choice.isVisible()) await choice.click();
	await passphraseField.fill(passphrase);
	await page.getByRole('button', { name: 'Unlock' }).click();
	await new Shell(page).nav.waitFor();
}

async function register(page: Page, patient: PatientDetails): Promise<void> {
	const patients = new PatientsPage(page);
	await patients.goto();
	await patients.startRegistering();
	await patients.fillForm(patient);
	await patients.save();
	await expect(page.getByRole('main').locator('.page-header')).toContainText(
		`${patient.lastName}, ${patient.firstName}`
	);
}

test('a front-desk person added by the manager sees only the screens of their role', async ({
	page
}, testInfo) => {
	test.setTimeout(120_000);
	await openDemoOffice(page);
	const people = new PeoplePage(page);
	await people.goto();

	// The manager adds a front-desk person, who types their own passphrase
	await people.add(NEWCOMER.name, 'Front desk', NEWCOMER.passphrase);
	await expect(page.getByRole('status').filter({ hasText: 'can now sign in' })).toContainText(
		`${NEWCOMER.name} can now sign in`
	);
	const row = people.people.filter({ hasText: NEWCOMER.name });
	await expect(row).toContainText('Front desk');
	await expect(row).toContainText('Can sign in');
	await expect(people.people.filter({ hasText: '(you)' })).toContainText('Office manager');

	// Changing roles says what the person would gain and lose before anything is saved
	await row.getByRole('button', { name: `Change roles of ${NEWCOMER.name}` }).click();
	await people.dialog.getByRole('checkbox', { name: 'Provider' }).check();
	await people.dialog.getByRole('checkbox', { name: 'Front desk' }).uncheck();
	await expect(people.dialog).toContainText('Will open: Charts: vitals, histories, documents.');
	await expect(people.dialog).toContainText('Will no longer open: Bills, statements and claims.');
	await expect(people.dialog).toContainText('Losing an area makes new keys');
	await people.dialog.screenshot({ path: testInfo.outputPath('change-roles.png') });
	await people.dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(row).toContainText('Front desk');

	// Screenshots at tablet and desktop size, with no sideways scrolling
	await page.screenshot({ path: testInfo.outputPath('people-tablet.png'), fullPage: true });
	expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(
		false
	);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.screenshot({ path: testInfo.outputPath('people-desktop.png'), fullPage: true });
	await page.setViewportSize({ width: 768, height: 1024 });

	// Switch person: the newcomer signs in with their passphrase
	await page.getByRole('banner').getByRole('button', { name: 'Switch person' }).click();
	await signIn(page, new RegExp(NEWCOMER.name), NEWCOMER.passphrase);
	const shell = new Shell(page);
	await expect(shell.nav.getByRole('link', { name: 'Patients' })).toBeVisible();
	await expect(shell.nav.getByRole('link', { name: 'People', exact: true })).toHaveCount(0);
	await expect(shell.nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

	// They register a patient: the chart shows registration and insurance, no vitals or history
	await register(page, {
		firstName: 'Amara',
		lastName: 'Okafor',
		dateOfBirth: '1984-03-07',
		sex: 'Female'
	});
	await expect(page.getByRole('heading', { level: 2, name: 'Insurance' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Vitals' })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Medical history' })).toHaveCount(0);

	// Typing the address of People & roles: the screen is not there for them
	await page.goto('/people');
	await signIn(page, new RegExp(NEWCOMER.name), NEWCOMER.passphrase);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Not part of your role' })
	).toBeVisible();
	await expect(people.heading).toHaveCount(0);

	// The manager turns the newcomer's sign-in off: new keys, and they are no longer offered
	await page.getByRole('banner').getByRole('button', { name: 'Switch person' }).click();
	await signIn(page, /Office manager/, DEMO_PASSPHRASE);
	await expect(people.heading).toBeVisible();
	await row.getByRole('button', { name: `Turn sign-in off for ${NEWCOMER.name}` }).click();
	const confirm = page.getByRole('dialog', { name: `Turn ${NEWCOMER.name}’s sign-in off?` });
	await expect(confirm).toContainText(`${NEWCOMER.name} will be signed out everywhere`);
	await confirm.getByRole('button', { name: 'Turn sign-in off' }).click();
	await expect(row).toContainText('Sign-in off');
	await expect(people.rotation).toContainText(/Done: [1-9]\d* documents? re-encrypted/);
	await page.getByRole('banner').getByRole('button', { name: 'Switch person' }).click();
	await expect(page.getByRole('heading', { name: 'Who is signing in?' })).toBeVisible();
	await expect(page.getByRole('button', { name: new RegExp(NEWCOMER.name) })).toHaveCount(0);
});

test('a removed device stops receiving, and the manager’s device re-encrypts', async ({
	newDevice
}, testInfo) => {
	test.setTimeout(240_000);
	const a = await newDevice();
	const b = await newDevice();
	const { sync } = await startSyncingDemoOffice(a);
	await joinOffice(a, b);
	await sync.goto();
	await expect(sync.otherDevices).toHaveCount(1);
	await expect(sync.otherDevices.first()).toContainText('Enrolled at the sync server');

	// A removes B: the relay refuses B, and A replaces every area's keys
	await sync.remove(sync.otherDevices.first());
	await expect(sync.otherDevices.first()).toContainText('Removed');
	const statusB = new Shell(b).status;
	await expect(statusB).toContainText('Sync refused');
	await expect(statusB).toContainText('This device was removed from the office');

	// A shows the re-encryption until it is done, from any screen
	const rotation = new PeoplePage(a).rotation;
	await expect(rotation).toBeVisible();
	await expect(rotation).toContainText(/Done: [1-9]\d* documents? re-encrypted/, {
		timeout: 150_000
	});

	await a
		.getByRole('region', { name: 'New keys' })
		.screenshot({ path: testInfo.outputPath('rotation-done.png') });

	// A registers a patient afterwards: B never gets it
	await register(a, {
		firstName: 'Ines',
		lastName: 'Afterward',
		dateOfBirth: '1990-04-02',
		sex: 'Female'
	});
	await expect(new Shell(a).status).toContainText(ALL_SYNCED);
	const patientsB = new PatientsPage(b);
	await patientsB.goto();
	await patientsB.search('Afterward');
	await b.waitForTimeout(3_000);
	await expect(patientsB.rows.filter({ hasText: 'Afterward' })).toHaveCount(0);
	await expect(statusB).toContainText('Sync refused');
});
