import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '$lib/core/validation/field-errors';
import { localIsoDate } from './dates';
import { patientInputSchema, patientSchema } from './schema';
import { makePatient, makePatientForm, testId } from './test-support/records';

/** Field messages for `value`, or {} when it parses. */
function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
	const result = schema.safeParse(value);
	return result.success ? {} : fieldErrors(result);
}

const tomorrow = localIsoDate(new Date(Date.now() + 24 * 3600 * 1000));
const address = { line1: '12 Maple St', city: 'Springfield', state: 'il', zip: '62701' };

describe('patient registration form', () => {
	it('fills every optional field with its blank value and normalizes what was typed', () => {
		const parsed = patientInputSchema.parse(
			makePatientForm({
				givenName: ' María ',
				phones: { mobile: '217.555.0101' },
				email: ' Maria@Example.COM ',
				preferredLanguage: 'ZH-hant-tw'
			})
		);
		expect(parsed).toEqual({
			...makePatient(1, { phones: { mobile: '(217) 555-0101', home: '', work: '' } }),
			email: 'maria@example.com',
			preferredLanguage: 'zh-Hant-TW',
			id: undefined,
			mrn: undefined,
			active: undefined,
			mergedInto: undefined
		});
	});

	it('accepts a guarantor who is another person, with their address', () => {
		const guarantor = {
			relationship: 'parent' as const,
			givenName: 'Rosa',
			familyName: 'García',
			dateOfBirth: '1960-01-31',
			phone: '2175550102',
			address
		};
		expect(patientInputSchema.parse(makePatientForm({ guarantor })).guarantor).toEqual({
			...guarantor,
			phone: '(217) 555-0102',
			address: { ...address, line2: '', state: 'IL' }
		});
	});

	it('drops the details of a guarantor once the patient is their own guarantor', () => {
		const form = makePatientForm({
			guarantor: { relationship: 'self', givenName: 'Rosa' } as never
		});
		expect(patientInputSchema.parse(form).guarantor).toEqual({ relationship: 'self' });
	});

	it('accepts a birth today and the first of January 1900', () => {
		expect(errorsOf(patientInputSchema, makePatientForm({ dateOfBirth: localIsoDate() }))).toEqual(
			{}
		);
		expect(errorsOf(patientInputSchema, makePatientForm({ dateOfBirth: '1900-01-01' }))).toEqual(
			{}
		);
	});

	it.each([
		['givenName', '  ', 'Enter the legal first name.'],
		['givenName', undefined, 'Enter the legal first name.'],
		['familyName', '', 'Enter the legal last name.'],
		['givenName', 'x'.repeat(61), 'The first name can be at most 60 characters.'],
		['suffix', 'x'.repeat(11), 'The suffix can be at most 10 characters.'],
		['dateOfBirth', '', 'Enter the date of birth.'],
		['dateOfBirth', undefined, 'Enter the date of birth.'],
		['dateOfBirth', '03/07/1984', 'Enter the date of birth as YYYY-MM-DD.'],
		['dateOfBirth', 'yesterday', 'Enter the date of birth as YYYY-MM-DD.'],
		['dateOfBirth', '1983-02-29', 'The date of birth is not on the calendar.'],
		['dateOfBirth', '1800-01-01', 'The date of birth must be in 1900 or later — check the year.'],
		['dateOfBirth', '1899-12-31', 'The date of birth must be in 1900 or later — check the year.'],
		['dateOfBirth', tomorrow, 'The date of birth cannot be in the future.'],
		['dateOfBirth', '2999-01-01', 'The date of birth cannot be in the future.'],
		['sexAssignedAtBirth', 'f', 'Choose the sex assigned at birth (or Unknown).'],
		['sexAssignedAtBirth', undefined, 'Choose the sex assigned at birth (or Unknown).'],
		['genderIdentity', 'woman', 'Choose a gender identity (or Unknown).'],
		['email', 'maria@example', 'Enter an email address like name@example.com.'],
		['preferredLanguage', 'Spanish!', 'Choose a language from the list.'],
		['pronouns', 'x'.repeat(41), 'Pronouns can be at most 40 characters.']
	])('%s = %j → %j', (field, value, message) => {
		expect(errorsOf(patientInputSchema, makePatientForm({ [field]: value }))).toEqual({
			[field]: message
		});
	});

	it.each([
		[
			{ phones: { mobile: '555-0100' } },
			'phones.mobile',
			'Enter the mobile number with area code, e.g. (555) 201-3344.'
		],
		[
			{ phones: { home: '(217) 155-0100' } },
			'phones.home',
			'Enter the home number with area code, e.g. (555) 201-3344.'
		],
		[
			{ phones: { work: '217-555-CALL' } },
			'phones.work',
			'Enter the work number with area code, e.g. (555) 201-3344.'
		],
		[
			{ address: { ...address, zip: '6270' } },
			'address.zip',
			'Enter a ZIP code like 12345 or 12345-6789.'
		],
		[{ address: { ...address, state: 'XX' } }, 'address.state', 'Choose a state.'],
		[
			{ address: { line1: '12 Maple St', state: 'IL', zip: '62701' } },
			'address.city',
			'Enter the city.'
		],
		[
			{ emergencyContact: { name: 'Rosa García' } },
			'emergencyContact.phone',
			'Enter a phone number for the emergency contact.'
		],
		[
			{ emergencyContact: { phone: '2175550102' } },
			'emergencyContact.name',
			'Enter the emergency contact’s name.'
		],
		[
			{ consents: { sms: { granted: true } } },
			'consents.sms.recordedOn',
			'Enter the date the patient agreed to text messages.'
		],
		[
			{ consents: { email: { granted: true, recordedOn: '2024-13-01' } } },
			'consents.email.recordedOn',
			'The date this answer was given is not on the calendar.'
		],
		[
			{
				consents: {
					voicemail: { granted: true, recordedOn: '2024-05-01', recordedBy: 'x'.repeat(61) }
				}
			},
			'consents.voicemail.recordedBy',
			'Who recorded the answer can be at most 60 characters.'
		],
		[
			{ genderIdentity: 'other', genderIdentityOther: '  ' },
			'genderIdentityOther',
			'Describe the gender identity in the patient’s words, or choose another answer.'
		],
		[
			{ guarantor: { relationship: 'boss' } },
			'guarantor.relationship',
			'Choose who is responsible for the bill.'
		],
		[
			{ guarantor: { relationship: 'parent', familyName: 'García' } },
			'guarantor.givenName',
			'Enter the guarantor’s first name.'
		],
		[
			{
				guarantor: {
					relationship: 'parent',
					givenName: 'Rosa',
					familyName: 'García',
					dateOfBirth: tomorrow
				}
			},
			'guarantor.dateOfBirth',
			'The guarantor’s date of birth cannot be in the future.'
		]
	] as const)('%j → %s: %s', (overrides, path, message) => {
		expect(errorsOf(patientInputSchema, makePatientForm(overrides as never))).toEqual({
			[path]: message
		});
	});
});

describe('gender identity and consents', () => {
	it('keeps the patient’s own words for another gender identity', () => {
		const form = makePatientForm({ genderIdentity: 'other', genderIdentityOther: ' Two-spirit ' });
		expect(patientInputSchema.parse(form)).toMatchObject({
			genderIdentity: 'other',
			genderIdentityOther: 'Two-spirit'
		});
	});

	it('records the date a consent was given and who recorded it', () => {
		const sms = { granted: true, recordedOn: '2026-03-01', recordedBy: ' Ana L. ' };
		const parsed = patientInputSchema.parse(makePatientForm({ consents: { sms } }));
		expect(parsed.consents.sms).toEqual({ ...sms, recordedBy: 'Ana L.' });
		expect(parsed.consents.email).toEqual({ granted: false, recordedOn: '', recordedBy: '' });
	});
});

describe('stored patient', () => {
	it('round-trips a full record', () => {
		const patient = makePatient(7, { mergedInto: testId(3), active: false });
		expect(patientSchema.parse(patient)).toEqual(patient);
	});

	it('reads records written before consents named who recorded them', () => {
		const older = makePatient(2, { genderIdentity: 'other' }) as Record<string, unknown>;
		older.consents = { sms: { granted: true, recordedOn: '2024-05-01' } };
		expect(patientSchema.parse(older).consents.sms).toEqual({
			granted: true,
			recordedOn: '2024-05-01',
			recordedBy: ''
		});
	});

	it('keeps a future date of birth written by a device whose clock runs ahead', () => {
		expect(errorsOf(patientSchema, makePatient(1, { dateOfBirth: tomorrow }))).toEqual({});
	});

	it.each([
		['id', 'not-a-ulid', 'This record has a malformed ID.'],
		['mrn', 'P0000017', 'This medical record number (MRN) is malformed.'],
		['mrn', '12345', 'This medical record number (MRN) is malformed.'],
		['mergedInto', 'someone', 'This record has a malformed ID.'],
		['dateOfBirth', '1899-12-31', 'The date of birth must be in 1900 or later — check the year.']
	])('%s = %j → %j', (field, value, message) => {
		expect(errorsOf(patientSchema, makePatient(1, { [field]: value }))).toEqual({
			[field]: message
		});
	});
});
