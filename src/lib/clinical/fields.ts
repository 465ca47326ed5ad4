// Field schemas shared by the clinical records: ids, instants, dates and trimmed text. Optional
// text uses '' for "not given" (forms bind strings), as in the directory.
import { z } from 'zod';

// Crockford base32, 26 characters; the first is at most 7 because the timestamp is 48 bits.
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** A record id (ULID); `message` names which id is malformed. */
export const recordId = (message = 'This record has a malformed ID.') =>
	z.string({ error: message }).regex(ULID, message);

/** An ISO instant in UTC ('2025-03-01T14:30:00Z'); `message` is shown when absent or malformed. */
export const instant = (message: string) => z.iso.datetime({ error: message });

/** The fields every clinical record carries: who it is about, when and by whom it was recorded. */
export const attribution = {
	id: recordId(),
	patientId: recordId('The patient ID is malformed.'),
	recordedAt: instant('The recorded time must be a UTC time like 2025-03-01T14:30:00Z.'),
	recordedBy: recordId('The ID of the person who recorded this is malformed.')
};

const str = (missing?: string) => (missing ? z.string({ error: missing }) : z.string()).trim();

/** Trimmed text of at most `max` characters that must not be blank. */
export const requiredText = (label: string, max: number, missing: string) =>
	str(missing).min(1, missing).max(max, `${label} can be at most ${max} characters.`);

/** Trimmed text of at most `max` characters; absent becomes ''. */
export const optionalText = (label: string, max: number) =>
	str().max(max, `${label} can be at most ${max} characters.`).default('');

const isCalendarDate = (s: string) => z.iso.date().safeParse(s).success;

/** A calendar date 'YYYY-MM-DD' that exists, or '' when not given. */
export const optionalDate = (label: string) =>
	str()
		.refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), {
			message: `Enter the ${label} as YYYY-MM-DD.`,
			abort: true
		})
		.refine((s) => s === '' || isCalendarDate(s), `That ${label} is not on the calendar.`)
		.default('');

/** A date known to the year, month or day ('2019', '2019-06', '2019-06-14'), or ''. */
export const optionalPartialDate = (label: string) =>
	str()
		.refine(
			(s) => s === '' || /^\d{4}$/.test(s) || isCalendarDate(`${s}-01`) || isCalendarDate(s),
			{ message: `Enter the ${label} as YYYY-MM-DD, YYYY-MM or just the year.` }
		)
		.default('');
