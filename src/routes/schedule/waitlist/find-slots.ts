/**
 * "Find a slot" for a waitlist entry: opens the months ahead (up to 90 days) and asks
 * next-available for the first free slots of the entry's type, provider (or any) and patient,
 * on the entry's preferred days and times unless asked to search without them.
 */
import type { Workspace } from '$lib/core/session/workspace';
import type { DirectoryTables } from '$lib/directory/queries';
import { listRooms } from '$lib/directory/queries';
import { nextAvailable, type Slot } from '$lib/schedule/next-available';
import {
	appointmentsIn,
	approvedTimeOff,
	asBooking,
	availabilityRules,
	monthTables,
	monthsOf,
	type ScheduleSetup,
	type WaitlistEntry
} from '$lib/schedule/queries';
import { addDays, wallTimeToInstant } from '$lib/schedule/zoned-time';
import { providersOf, todayIn } from '../setup/office-people';

export const SEARCH_DAYS = 90;

export interface FindSlotsOptions {
	/** Apply the entry's preferred days and times (default); false searches any day and time. */
	withPreferences?: boolean;
	now?: Date;
	count?: number;
}

/** The first `count` slots for the entry, from now or its earliest date, whichever is later. */
export async function findSlots(
	workspace: Workspace,
	directory: DirectoryTables,
	setup: ScheduleSetup,
	entry: WaitlistEntry,
	timeZone: string,
	{ withPreferences = true, now = new Date(), count = 6 }: FindSlotsOptions = {}
): Promise<Slot[]> {
	const type = setup.types.get(entry.typeId);
	if (!type) throw new Error('That appointment type no longer exists.');
	const today = todayIn(timeZone, now.getTime());
	const fromDate = entry.earliest > today ? entry.earliest : today;
	const from =
		fromDate === today
			? now.toISOString()
			: wallTimeToInstant({ date: fromDate, time: '00:00' }, timeZone);
	const toDate = addDays(fromDate, SEARCH_DAYS);
	const tables = await monthTables(workspace, monthsOf(fromDate, toDate));
	const appointments = appointmentsIn(tables, fromDate, toDate, timeZone).map(asBooking);
	return nextAvailable({
		from,
		minutes: type.minutes,
		roomNeed: type.roomNeed,
		providerIds: entry.providerId ? [entry.providerId] : providersOf(directory).map((p) => p.id),
		rooms: listRooms(directory).filter((r) => r.status !== 'out-of-service'),
		rules: availabilityRules(setup),
		timeOff: approvedTimeOff(setup),
		appointments,
		timeZone,
		patientId: entry.patientId,
		preferences: withPreferences
			? { preferredDays: entry.preferredDays, preferredTimes: entry.preferredTimes }
			: {},
		count,
		days: SEARCH_DAYS + 1
	});
}
