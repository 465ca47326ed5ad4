/**
 * A provider's approved time off, as the calendar meets it when booking: a booking into it is a
 * clash in words ("Mei Lee is on approved time off"), kept only when the person books anyway.
 * Such a clash has no other appointment (`otherId` ''), so there is no pair to remember.
 */
import { timeOffSpans, type TimeOffSpan } from '$lib/schedule/rota-rules';
import { shortDayLabel } from './calendar-nav';
import { clockTime } from './calendar-text';
import type { Clash } from './calendar-types';
import type { Names } from './calendar-model';

/** What of a booking the check reads: whose it is and its instants. */
export interface TimedBooking {
	providerId: string;
	start: string;
	end: string;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** The clash of a booking with its provider's approved time off, if any; `on` dates a series' visit. */
export function timeOffClashes(
	booking: TimedBooking,
	requests: readonly TimeOffSpan[],
	names: Pick<Names, 'provider'>,
	timeZone: string,
	on?: string
): Clash[] {
	const [start, end] = [Date.parse(booking.start), Date.parse(booking.end)];
	const away = requests.find(
		(request) =>
			request.staffId === booking.providerId &&
			timeOffSpans(request, timeZone).some((span) => span.start < end && start < span.end)
	);
	if (!away) return [];
	const hours = away.start
		? ` ${clockTime(minutes(away.start))}–${clockTime(minutes(away.end))}`
		: '';
	const day = on ? ` on ${shortDayLabel(on)}` : '';
	const text = `${names.provider(booking.providerId)} is on approved time off${day}${hours}`;
	return [{ otherId: '', date: on, text }];
}

/** The ids of the appointments a person chose to clash with (time off has none). */
export function acceptedIds(accepted: readonly Clash[]): string[] {
	return accepted.map((clash) => clash.otherId).filter((id) => id !== '');
}
