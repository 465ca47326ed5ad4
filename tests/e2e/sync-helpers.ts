/**
 * Devices of one office syncing through the relay, for the sync specs: a fixture that opens each
 * device in its own browser context, and the steps that turn sync on and pair a device by the UI.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import {
	DEMO_PASSPHRASE,
	JoinForm,
	Shell,
	StaffPage,
	SyncSection,
	WelcomePage,
	openDemoOffice
} from './pages';

/** The status indicator once the device is connected and in step. */
export const SYNCED = /Synced · last synced/;
export const ALL_SYNCED = 'Every change is synced';

// Each device is its own browser context: its own IndexedDB, keys and sync connection.
export const test = base.extend<{ newDevice: () => Promise<Page> }>({
	newDevice: async ({ browser }, use) => {
		const contexts: BrowserContext[] = [];
		await use(async () => {
			const context = await browser.newContext();
			contexts.push(context);
			return context.newPage();
		});
		for (const context of contexts) await context.close();
	}
});

/** Device A opens the demo office and turns sync on; resolves with its "N people on file". */
export async function startSyncingDemoOffice(
	a: Page
): Promise<{ sync: SyncSection; staff: string }> {
	await openDemoOffice(a);
	const staff = await new StaffPage(a).total.innerText();
	const sync = new SyncSection(a);
	await sync.goto();
	await sync.turnOn();
	await expect(new Shell(a).status).toContainText(SYNCED);
	return { sync, staff };
}

/**
 * The host (a syncing, signed-in device) adds the new device through the UI, and the new device
 * signs in with `passphrase` (the demo office's unless given); resolves once it shows the office.
 */
export async function joinOffice(
	host: Page,
	joiner: Page,
	passphrase = DEMO_PASSPHRASE
): Promise<void> {
	// The host shows a code; the new device types it
	const sync = new SyncSection(host);
	await sync.goto();
	const dialog = await sync.addDevice();
	const code = await dialog.readCode();
	await new WelcomePage(joiner).goto();
	const join = new JoinForm(joiner);
	await join.open();
	await join.join(code);

	// Both screens show the same check code; the host confirms
	const checkCode = (await join.checkCode.innerText()).trim();
	expect(checkCode).not.toBe('');
	await expect(dialog.checkCode).toHaveText(checkCode);
	await dialog.confirm();
	await dialog.close();

	// The new device now has the office: sign in with its passphrase
	const unlock = await join.waitForSignIn();
	await unlock.unlock(passphrase);
}

/** A opens the demo office and syncs it; B joins it and signs in. Resolves with A's staff total. */
export async function pair(a: Page, b: Page): Promise<string> {
	const { sync, staff } = await startSyncingDemoOffice(a);
	await joinOffice(a, b);
	await expect(sync.otherDevices).toHaveCount(1);
	await expect(sync.otherDevices.first()).toContainText('Enrolled at the sync server');
	return staff;
}
