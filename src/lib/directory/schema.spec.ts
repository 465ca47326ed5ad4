import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors, validate } from '../core/validation/field-errors';
import {
	officeSettingsSchema,
	roomInputSchema,
	roomSchema,
	staffMemberInputSchema,
	staffMemberSchema
} from './schema';

const ULID = '01HV5Z8J4K9QWERTY3NBCDXYZ0';

const office = {
	name: 'Maple Street Family Medicine',
	addressLine1: '12 Maple St',
	addressLine2: '',
	city: 'Springfield',
	state: 'IL',
	zip: '62701',
	phone: '(555) 201-3344',
	fax: '',
	timeZone: 'America/Chicago',
	npi: '1245319599',
	taxId: '12-3456789',
	autoLockMinutes: 5
};

const staff = {
	givenName: 'José',
	familyName: 'García',
	role: 'physician',
	credentials: 'MD, FACP',
	npi: '1234567893',
	email: 'jgarcia@maple.example',
	phone: '555.201.3345',
	startDate: '2024-02-29',
	notes: ''
};

const room = { name: 'Exam 1', kind: 'exam', status: 'ready', notes: '' };

/** Field messages for `value`, or {} when it parses. */
function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
	const result = schema.safeParse(value);
	return result.success ? {} : fieldErrors(result);
}

describe('office settings', () => {
	it('accepts a good record and normalizes it', () => {
		const parsed = officeSettingsSchema.parse({
			...office,
			name: '  Maple Street Family Medicine ',
			state: 'il',
			phone: '+1 555 201 3344',
			fax: '5552013345',
			taxId: '123456789',
			autoLockMinutes: undefined
		});
		expect(parsed).toEqual({ ...office, fax: '(555) 201-3345' });
	});

	it('fills absent optional fields with empty strings', () => {
		const absent = { addressLine2: undefined, fax: undefined, npi: undefined, taxId: undefined };
		const parsed = officeSettingsSchema.parse({ ...office, ...absent });
		expect(parsed).toMatchObject({ addressLine2: '', fax: '', npi: '', taxId: '' });
	});

	it.each([
		['name', '   ', 'Enter the office name.'],
		['name', 'x'.repeat(121), 'The office name can be at most 120 characters.'],
		['addressLine1', '', 'Enter the street address.'],
		['addressLine2', 'x'.repeat(121), 'The second address line can be at most 120 characters.'],
		['city', '', 'Enter the city.'],
		['state', 'ZZ', 'Choose a state.'],
		['state', '', 'Choose a state.'],
		['zip', '', 'Enter the ZIP code.'],
		['zip', '6270', 'Enter a ZIP code like 12345 or 12345-6789.'],
		['phone', '', 'Enter the office phone number.'],
		['phone', '201-3344', 'Enter a phone number with area code, e.g. (555) 201-3344.'],
		['fax', '123', 'Enter a fax number with area code, e.g. (555) 201-3345.'],
		['timeZone', '', 'Choose the office time zone.'],
		['timeZone', 'Central', 'Choose a time zone from the list, e.g. America/Chicago.'],
		['npi', '124531959', 'NPI must be 10 digits.'],
		['npi', '12453195AB', 'NPI must be 10 digits.'],
		['npi', '1245319598', "This NPI's check digit is wrong — check for a typo."],
		['taxId', '12-34567', 'Enter the tax ID (EIN) as 9 digits, e.g. 12-3456789.'],
		['taxId', '07-1234567', 'No EIN starts with 07 — check for a typo.'],
		['autoLockMinutes', 0, 'Auto-lock must be between 1 and 60 minutes.'],
		['autoLockMinutes', 61, 'Auto-lock must be between 1 and 60 minutes.'],
		['autoLockMinutes', 2.5, 'Auto-lock must be a whole number of minutes.'],
		['autoLockMinutes', null, 'Enter the auto-lock time in minutes.']
	])('%s = %j → %j', (field, value, message) => {
		expect(errorsOf(officeSettingsSchema, { ...office, [field]: value })).toEqual({
			[field]: message
		});
	});

	it('reports a missing required field like a blank one', () => {
		expect(errorsOf(officeSettingsSchema, { ...office, name: undefined })).toEqual({
			name: 'Enter the office name.'
		});
	});
});

describe('staff member', () => {
	it('normalizes the create form and defaults optional fields', () => {
		const parsed = staffMemberInputSchema.parse({
			...staff,
			givenName: ' José ',
			notes: undefined
		});
		expect(parsed).toEqual({ ...staff, phone: '(555) 201-3345', preferredName: '', notes: '' });
	});

	it('stores a full record with id and active flag', () => {
		const record = staffMemberSchema.parse({ ...staff, id: ULID, active: true });
		expect(record).toMatchObject({ id: ULID, active: true, phone: '(555) 201-3345' });
	});

	it.each([
		['givenName', '', 'Enter the first name.'],
		['givenName', 'x'.repeat(61), 'The first name can be at most 60 characters.'],
		['familyName', ' ', 'Enter the last name.'],
		['preferredName', 'x'.repeat(61), 'The preferred name can be at most 60 characters.'],
		['role', 'surgeon', 'Choose a role.'],
		['role', undefined, 'Choose a role.'],
		['credentials', 'x'.repeat(41), 'Credentials can be at most 40 characters.'],
		['npi', '123456789', 'NPI must be 10 digits.'],
		['npi', '1234567890', "This NPI's check digit is wrong — check for a typo."],
		['email', 'jgarcia@maple', 'Enter an email address like name@example.com.'],
		['phone', '555-0100', 'Enter a phone number with area code, e.g. (555) 201-3344.'],
		['startDate', '02/29/2024', 'Enter the start date as YYYY-MM-DD.'],
		['startDate', '2023-02-29', 'That start date is not on the calendar.'],
		['notes', 'x'.repeat(501), 'Notes can be at most 500 characters.']
	])('%s = %j → %j', (field, value, message) => {
		expect(errorsOf(staffMemberInputSchema, { ...staff, [field]: value })).toEqual({
			[field]: message
		});
	});

	it.each([
		['id', '01HV5Z8J4K9QWERTY3NBCDXYZ', 'This record has a malformed ID.'], // 25 chars
		['id', '01HV5Z8J4K9QWERTY3NBCDXYZI', 'This record has a malformed ID.'], // I is not Crockford
		['id', '81HV5Z8J4K9QWERTY3NBCDXYZ0', 'This record has a malformed ID.'] // past year 10889
	])('stored %s = %j → %j', (field, value, message) => {
		expect(
			errorsOf(staffMemberSchema, { ...staff, active: true, id: ULID, [field]: value })
		).toEqual({ [field]: message });
	});
});

describe('room', () => {
	it('defaults a new room to ready', () => {
		expect(roomInputSchema.parse({ name: ' Lab ', kind: 'lab' })).toEqual({
			name: 'Lab',
			kind: 'lab',
			status: 'ready',
			notes: ''
		});
	});

	it('stores a full record', () => {
		expect(roomSchema.parse({ ...room, id: ULID, active: false })).toEqual({
			...room,
			id: ULID,
			active: false
		});
	});

	it.each([
		['name', '', 'Enter the room name.'],
		['name', 'x'.repeat(41), 'The room name can be at most 40 characters.'],
		['kind', 'closet', 'Choose the kind of room.'],
		['status', 'dirty', 'Choose the room status.'],
		['notes', 'x'.repeat(501), 'Notes can be at most 500 characters.']
	])('%s = %j → %j', (field, value, message) => {
		expect(errorsOf(roomInputSchema, { ...room, [field]: value })).toEqual({ [field]: message });
	});
});

describe('field error helpers', () => {
	it('keeps the first message per field and joins nested paths with dots', () => {
		const value = [room, { ...room, name: '', kind: 'x' }];
		expect(errorsOf(roomInputSchema.array(), value)).toEqual({
			'1.name': 'Enter the room name.',
			'1.kind': 'Choose the kind of room.'
		});
	});

	it('validate returns canonical data or errors', () => {
		expect(validate(roomInputSchema, room)).toEqual({ ok: true, data: room });
		expect(validate(roomInputSchema, { ...room, name: '' })).toEqual({
			ok: false,
			errors: { name: 'Enter the room name.' }
		});
	});
});
