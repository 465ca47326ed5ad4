/**
 * A fresh office for schedule tests (see core/test-support/area-office.ts), and ids for the
 * people, rooms and types the tests book with.
 */
import { ulid } from 'ulid';
import { createAreaOffice, type AreaOffice } from '$lib/core/test-support/area-office';

export { TEST_NOW, TEST_PERIOD } from '$lib/core/test-support/area-office';

export const NEW_YORK = 'America/New_York';

export function createScheduleOffice(): Promise<AreaOffice> {
	return createAreaOffice(['schedule', 'audit'], 'four schedule herons by the weir');
}

/** Fresh ULIDs for a provider, two patients, a room and an appointment type. */
export function scheduleIds() {
	return {
		providerA: ulid(),
		providerB: ulid(),
		patient1: ulid(),
		patient2: ulid(),
		room: ulid(),
		type: ulid()
	};
}
