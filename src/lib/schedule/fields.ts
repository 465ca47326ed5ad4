// Field schemas shared by the schedule's records: ids, instants, local dates and times, text.
// Optional text uses '' for "not given" (forms bind strings), as in the other areas.
import { z } from 'zod';

// Crockford base32, 26 characters; the first is at most 7 because the timestamp is 48 bits.
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

/** A record id (ULID); `message` names which id is malformed. */
export const recordId = (message = 'This record has a malformed ID.') =>
	z.string({ error: message }).regex(ULID, message);

/** A record id, or '' for "none chosen". */
export const optionalRecordId = (message: string) =>
	z
		.string()
		.refine((s) => s === '' || ULID.test(s), message)
		.default('');

/**
 * An ISO instant in UTC, stored in one canonical form ('2026-11-30T14:00:00.000Z') because the
 * schedule compares instants as strings.
 */
export const instant = (message: string) =>
	z.iso.datetime({ error: message }).transform((s) => new Date(s).toISOString());

const str = (missing?: string) => (missing ? z.string({ error: missing }) : z.string()).trim();

/** Trimmed text of at most `max` characters that must not be blank. */
export const requiredText = (label: string, max: number, missing: string) =>
	str(missing).min(1, missing).max(max, `${label} can be at most ${max} characters.`);

/** Trimmed text of at most `max` characters; absent becomes ''. */
export const optionalText = (label: string, max: number) =>
	str().max(max, `${label} can be at most ${max} characters.`).default('');

/** A calendar date 'YYYY-MM-DD' that exists. */
export const localDate = (label: string) =>
	str(`Enter the ${label}.`)
		.regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Enter the ${label} as YYYY-MM-DD.`, abort: true })
		.refine((s) => z.iso.date().safeParse(s).success, `That ${label} is not on the calendar.`);

/** A time of day 'HH:MM' (24-hour). */
export const localTime = (label: string) =>
	str(`Enter the ${label}.`).regex(
		/^([01]\d|2[0-3]):[0-5]\d$/,
		`Enter the ${label} as HH:MM, e.g. 08:30.`
	);

/** A weekday: 0 Monday … 6 Sunday. */
export const weekday = z
	.number({ error: 'Choose a weekday.' })
	.int('Choose a weekday.')
	.min(0, 'Choose a weekday.')
	.max(6, 'Choose a weekday.');

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant as stored (already canonical, see `instant`): a plain pattern check, because a
 * month's projection validates thousands of them when its document opens.
 */
export const storedInstant = (message: string) =>
	z.string({ error: message }).regex(CANONICAL_INSTANT, message);
