import { WEEKDAY_NAMES } from '$lib/schedule/rota-rules';
import {
	PART_OF_DAY_LABELS,
	PART_OF_DAY_STARTS,
	PARTS_OF_DAY,
	type PartOfDay
} from '$lib/schedule/slot-preference-rules';
import { timeOfMinutes } from '$lib/schedule/zoned-time';

/** The waitlist's add form as it binds; it is the command input as it stands. */
export interface WaitlistFormValues {
	patientId: string;
	typeId: string;
	/** '' for any provider. */
	providerId: string;
	earliest: string;
	/** Weekdays, 0 Monday … 6 Sunday; none = any day. */
	preferredDays: number[];
	/** None = any time of day. */
	preferredTimes: PartOfDay[];
	/** Other preferences, in words. */
	preferences: string;
	note: string;
}

/** An empty form: any provider, any day and time, as soon as possible. */
export function blankWaitlistForm(): WaitlistFormValues {
	return {
		patientId: '',
		typeId: '',
		providerId: '',
		earliest: '',
		preferredDays: [],
		preferredTimes: [],
		preferences: '',
		note: ''
	};
}

/** `values` with `value` added, or taken out when it is there. */
export function toggled<T>(values: readonly T[], value: T): T[] {
	return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** Weekday chips: "Mon" shown, "Monday" spoken. */
export const DAY_CHIPS = WEEKDAY_NAMES.map((name, day) => ({
	value: day,
	label: name.slice(0, 3),
	name
}));

export const TIME_CHIPS = PARTS_OF_DAY.map((part) => ({
	value: part,
	label: PART_OF_DAY_LABELS[part]
}));

const NOON = timeOfMinutes(PART_OF_DAY_STARTS.afternoon);
const EVENING = timeOfMinutes(PART_OF_DAY_STARTS.evening);
/** How a slot is put in a part of the day, in the boundaries the rules use. */
export const TIME_CHIPS_HINT = `By start time: mornings before ${NOON}, afternoons ${NOON}–${EVENING}, evenings from ${EVENING}. None chosen: any time.`;
