// When a vitals set may say it was taken. A time ahead of the clock is a typo (a minute is
// allowed for devices whose clocks differ a little); a time long past is usually a typo of the
// date, and when it is not — readings copied in from paper — the chart should say why they
// arrive late. Checked only on entry: a stored set is never judged against today's clock.

/** How far ahead of this device's clock a time taken may be (clock skew between devices). */
export const CLOCK_SKEW_MS = 60_000;

/** Sets taken longer ago than this need a note saying why they are entered late. */
export const LATE_ENTRY_DAYS = 30;

/** Sets taken longer ago than this are refused: almost surely a typo of the year. */
export const OLDEST_ENTRY_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What is wrong with the time a set was taken, and which field says so. */
export interface TakenAtProblem {
	field: 'takenAt' | 'notes';
	message: string;
}

/** The problem with a set taken at `takenAt` (ISO instant) entered at `now`, or null. */
export function takenAtProblem(takenAt: string, now: Date, notes: string): TakenAtProblem | null {
	const age = now.getTime() - Date.parse(takenAt);
	if (Number.isNaN(age)) return null;
	if (age < -CLOCK_SKEW_MS) {
		return {
			field: 'takenAt',
			message: 'The time taken is in the future: check the date and time.'
		};
	}
	if (age > OLDEST_ENTRY_DAYS * DAY_MS) {
		return {
			field: 'takenAt',
			message: 'Vitals taken more than a year ago cannot be entered: check the year.'
		};
	}
	if (age > LATE_ENTRY_DAYS * DAY_MS && notes.trim() === '') {
		return {
			field: 'notes',
			message: `Vitals taken more than ${LATE_ENTRY_DAYS} days ago need a note saying why they are entered late.`
		};
	}
	return null;
}
