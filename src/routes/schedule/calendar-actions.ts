/**
 * The calendar's writes: book one visit or a series, move or resize (one visit, or a series'
 * visits "this and following" / "all"), and cancel. Each checks nothing itself — the dialogs
 * showed the clashes first — but passes on the ones the person chose to keep, so the conflict
 * list does not raise them again.
 */
import { runCommand } from '$lib/core/commands/command';
import type { Workspace } from '$lib/core/session/workspace';
import {
	acceptConflict,
	bookAppointment,
	changeFlow,
	moveAppointment
} from '$lib/schedule/appointment-commands';
import { pairKey } from '$lib/schedule/conflict-rules';
import type { ScheduledAppointment } from '$lib/schedule/queries';
import { cancelSeries, changeSeries, createSeries } from '$lib/schedule/series-commands';
import { occurrenceId } from '$lib/schedule/series-rules';
import { instantToWallTime } from '$lib/schedule/zoned-time';
import type { Clash } from './calendar-types';
import { acceptedIds } from './calendar-time-off';
import type { BookingForm, CheckedBooking } from './booking-form';

/** Which of a series' visits a change is for. */
export type SeriesScope = 'one' | 'following' | 'all';

/** Remembers the clashes of a series' visits the person chose to keep. */
async function acceptSeriesClashes(workspace: Workspace, seriesId: string, accepted: Clash[]) {
	for (const clash of accepted) {
		if (!clash.date || !clash.otherId) continue;
		const pair = pairKey(occurrenceId(seriesId, clash.date), clash.otherId);
		await runCommand(workspace.commandContext(), acceptConflict, { pair, note: '' });
	}
}

/** Books the dialog's appointment (or series); returns a notice for the page. */
export async function saveBooking(
	workspace: Workspace,
	timeZone: string,
	form: BookingForm,
	booking: CheckedBooking,
	accepted: Clash[]
): Promise<string> {
	const context = workspace.commandContext();
	const fields = {
		patientId: form.patientId,
		providerId: form.providerId,
		typeId: form.typeId,
		roomId: form.roomId,
		note: form.note
	};
	if (!booking.recurrence) {
		await runCommand(context, bookAppointment(timeZone), {
			...fields,
			start: booking.start,
			end: booking.end,
			acceptWith: acceptedIds(accepted)
		});
		return 'Appointment booked.';
	}
	const { id, count } = await runCommand(context, createSeries(timeZone), {
		...fields,
		startDate: form.date,
		time: form.time,
		minutes: form.minutes,
		recurrence: booking.recurrence
	});
	await acceptSeriesClashes(workspace, id, accepted);
	return `Recurring appointment booked: ${count} ${count === 1 ? 'visit' : 'visits'} on the schedule.`;
}

/** A new place and time for an appointment. */
export interface MoveTo {
	start: string;
	end: string;
	providerId: string;
	roomId: string;
}

/** Moves one visit, or a series' visits from this one on ('following') or all ahead ('all'). */
export async function moveVisit(
	workspace: Workspace,
	timeZone: string,
	appointment: ScheduledAppointment,
	to: MoveTo,
	scope: SeriesScope,
	accepted: Clash[]
): Promise<void> {
	const context = workspace.commandContext();
	if (scope === 'one' || !appointment.seriesId) {
		await runCommand(context, moveAppointment(timeZone), {
			id: appointment.id,
			home: appointment.home,
			...to,
			acceptWith: acceptedIds(accepted)
		});
		return;
	}
	const minutes = Math.round((Date.parse(to.end) - Date.parse(to.start)) / 60_000);
	const seriesId = await runCommand(context, changeSeries(timeZone), {
		id: appointment.seriesId,
		scope,
		from: appointment.occurrenceDate,
		change: {
			time: instantToWallTime(to.start, timeZone).time,
			minutes,
			providerId: to.providerId,
			roomId: to.roomId
		}
	});
	await acceptSeriesClashes(
		workspace,
		seriesId,
		accepted.map((c) => ({ ...c, date: appointment.occurrenceDate }))
	);
}

/** Cancels one visit, or a series from this visit on (or from today, for 'all'). */
export async function cancelVisit(
	workspace: Workspace,
	appointment: ScheduledAppointment,
	reason: string,
	scope: SeriesScope,
	today: string
): Promise<void> {
	const context = workspace.commandContext();
	if (scope === 'one' || !appointment.seriesId) {
		await runCommand(context, changeFlow, {
			id: appointment.id,
			home: appointment.home,
			change: { to: 'cancelled', reason }
		});
		return;
	}
	const from =
		scope === 'following' || appointment.occurrenceDate < today
			? appointment.occurrenceDate
			: today;
	await runCommand(context, cancelSeries, { id: appointment.seriesId, from, reason });
}
