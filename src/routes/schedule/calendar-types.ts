/** Shapes the calendar's components and helpers pass between them. */
import type { MoveTo, SeriesScope } from './calendar-actions';
import type { Placement } from './calendar-drag';

/** An option of a select. */
export interface Choice {
	value: string;
	label: string;
}

/** A booking the new one would clash with, in words ("Dr Lee already has Ann Smith 9:00–9:30"). */
export interface Clash {
	/** The clashing appointment's id (passed on as acceptWith when booked anyway); '' for time off. */
	otherId: string;
	/** For a series: the date of the occurrence that clashes. */
	date?: string;
	text: string;
}

/** A patient as the picker lists one. */
export interface PatientOption {
	id: string;
	/** "Smith, Ann". */
	name: string;
	/** "born 1984-03-07 · MRN P0000018". */
	detail: string;
}

/** The minimal registration the booking dialog asks for. */
export interface NewPatient {
	givenName: string;
	familyName: string;
	dateOfBirth: string;
	sexAssignedAtBirth: string;
	phone: string;
}

/** Registered, or field messages, or likely duplicates to choose from first. */
export type AddPatientResult =
	| { ok: true; patient: PatientOption }
	| { ok: false; errors: Record<string, string>; message: string }
	| { ok: false; duplicates: (PatientOption & { why: string })[] };

/** What the person changed in the appointment dialog. */
export interface AppointmentEdit {
	to: MoveTo | null;
	details: { typeId: string; note: string } | null;
	scope: SeriesScope;
}

/** What an appointment block shows. */
export interface BlockInfo {
	patient: string;
	type: string;
	/** Background colour (TYPE_COLOURS). */
	colour: string;
	/** "Cancelled", "No-show", "Arrived"…; '' while simply scheduled. */
	status: string;
	/** Cancelled or no-show: struck through and faded, but still there. */
	ended: boolean;
	/** Part of a recurring series. */
	repeats: boolean;
	/** Not movable by dragging (the visit has started or ended). */
	fixed: boolean;
}

/** One day × column: when it is bookable, its standing blocks, a holiday. */
export interface CellShade {
	/** Working minutes of the day; null when the column has no hours (rooms). */
	working: { start: number; end: number }[] | null;
	blocks: { start: number; end: number; label: string }[];
	holiday: string;
	/** Local minutes of the provider's approved time off ([0, 1440] for a whole day). */
	away: { start: number; end: number }[];
}

/** An appointment placed on the grid, with what its block shows. */
export interface GridItem extends Placement {
	id: string;
	top: number;
	height: number;
	lane: number;
	lanes: number;
	info: BlockInfo;
}
