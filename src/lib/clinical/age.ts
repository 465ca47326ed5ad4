// A patient's age at a measurement and the age band whose reference ranges apply. Age is counted
// in completed days, months and years between two calendar dates, the way a clinician says
// "3 weeks", "5 months", "2 years"; the measurement date is taken in the office's time zone.

/** Completed days, months and years of life on a given date. */
export interface Age {
	days: number;
	months: number;
	years: number;
}

/** Age groups with their own reference ranges, youngest first (PALS groupings). */
export const AGE_BANDS = [
	'neonate',
	'infant',
	'toddler',
	'preschool',
	'school-age',
	'adolescent',
	'adult'
] as const;

export type AgeBand = (typeof AGE_BANDS)[number];

/** What each band is called on screen, with the ages it covers. */
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
	neonate: 'Newborn (under 28 days)',
	infant: 'Infant (28 days to 1 year)',
	toddler: 'Toddler (1–2 years)',
	preschool: 'Preschool (3–5 years)',
	'school-age': 'School age (6–12 years)',
	adolescent: 'Adolescent (13–17 years)',
	adult: 'Adult (18 years and over)'
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function parts(date: string): [number, number, number] | null {
	const m = DATE.exec(date);
	return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Age on `onDate` of someone born on `birthDate` (both 'YYYY-MM-DD'); null before birth. */
export function ageOn(birthDate: string, onDate: string): Age | null {
	const birth = parts(birthDate);
	const on = parts(onDate);
	if (!birth || !on) return null;
	const [by, bm, bd] = birth;
	const [y, m, d] = on;
	const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(by, bm - 1, bd)) / DAY_MS);
	if (days < 0) return null;
	// A month or year is complete once the day of the month (and month) of birth comes round.
	const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
	return { days, months, years: Math.floor(months / 12) };
}

/** The calendar date ('YYYY-MM-DD') of the ISO instant `instant` in the IANA zone `timeZone`. */
export function localDate(instant: string, timeZone: string): string {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	});
	const found = Object.fromEntries(
		format.formatToParts(new Date(instant)).map((part) => [part.type, part.value])
	);
	return `${found.year}-${found.month}-${found.day}`;
}

/** Age at the instant `takenAt` as seen in `timeZone` (default UTC); null when unknown. */
export function ageAtMeasurement(
	birthDate: string | undefined,
	takenAt: string,
	timeZone = 'UTC'
): Age | null {
	return birthDate ? ageOn(birthDate, localDate(takenAt, timeZone)) : null;
}

/** The reference-range band for `age`. */
export function ageBand(age: Age): AgeBand {
	if (age.days < 28) return 'neonate';
	if (age.years < 1) return 'infant';
	if (age.years < 3) return 'toddler';
	if (age.years < 6) return 'preschool';
	if (age.years < 13) return 'school-age';
	if (age.years < 18) return 'adolescent';
	return 'adult';
}
