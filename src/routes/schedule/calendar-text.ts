/** The calendar's words: times as the front desk says them, and double bookings in sentences. */
import type { ConflictKind } from '$lib/schedule/conflict-rules';
import { instantToWallTime, minutesOfDay } from '$lib/schedule/zoned-time';

/** "9:00", "1:30" — the 12-hour clock without AM/PM, as an appointment book writes it. */
export function clockTime(minutes: number): string {
	const hour = Math.floor(minutes / 60) % 24;
	const minute = String(Math.round(minutes % 60)).padStart(2, '0');
	return `${hour % 12 === 0 ? 12 : hour % 12}:${minute}`;
}

/** "9:00 AM", for places where the half of the day is not obvious. */
export function clockTimeWithHalf(minutes: number): string {
	return `${clockTime(minutes)} ${Math.floor(minutes / 60) % 24 < 12 ? 'AM' : 'PM'}`;
}

/** "9 AM", "12 PM" — the hour lines of the grid. */
export function hourLabel(minutes: number): string {
	const hour = Math.floor(minutes / 60) % 24;
	return `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** Local minutes of the day of an instant in `timeZone`. */
export function localMinutes(instant: string, timeZone: string): number {
	return minutesOfDay(instantToWallTime(instant, timeZone).time);
}

/** "9:00–9:30" of two instants in `timeZone`. */
export function timeRange(start: string, end: string, timeZone: string): string {
	return `${clockTime(localMinutes(start, timeZone))}–${clockTime(localMinutes(end, timeZone))}`;
}

/** What a clash sentence needs to know about the booking already there. */
export interface ClashWith {
	kind: ConflictKind;
	start: string;
	end: string;
	provider: string;
	patient: string;
	room: string;
	/** A series names the date of each clash ("Tue, Mar 10"); one visit need not. */
	date?: string;
}

/** "Dr Lee already has Ann Smith 9:00–9:30", and the like for a room or the patient. */
export function describeClash(clash: ClashWith, timeZone: string): string {
	const when = timeRange(clash.start, clash.end, timeZone);
	const sentence = {
		provider: `${clash.provider} already has ${clash.patient} ${when}`,
		room: `${clash.room} is already booked for ${clash.patient} ${when}`,
		patient: `${clash.patient} already has a visit with ${clash.provider} ${when}`
	}[clash.kind];
	return clash.date ? `${clash.date}: ${sentence}` : sentence;
}
