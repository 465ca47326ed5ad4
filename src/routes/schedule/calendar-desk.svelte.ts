/**
 * What the calendar page is in the middle of: a booking dialog, an open appointment, a move
 * waiting for the person to confirm (clashes, or which visits of a series), and the last notice.
 * Every check reads the days it needs from the store, so a booking on a day not on screen is
 * checked as well as one on it.
 */
import { formProblem } from '$lib/app/command-errors';
import { runCommand } from '$lib/core/commands/command';
import type { Workspace } from '$lib/core/session/workspace';
import { registerPatient } from '$lib/patients/commands';
import {
	describeDuplicate,
	duplicatesOf,
	patientDisplayName,
	searchPatients,
	type PatientTables
} from '$lib/patients/queries';
import type { Patient } from '$lib/patients/schema';
import { changeFlow, updateAppointmentDetails } from '$lib/schedule/appointment-commands';
import {
	appointmentsBetween,
	asBooking,
	type ScheduledAppointment,
	type Series
} from '$lib/schedule/queries';
import { changeSeries, topUpSeries } from '$lib/schedule/series-commands';
import { instantToWallTime } from '$lib/schedule/zoned-time';
import type {
	AddPatientResult,
	AppointmentEdit,
	Clash,
	NewPatient,
	PatientOption
} from './calendar-types';
import { firstOccurrences, type BookingForm, type CheckedBooking } from './booking-form';
import {
	cancelVisit,
	moveVisit,
	saveBooking,
	type MoveTo,
	type SeriesScope
} from './calendar-actions';
import { clashesOf, type Names } from './calendar-model';
import { timeOffClashes } from './calendar-time-off';
import type { TimeOffSpan } from '$lib/schedule/rota-rules';

export interface DeskContext {
	workspace: Workspace;
	timeZone: string;
	today: string;
	names: Names;
	patients: PatientTables | null;
	/** Approved time off: booking into it is a clash too. */
	timeOff: readonly TimeOffSpan[];
}

/** A move shown to the person before it is made. */
export interface PendingMove {
	appointment: ScheduledAppointment;
	to: MoveTo;
	clashes: Clash[];
	/** A series' visit whose scope was not asked yet. */
	askScope: boolean;
	otherDay: boolean;
	scope: SeriesScope;
}

const option = (p: Patient): PatientOption => ({
	id: p.id,
	name: patientDisplayName(p),
	detail: `born ${p.dateOfBirth} · MRN ${p.mrn}`
});

export class CalendarDesk {
	booking = $state<BookingForm | null>(null);
	openId = $state('');
	pendingMove = $state.raw<PendingMove | null>(null);
	notice = $state('');
	problem = $state('');
	// Plain: which top-ups were asked for is bookkeeping, not something the page shows.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #toppedUp = new Set<string>();

	constructor(private readonly context: () => DeskContext) {}

	startBooking(form: BookingForm): void {
		this.notice = '';
		this.booking = form;
	}

	closeBooking(): void {
		this.booking = null;
	}

	open(id: string): void {
		this.notice = '';
		this.openId = id;
	}

	close(): void {
		this.openId = '';
	}

	findPatients = (query: string): PatientOption[] => {
		const { patients } = this.context();
		return patients ? searchPatients(patients, query, { limit: 8 }).patients.map(option) : [];
	};

	/** Registers a patient from the booking dialog (after a duplicate check unless `anyway`). */
	addPatient = async (fresh: NewPatient, anyway: boolean): Promise<AddPatientResult> => {
		const { patients, workspace } = this.context();
		if (!patients) return { ok: false, errors: {}, message: 'You cannot add patients here.' };
		const input = {
			givenName: fresh.givenName,
			familyName: fresh.familyName,
			dateOfBirth: fresh.dateOfBirth,
			sexAssignedAtBirth: fresh.sexAssignedAtBirth as Patient['sexAssignedAtBirth'],
			phones: { mobile: fresh.phone }
		};
		if (!anyway) {
			const matches = duplicatesOf(patients, input);
			if (matches.length > 0) {
				const why = (m: (typeof matches)[number]) =>
					describeDuplicate(m).toLowerCase().replace(/\.$/, '');
				return {
					ok: false,
					duplicates: matches.map((m) => ({ ...option(m.patient), why: why(m) }))
				};
			}
		}
		try {
			const { id, mrn } = await runCommand(workspace.commandContext(), registerPatient, input);
			const name = `${input.familyName.trim()}, ${input.givenName.trim()}`;
			return { ok: true, patient: { id, name, detail: `born ${input.dateOfBirth} · MRN ${mrn}` } };
		} catch (error) {
			const problem = formProblem(error);
			return { ok: false, errors: problem.fields, message: problem.message };
		}
	};

	/** The clashes of the dialog's booking (every visit of a series within the checked weeks). */
	bookingClashes = async (form: BookingForm, booking: CheckedBooking): Promise<Clash[]> => {
		const { workspace, timeZone, names, timeOff } = this.context();
		const candidate = {
			id: 'new',
			start: booking.start,
			end: booking.end,
			providerId: form.providerId,
			roomId: form.roomId || undefined,
			patientId: form.patientId,
			holdsTime: true
		};
		if (!booking.recurrence) {
			const others = await appointmentsBetween(workspace, form.date, form.date, timeZone);
			return [
				...timeOffClashes(candidate, timeOff, names, timeZone),
				...clashesOf(candidate, others, names, timeZone)
			];
		}
		const visits = firstOccurrences(form, booking.recurrence, timeZone);
		if (visits.length === 0) return [];
		const others = await appointmentsBetween(
			workspace,
			visits[0].date,
			visits[visits.length - 1].date,
			timeZone
		);
		return visits.flatMap((visit) => {
			const at = { ...candidate, start: visit.start, end: visit.end };
			return [
				...timeOffClashes(at, timeOff, names, timeZone, visit.date),
				...clashesOf(at, others, names, timeZone, visit.date)
			];
		});
	};

	book = async (form: BookingForm, booking: CheckedBooking, accepted: Clash[]): Promise<void> => {
		const { workspace, timeZone } = this.context();
		this.notice = await saveBooking(workspace, timeZone, form, booking, accepted);
		this.booking = null;
	};

	/** Saves the appointment dialog's changes: details now, a move after its checks. */
	async saveEdit(appointment: ScheduledAppointment, edit: AppointmentEdit): Promise<void> {
		const { workspace, timeZone } = this.context();
		if (edit.details) {
			if (edit.scope === 'one' || !appointment.seriesId) {
				await runCommand(workspace.commandContext(), updateAppointmentDetails, {
					id: appointment.id,
					home: appointment.home,
					...edit.details
				});
			} else {
				await runCommand(workspace.commandContext(), changeSeries(timeZone), {
					id: appointment.seriesId,
					scope: edit.scope,
					from: appointment.occurrenceDate,
					change: edit.details
				});
			}
		}
		this.openId = '';
		if (edit.to) await this.requestMove(appointment, edit.to, edit.scope);
		else this.notice = 'Appointment changed.';
	}

	/** Cancels or marks a no-show, then closes the dialog. */
	async end(
		appointment: ScheduledAppointment,
		to: 'cancelled' | 'no-show',
		reason: string,
		scope: SeriesScope
	): Promise<void> {
		const { workspace, today } = this.context();
		if (to === 'cancelled') await cancelVisit(workspace, appointment, reason, scope, today);
		else {
			await runCommand(workspace.commandContext(), changeFlow, {
				id: appointment.id,
				home: appointment.home,
				change: { to: 'no-show', reason }
			});
		}
		this.openId = '';
		this.notice = to === 'cancelled' ? 'Visit cancelled.' : 'Marked as a no-show.';
	}

	/** Checks a move; asks first when it clashes or its series' scope is not known yet. */
	async requestMove(
		appointment: ScheduledAppointment,
		to: MoveTo,
		scope: SeriesScope | null
	): Promise<void> {
		const { workspace, timeZone, names, timeOff } = this.context();
		const day = instantToWallTime(to.start, timeZone).date;
		const others = await appointmentsBetween(workspace, day, day, timeZone);
		const candidate = { ...asBooking(appointment), ...to, roomId: to.roomId || undefined };
		const clashes = [
			...timeOffClashes(candidate, timeOff, names, timeZone),
			...clashesOf(candidate, others, names, timeZone)
		];
		const askScope = scope === null && !!appointment.seriesId;
		const otherDay = day !== instantToWallTime(appointment.start, timeZone).date;
		if (clashes.length > 0 || askScope) {
			this.pendingMove = { appointment, to, clashes, askScope, otherDay, scope: scope ?? 'one' };
			return;
		}
		await this.#move(appointment, to, scope ?? 'one', []);
	}

	confirmMove = async (scope: SeriesScope): Promise<void> => {
		const pending = this.pendingMove;
		if (!pending) return;
		this.pendingMove = null;
		const chosen = pending.askScope ? (pending.otherDay ? 'one' : scope) : pending.scope;
		await this.#move(pending.appointment, pending.to, chosen, pending.clashes);
	};

	/** The person kept it where it was: nothing changes. */
	declineMove(): void {
		this.pendingMove = null;
		this.notice = 'The appointment stayed where it was.';
	}

	async #move(
		appointment: ScheduledAppointment,
		to: MoveTo,
		scope: SeriesScope,
		accepted: Clash[]
	) {
		const { workspace, timeZone } = this.context();
		this.problem = '';
		try {
			await moveVisit(workspace, timeZone, appointment, to, scope, accepted);
			this.notice = 'Appointment moved.';
		} catch (error) {
			this.problem = formProblem(error).message;
		}
	}

	/** Fills in series whose stored visits end before `through` (once per series and date). */
	topUp(series: readonly Series[], through: string): void {
		const due = series
			.filter((s) => s.materializedThrough !== '' && s.materializedThrough < through)
			.filter((s) => s.recurrence.until === undefined || s.recurrence.until > s.materializedThrough)
			.map((s) => s.id)
			.filter((id) => !this.#toppedUp.has(`${id}@${through}`));
		if (due.length === 0) return;
		for (const id of due) this.#toppedUp.add(`${id}@${through}`);
		const { workspace, timeZone } = this.context();
		runCommand(workspace.commandContext(), topUpSeries(timeZone), { series: due }).catch(
			(error: unknown) => (this.problem = formProblem(error).message)
		);
	}
}
