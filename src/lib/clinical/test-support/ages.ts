/** Ages in each band on the test measurement day, 2025-03-04, for flag tests. */
import { ageOn } from '../age';
import type { Age, AgeBand } from '../age';

/** The day the test vitals are taken. */
export const MEASURED_ON = '2025-03-04';

const BIRTH_DATES: Record<AgeBand, string> = {
	neonate: '2025-02-20', // 12 days
	infant: '2024-09-04', // 6 months
	toddler: '2023-09-04', // 18 months
	preschool: '2021-03-04', // 4 years
	'school-age': '2016-03-04', // 9 years
	adolescent: '2010-03-04', // 15 years
	adult: '1980-03-04' // 45 years
};

/** The age of a typical patient of `band` on the measurement day. */
export function ageIn(band: AgeBand): Age {
	const age = ageOn(BIRTH_DATES[band], MEASURED_ON);
	if (!age) throw new Error(`No age for ${band}`);
	return age;
}

/** The age on the measurement day of someone born on `birthDate`. */
export function ageOf(birthDate: string): Age {
	const age = ageOn(birthDate, MEASURED_ON);
	if (!age) throw new Error(`Born after ${MEASURED_ON}: ${birthDate}`);
	return age;
}
