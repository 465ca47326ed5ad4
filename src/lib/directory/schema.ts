// Zod schemas for the office's settings, staff and rooms. Parsing also normalizes: strings are
// trimmed, phones become '(555) 201-3344', EINs 'NN-NNNNNNN', so parsed output is canonical.
// Optional text fields use '' for "not given" (forms bind strings); absent input becomes ''.
import { z } from 'zod';
import {
	US_STATES,
	canonicalTimeZone,
	isRealIsoDate,
	isValidEmail,
	isValidZip,
	normalizePhone,
	normalizeTaxId,
	npiCheckDigitValid,
	taxIdProblem
} from './rules';

// Crockford base32, 26 characters; the first is at most 7 because the timestamp is 48 bits.
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const PHONE_EXAMPLE = 'Enter a phone number with area code, e.g. (555) 201-3344.';

const id = z.string().regex(ULID, 'This record has a malformed ID.');

// A required field that is absent gets the same message as one left blank.
const str = (missing?: string) => (missing ? z.string({ error: missing }) : z.string()).trim();

const text = (label: string, max: number, missing?: string) =>
	str(missing).max(max, `${label} can be at most ${max} characters.`);

const requiredText = (label: string, max: number, missing: string) =>
	text(label, max, missing).min(1, missing);

const optionalText = (label: string, max: number) => text(label, max).default('');

const phone = (missing: string, invalid: string) =>
	str(missing)
		.min(1, { message: missing, abort: true })
		.refine((s) => normalizePhone(s) !== null, invalid)
		.transform((s) => normalizePhone(s) ?? s);

const optionalPhone = (invalid: string) =>
	str()
		.refine((s) => s === '' || normalizePhone(s) !== null, invalid)
		.transform((s) => (s === '' ? '' : (normalizePhone(s) ?? s)))
		.default('');

const optionalNpi = str()
	.refine((s) => s === '' || /^\d{10}$/.test(s), { message: 'NPI must be 10 digits.', abort: true })
	.refine(
		(s) => s === '' || npiCheckDigitValid(s),
		"This NPI's check digit is wrong — check for a typo."
	)
	.default('');

export const officeSettingsSchema = z.object({
	name: requiredText('The office name', 120, 'Enter the office name.'),
	addressLine1: requiredText('The street address', 120, 'Enter the street address.'),
	addressLine2: optionalText('The second address line', 120),
	city: requiredText('The city', 60, 'Enter the city.'),
	state: str('Choose a state.')
		.toUpperCase()
		.pipe(z.enum(US_STATES, { error: 'Choose a state.' })),
	zip: str('Enter the ZIP code.')
		.min(1, { message: 'Enter the ZIP code.', abort: true })
		.refine(isValidZip, 'Enter a ZIP code like 12345 or 12345-6789.'),
	phone: phone('Enter the office phone number.', PHONE_EXAMPLE),
	fax: optionalPhone('Enter a fax number with area code, e.g. (555) 201-3345.'),
	timeZone: str('Choose the office time zone.')
		.min(1, { message: 'Choose the office time zone.', abort: true })
		.refine(
			(s) => canonicalTimeZone(s) !== null,
			'Choose a time zone from the list, e.g. America/Chicago.'
		)
		.transform((s) => canonicalTimeZone(s) ?? s),
	npi: optionalNpi,
	taxId: str()
		.superRefine((s, ctx) => {
			const problem = s === '' ? null : taxIdProblem(s);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		})
		.transform((s) => (s === '' ? '' : (normalizeTaxId(s) ?? s)))
		.default(''),
	autoLockMinutes: z
		.number({ error: 'Enter the auto-lock time in minutes.' })
		.int('Auto-lock must be a whole number of minutes.')
		.min(1, 'Auto-lock must be between 1 and 60 minutes.')
		.max(60, 'Auto-lock must be between 1 and 60 minutes.')
		.default(5)
});

// Settings are one record per office with no id or active flag, so the form edits it whole.
export const officeSettingsInputSchema = officeSettingsSchema;

export type OfficeSettings = z.output<typeof officeSettingsSchema>;
export type OfficeSettingsForm = z.input<typeof officeSettingsSchema>;

export const STAFF_ROLES = [
	'physician',
	'nurse-practitioner',
	'physician-assistant',
	'registered-nurse',
	'medical-assistant',
	'front-desk',
	'billing',
	'office-manager',
	'lab-technician',
	'other'
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
	physician: 'Physician',
	'nurse-practitioner': 'Nurse practitioner',
	'physician-assistant': 'Physician assistant',
	'registered-nurse': 'Registered nurse',
	'medical-assistant': 'Medical assistant',
	'front-desk': 'Front desk',
	billing: 'Billing',
	'office-manager': 'Office manager',
	'lab-technician': 'Lab technician',
	other: 'Other'
};

export const staffMemberInputSchema = z.object({
	givenName: requiredText('The first name', 60, 'Enter the first name.'),
	familyName: requiredText('The last name', 60, 'Enter the last name.'),
	preferredName: optionalText('The preferred name', 60),
	role: z.enum(STAFF_ROLES, { error: 'Choose a role.' }),
	credentials: optionalText('Credentials', 40),
	npi: optionalNpi,
	email: str()
		.refine((s) => s === '' || isValidEmail(s), 'Enter an email address like name@example.com.')
		.default(''),
	phone: optionalPhone(PHONE_EXAMPLE),
	startDate: str()
		.refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), {
			message: 'Enter the start date as YYYY-MM-DD.',
			abort: true
		})
		.refine((s) => s === '' || isRealIsoDate(s), 'That start date is not on the calendar.')
		.default(''),
	notes: optionalText('Notes', 500)
});

export const staffMemberSchema = staffMemberInputSchema.extend({ id, active: z.boolean() });

export type StaffMember = z.output<typeof staffMemberSchema>;
export type StaffMemberInput = z.output<typeof staffMemberInputSchema>;
export type StaffMemberForm = z.input<typeof staffMemberInputSchema>;

export const ROOM_KINDS = ['exam', 'procedure', 'lab', 'office'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export const ROOM_KIND_LABELS: Record<RoomKind, string> = {
	exam: 'Exam room',
	procedure: 'Procedure room',
	lab: 'Lab',
	office: 'Office'
};

export const ROOM_STATUSES = ['ready', 'occupied', 'needs-cleaning', 'out-of-service'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];
export const ROOM_STATUS_LABELS: Record<RoomStatus, string> = {
	ready: 'Ready',
	occupied: 'Occupied',
	'needs-cleaning': 'Needs cleaning',
	'out-of-service': 'Out of service'
};

export const roomInputSchema = z.object({
	name: requiredText('The room name', 40, 'Enter the room name.'),
	kind: z.enum(ROOM_KINDS, { error: 'Choose the kind of room.' }),
	// A new room is usually ready for use, so the create form need not ask.
	status: z.enum(ROOM_STATUSES, { error: 'Choose the room status.' }).default('ready'),
	notes: optionalText('Notes', 500)
});

export const roomSchema = roomInputSchema.extend({ id, active: z.boolean() });

export type Room = z.output<typeof roomSchema>;
export type RoomInput = z.output<typeof roomInputSchema>;
export type RoomForm = z.input<typeof roomInputSchema>;
