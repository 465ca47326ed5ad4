/**
 * "Next available": the first free slots for an appointment type, for one provider or any.
 * A slot is inside the provider's working time that day (hours less breaks, standing blocks,
 * holidays; a day change replaces the hours; approved time off taken out), clear of every booking that holds time for the
 * provider (and for the patient, when given), on the quarter-hour grid, and — when the type needs
 * a room kind — with a room of that kind free for the whole visit. A waitlist entry's preferred
 * weekdays and parts of the day (slot-preference-rules.ts) leave out slots starting outside them.
 *
 * Days are searched one after another in the practice's zone, so slots come out in time order.
 * Bookings are compared in local wall minutes of each day, like working hours; practice hours never
 * span 02:00, so a daylight-saving change never falls inside a slot.
 *
 * Pure: the caller passes the appointments of the months searched (queries.ts monthTables).
 */
import { freeSlots, type AvailabilityRules } from './availability-rules';
import type { Interval } from './intervals';
import { workingMinutesLessTimeOff, type TimeOffSpan } from './rota-rules';
import { dayMatches, wallTimeMatches, type SlotPreferences } from './slot-preference-rules';
import {
	addDays,
	instantToWallTime,
	minutesOfDay,
	timeOfMinutes,
	wallTimeToMs
} from './zoned-time';

/** What the search needs of a stored appointment. */
export interface BusyBooking {
	start: string;
	end: string;
	providerId: string;
	roomId?: string;
	patientId?: string;
	/** False for cancelled and no-show visits. */
	holdsTime: boolean;
}

export interface SlotRoom {
	id: string;
	kind: string;
}

export interface SlotSearch {
	/** Slots start at or after this instant. */
	from: string;
	minutes: number;
	/** The room kind the type needs, or null. */
	roomNeed: string | null;
	/** The provider asked for, or every provider to choose from ("any"). */
	providerIds: readonly string[];
	/** Rooms that can be booked (active, not out of service). */
	rooms: readonly SlotRoom[];
	rules: AvailabilityRules;
	/** Time-off requests; approved ones keep the provider unbookable then. */
	timeOff?: readonly TimeOffSpan[];
	appointments: readonly BusyBooking[];
	timeZone: string;
	/** Keep the patient from being booked twice at once. */
	patientId?: string;
	/** Only slots starting on these local weekdays and parts of the day; none = any. */
	preferences?: SlotPreferences;
	count?: number;
	/** How many days ahead to look (from's date included). */
	days?: number;
	grid?: number;
}

export interface Slot {
	providerId: string;
	/** ISO UTC instants. */
	start: string;
	end: string;
	/** A free room of the needed kind, or '' when the type needs none. */
	roomId: string;
}

const MINUTE_MS = 60_000;

/** Busy wall-minute intervals per key ('p:id|date', 'r:id|date', 'x:id|date') and day. */
function busyByDay(appointments: readonly BusyBooking[], timeZone: string) {
	const busy = new Map<string, Interval[]>();
	const add = (key: string, interval: Interval) => {
		const list = busy.get(key);
		if (list) list.push(interval);
		else busy.set(key, [interval]);
	};
	for (const booking of appointments) {
		if (!booking.holdsTime) continue;
		const start = instantToWallTime(booking.start, timeZone);
		const end = instantToWallTime(booking.end, timeZone);
		// A booking past midnight is busy to the end of its first day and from the start of the next.
		for (let date = start.date; date <= end.date; date = addDays(date, 1)) {
			const interval = {
				start: date === start.date ? minutesOfDay(start.time) : 0,
				end: date === end.date ? minutesOfDay(end.time) : 1440
			};
			add(`p:${booking.providerId}|${date}`, interval);
			if (booking.roomId) add(`r:${booking.roomId}|${date}`, interval);
			if (booking.patientId) add(`x:${booking.patientId}|${date}`, interval);
		}
	}
	return busy;
}

const overlapsAny = (intervals: readonly Interval[] | undefined, start: number, end: number) =>
	(intervals ?? []).some((i) => i.start < end && start < i.end);

/** The first `count` free slots from `from`, in time order (then by the providers' order). */
export function nextAvailable(search: SlotSearch): Slot[] {
	const { timeZone, minutes, count = 5, days = 90, grid = 15, timeOff = [] } = search;
	const { preferences = {} } = search;
	const busy = busyByDay(search.appointments, timeZone);
	const fromMs = Date.parse(search.from);
	const first = instantToWallTime(search.from, timeZone).date;
	const rooms = search.roomNeed ? search.rooms.filter((r) => r.kind === search.roomNeed) : [];
	if (search.roomNeed && rooms.length === 0) return [];
	const found: Slot[] = [];
	for (let day = 0; day < days && found.length < count; day++) {
		const date = addDays(first, day);
		if (!dayMatches(date, preferences)) continue;
		const patientBusy = search.patientId ? busy.get(`x:${search.patientId}|${date}`) : undefined;
		const today: Slot[] = [];
		for (const providerId of search.providerIds) {
			const working = workingMinutesLessTimeOff(search.rules, timeOff, providerId, date);
			if (working.length === 0) continue;
			const taken = [...(busy.get(`p:${providerId}|${date}`) ?? []), ...(patientBusy ?? [])];
			for (const minute of freeSlots(working, taken, minutes, grid)) {
				const start = { date, time: timeOfMinutes(minute) };
				const startMs = wallTimeToMs(start, timeZone);
				if (startMs < fromMs || !wallTimeMatches(start, preferences)) continue;
				let roomId = '';
				if (search.roomNeed) {
					const free = rooms.find(
						(room) => !overlapsAny(busy.get(`r:${room.id}|${date}`), minute, minute + minutes)
					);
					if (!free) continue;
					roomId = free.id;
				}
				today.push({
					providerId,
					start: new Date(startMs).toISOString(),
					end: new Date(startMs + minutes * MINUTE_MS).toISOString(),
					roomId
				});
			}
		}
		today.sort((a, b) => a.start.localeCompare(b.start));
		found.push(...today.slice(0, count - found.length));
	}
	return found;
}
