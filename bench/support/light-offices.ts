/**
 * Many offices of lightweight devices on one relay, every device READY and subscribed: the first
 * device of each office registers it with the office manager's admin key and enrolls the others
 * (signed by that key), which then authenticate. Offices are set up a few at a time, as offices
 * come online over a morning rather than in one instant.
 */
import { createAdmin, createDevice, testId } from '../../sync-server/test-support/identity';
import type { Cleanup } from './cleanup';
import { LightDevice } from './light-device';

const OFFICES_AT_ONCE = 10;

export async function connectOffices(
	url: string,
	offices: number,
	devicesPerOffice: number,
	cleanup: Cleanup
): Promise<LightDevice[][]> {
	const connected: LightDevice[][] = [];
	const open = async (identity: ReturnType<typeof createDevice>) => {
		const device = await LightDevice.open(url, identity);
		cleanup.defer(() => device.close());
		return device;
	};
	const connectOffice = async (): Promise<LightDevice[]> => {
		const officeId = testId('office');
		const identities = Array.from({ length: devicesPerOffice }, () => createDevice(officeId));
		const admin = createAdmin();
		const first = await open(identities[0]);
		await first.register(admin);
		await first.enroll(identities.slice(1), admin);
		const others = await Promise.all(
			identities.slice(1).map(async (identity) => {
				const device = await open(identity);
				await device.auth();
				return device;
			})
		);
		const devices = [first, ...others];
		await Promise.all(devices.map((device) => device.subscribe()));
		return devices;
	};
	for (let start = 0; start < offices; start += OFFICES_AT_ONCE) {
		const batch = Math.min(OFFICES_AT_ONCE, offices - start);
		connected.push(...(await Promise.all(Array.from({ length: batch }, connectOffice))));
	}
	return connected;
}
