/** The appointment type form as it binds, and the command input it becomes. */
import type { AppointmentType, PATIENT_KINDS, ROOM_NEEDS, TypeColour } from '$lib/schedule/schema';

export interface TypeFormValues {
	name: string;
	minutes: number;
	colour: TypeColour;
	/** '' for "no room". */
	roomNeed: string;
	patientKind: (typeof PATIENT_KINDS)[number];
	/** The checklist, one line per step. */
	prep: string;
}

/** An empty form: a 15-minute exam-room visit for anyone. */
export function blankType(): TypeFormValues {
	return { name: '', minutes: 15, colour: 'blue', roomNeed: 'exam', patientKind: 'any', prep: '' };
}

/** The form of a stored type. */
export function typeForm(type: AppointmentType): TypeFormValues {
	return {
		name: type.name,
		minutes: type.minutes,
		colour: type.colour,
		roomNeed: type.roomNeed ?? '',
		patientKind: type.patientKind,
		prep: type.prep.join('\n')
	};
}

/** What the create and update commands take (blank checklist lines dropped). */
export function typeInput(form: TypeFormValues) {
	return {
		name: form.name,
		minutes: Number(form.minutes),
		colour: form.colour,
		roomNeed: form.roomNeed === '' ? null : (form.roomNeed as (typeof ROOM_NEEDS)[number]),
		patientKind: form.patientKind,
		prep: form.prep
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line !== '')
	};
}
