// Zod building blocks shared by the patient and insurance schemas. Like the directory's, they
// trim strings and use '' for "not given", so a parsed record is canonical and forms bind strings.
import { z } from 'zod';
import { isValidEmail, isValidZip } from '$lib/text/address';
import { isRealIsoDate } from '$lib/text/iso-date';
import { normalizePhone } from '$lib/text/phone';
import { EARLIEST_BIRTH_DATE, localIsoDate } from './dates';
import { isAddressState } from './vocabulary';

// Crockford base32, 26 characters; the first is at most 7 because the timestamp is 48 bits.
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const MALFORMED_ID = 'This record has a malformed ID.';

/** A record id (ULID). */
export const recordId = z.string().regex(ULID, MALFORMED_ID);

/** A record id, or '' for none. */
export const optionalRecordId = z
	.string()
	.refine((s) => s === '' || ULID.test(s), MALFORMED_ID)
	.default('');

/** A trimmed string; an absent value gets `missing` as its message. */
export const str = (missing?: string) =>
	(missing ? z.string({ error: missing }) : z.string()).trim();

/** Trimmed text of at most `max` characters. */
export const text = (label: string, max: number, missing?: string) =>
	str(missing).max(max, `${label} can be at most ${max} characters.`);

/** Text that must not be blank. */
export const requiredText = (label: string, max: number, missing: string) =>
	text(label, max, missing).min(1, missing);

/** Text that may be blank; absent becomes ''. */
export const optionalText = (label: string, max: number) => text(label, max).default('');

/** A phone number normalized to '(555) 201-3344', or ''. */
export const optionalPhone = (invalid: string) =>
	str()
		.refine((s) => s === '' || normalizePhone(s) !== null, invalid)
		.transform((s) => (s === '' ? '' : (normalizePhone(s) ?? s)))
		.default('');

/** An email address, lowercased, or ''. */
export const optionalEmail = str()
	.toLowerCase()
	.refine((s) => s === '' || isValidEmail(s), 'Enter an email address like name@example.com.')
	.default('');

/** An ISO date or ''; `what` reads like 'the effective date'. */
export const optionalIsoDate = (what: string) =>
	str()
		.refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), {
			message: `Enter ${what} as YYYY-MM-DD.`,
			abort: true
		})
		.refine((s) => s === '' || isRealIsoDate(s), `${capitalize(what)} is not on the calendar.`)
		.default('');

/** Whether a birth date is required, and whether it may lie after today. */
export interface BirthDateOptions {
	/** The message for a blank value; without it the date may be left blank (add `.default('')`). */
	missing?: string;
	/** Reject dates after today (on this device's clock). Only at the command boundary: a record
	 *  written by a device whose clock runs ahead must not be set aside when projected. */
	notInFuture: boolean;
}

/** A date of birth: a real ISO date from 1900 on; `what` reads like 'the date of birth'. */
export function birthDate(what: string, { missing, notInFuture }: BirthDateOptions) {
	const What = capitalize(what);
	return str(missing)
		.refine((s) => s !== '' || missing === undefined, { message: missing, abort: true })
		.refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), {
			message: `Enter ${what} as YYYY-MM-DD.`,
			abort: true
		})
		.refine((s) => s === '' || isRealIsoDate(s), {
			message: `${What} is not on the calendar.`,
			abort: true
		})
		.refine((s) => s === '' || s >= EARLIEST_BIRTH_DATE, {
			message: `${What} must be in 1900 or later — check the year.`,
			abort: true
		})
		.refine(
			(s) => s === '' || !notInFuture || s <= localIsoDate(),
			`${What} cannot be in the future.`
		);
}

const ADDRESS_MISSING = {
	line1: 'Enter the street address.',
	city: 'Enter the city.',
	state: 'Choose a state.',
	zip: 'Enter the ZIP code.'
} as const;

/** A US postal address; all blank means "not given", otherwise street, city, state, ZIP needed. */
export const addressSchema = z
	.object({
		line1: optionalText('The street address', 120),
		line2: optionalText('The second address line', 120),
		city: optionalText('The city', 60),
		state: str()
			.toUpperCase()
			.refine((s) => s === '' || isAddressState(s), 'Choose a state.')
			.default(''),
		zip: str()
			.refine((s) => s === '' || isValidZip(s), 'Enter a ZIP code like 12345 or 12345-6789.')
			.default('')
	})
	.superRefine((address, ctx) => {
		if (Object.values(address).every((value) => value === '')) return;
		for (const [field, message] of Object.entries(ADDRESS_MISSING)) {
			if (address[field as keyof typeof ADDRESS_MISSING] === '') {
				ctx.addIssue({ code: 'custom', path: [field], message });
			}
		}
	})
	.prefault({});

export type Address = z.output<typeof addressSchema>;

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
