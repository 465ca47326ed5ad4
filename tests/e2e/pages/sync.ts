import type { Locator, Page } from '@playwright/test';
import { Shell } from './shell';
import { UnlockPage } from './unlock';

export const WRONG_CODE_MESSAGE = 'That code is not right or has expired.';

/** This device › Sync: turning sync on, Sync now, Add a device and the office's devices. */
export class SyncSection {
	readonly section: Locator;
	readonly relayAddress: Locator;
	readonly turnOnButton: Locator;
	readonly syncNowButton: Locator;
	readonly addDeviceButton: Locator;
	/** The sync status in a sentence, shown once sync is on. */
	readonly detail: Locator;
	/** The office's devices, this one first: "Chrome on Linux · This device · Added by …". */
	readonly devices: Locator;
	/** The office's other devices: "Chrome on Linux · Added by … · Enrolled … [Remove …]". */
	readonly otherDevices: Locator;

	constructor(readonly page: Page) {
		this.section = page.getByRole('region', { name: 'Sync' });
		this.relayAddress = this.section.getByLabel('Relay address');
		this.turnOnButton = this.section.getByRole('button', { name: 'Turn on sync' });
		this.syncNowButton = this.section.getByRole('button', { name: 'Sync now' });
		this.addDeviceButton = this.section.getByRole('button', { name: 'Add a device' });
		this.detail = this.section.getByTestId('sync-detail');
		this.devices = this.section
			.getByRole('list', { name: 'Devices of this office' })
			.getByRole('listitem');
		this.otherDevices = this.devices.filter({
			hasNot: page.getByText('This device', { exact: true })
		});
	}

	async goto(): Promise<void> {
		await new Shell(this.page).go('This device');
	}

	/** Turns sync on, with the relay address shown (the app's own /sync) unless one is given. */
	async turnOn(relayAddress?: string): Promise<void> {
		if (relayAddress !== undefined) await this.relayAddress.fill(relayAddress);
		await this.turnOnButton.click();
		await this.syncNowButton.waitFor();
	}

	/** Opens Add a device; resolves with the pairing code it shows. */
	async addDevice(): Promise<AddDeviceDialog> {
		await this.addDeviceButton.click();
		const dialog = new AddDeviceDialog(this.page);
		await dialog.code.waitFor();
		return dialog;
	}

	/** Removes a device from the office, saying yes to the browser's confirmation. */
	async remove(device: Locator): Promise<void> {
		this.page.once('dialog', (confirm) => void confirm.accept());
		await device.getByRole('button', { name: 'Remove' }).click();
	}
}

/** The Add a device dialog on the device that has the office: the pairing host. */
export class AddDeviceDialog {
	readonly dialog: Locator;
	/** The code to type on the new device, e.g. 7KQ2M-XD4PA. */
	readonly code: Locator;
	/** The check code both screens show once the new device has the right code. */
	readonly checkCode: Locator;
	readonly confirmButton: Locator;
	readonly added: Locator;

	constructor(readonly page: Page) {
		this.dialog = page.getByRole('dialog', { name: 'Add a device' });
		this.code = this.dialog.getByTestId('pairing-code');
		this.checkCode = this.dialog.getByTestId('check-code');
		this.confirmButton = this.dialog.getByRole('button', {
			name: 'The codes match — add the device'
		});
		this.added = this.dialog.getByRole('status').filter({ hasText: 'The device was added.' });
	}

	async readCode(): Promise<string> {
		return (await this.code.innerText()).trim();
	}

	/** Confirms that the check codes match; resolves once the device was added. */
	async confirm(): Promise<void> {
		await this.confirmButton.click();
		await this.added.waitFor();
	}

	async close(): Promise<void> {
		await this.dialog.getByRole('button', { name: 'Done' }).click();
		await this.dialog.waitFor({ state: 'hidden' });
	}
}

/** Welcome › Join an existing office, on the new device. */
export class JoinForm {
	readonly heading: Locator;
	readonly code: Locator;
	readonly relayAddress: Locator;
	readonly joinButton: Locator;
	/** The check code to compare with the other device's. */
	readonly checkCode: Locator;
	readonly error: Locator;

	constructor(readonly page: Page) {
		this.heading = page.getByRole('heading', { name: 'Join an existing office' });
		this.code = page.getByLabel('Code from the other device');
		this.relayAddress = page.getByLabel('Relay address');
		this.joinButton = page.getByRole('button', { name: 'Join', exact: true });
		this.checkCode = page.getByTestId('check-code');
		this.error = page.getByRole('alert');
	}

	/** From the Welcome screen: Join an existing office. */
	async open(): Promise<void> {
		await this.page.getByRole('button', { name: 'Join an existing office' }).click();
		await this.code.waitFor();
	}

	/** Enters the code (and the relay address, if given) and presses Join. */
	async join(code: string, relayAddress?: string): Promise<void> {
		await this.code.fill(code);
		if (relayAddress !== undefined) await this.relayAddress.fill(relayAddress);
		await this.joinButton.click();
	}

	/** Resolves once pairing finished and the Sign in screen shows. */
	async waitForSignIn(): Promise<UnlockPage> {
		const unlock = new UnlockPage(this.page);
		await unlock.heading.waitFor();
		return unlock;
	}
}
