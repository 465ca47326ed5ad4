// Zod schemas for patients: the registration form (input) and the stored record. Parsing also
// normalizes (trimmed text, phones as '(555) 201-3344', lowercased email), so parsed output is
// canonical. Optional text uses '' for "not given"; absent input becomes ''.
import { z } from 'zod';
import {
	addressSchema,
	birthDate,
	optionalEmail,
	optionalIsoDate,
	optionalPhone,
	optionalRecordId,
	optionalText,
	recordId,
	requiredText,
	str
} from './fields';
import { isValidMrn } from './mrn';
import {
	GENDER_IDENTITIES,
	GUARANTOR_RELATIONSHIPS,
	SEXES_AT_BIRTH,
	type ConsentChannel
} from './vocabulary';

const phoneMessage = (which: string) =>
	`Enter the ${which} number with area code, e.g. (555) 201-3344.`;

const phonesSchema = z
	.object({
		mobile: optionalPhone(phoneMessage('mobile')),
		home: optionalPhone(phoneMessage('home')),
		work: optionalPhone(phoneMessage('work'))
	})
	.prefault({});

const emergencyContactSchema = z
	.object({
		name: optionalText('The emergency contact’s name', 120),
		relationship: optionalText('The relationship', 40),
		phone: optionalPhone(phoneMessage('emergency contact’s phone'))
	})
	.superRefine((contact, ctx) => {
		const given = contact.name !== '' || contact.relationship !== '' || contact.phone !== '';
		if (given && contact.name === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['name'],
				message: 'Enter the emergency contact’s name.'
			});
		}
		if (given && contact.phone === '') {
			ctx.addIssue({
				code: 'custom',
				path: ['phone'],
				message: 'Enter a phone number for the emergency contact.'
			});
		}
	})
	.prefault({});

const CONSENT_WORDS: Record<ConsentChannel, string> = {
	sms: 'text messages',
	email: 'email',
	voicemail: 'voicemail'
};

/**
 * Whether the patient agreed to be contacted this way, the date they gave that answer, and who
 * at the office recorded it (a name or initials; '' on records made before it was asked).
 */
const consentSchema = (channel: ConsentChannel) =>
	z
		.object({
			granted: z.boolean().default(false),
			recordedOn: optionalIsoDate('the date this answer was given'),
			recordedBy: optionalText('Who recorded the answer', 60)
		})
		.superRefine((consent, ctx) => {
			if (consent.granted && consent.recordedOn === '') {
				ctx.addIssue({
					code: 'custom',
					path: ['recordedOn'],
					message: `Enter the date the patient agreed to ${CONSENT_WORDS[channel]}.`
				});
			}
		})
		.prefault({});

const consentsSchema = z
	.object({
		sms: consentSchema('sms'),
		email: consentSchema('email'),
		voicemail: consentSchema('voicemail')
	})
	.prefault({});

const GUARANTOR_OTHERS = GUARANTOR_RELATIONSHIPS.filter((r) => r !== 'self');

/** Who pays the patient's bills: the patient, or another person with their contact details. */
const guarantorSchema = (notInFuture: boolean) =>
	z
		.discriminatedUnion(
			'relationship',
			[
				z.object({ relationship: z.literal('self') }),
				z.object({
					relationship: z.enum(GUARANTOR_OTHERS),
					givenName: requiredText(
						'The guarantor’s first name',
						60,
						'Enter the guarantor’s first name.'
					),
					familyName: requiredText(
						'The guarantor’s last name',
						60,
						'Enter the guarantor’s last name.'
					),
					dateOfBirth: birthDate('the guarantor’s date of birth', { notInFuture }).default(''),
					phone: optionalPhone(phoneMessage('guarantor’s phone')),
					address: addressSchema
				})
			],
			{ error: 'Choose who is responsible for the bill.' }
		)
		.default({ relationship: 'self' });

/** The patient's fields as a form sends them; the stored schema extends these. */
export const patientFields = z.object({
	givenName: requiredText('The first name', 60, 'Enter the legal first name.'),
	middleName: optionalText('The middle name', 60),
	familyName: requiredText('The last name', 60, 'Enter the legal last name.'),
	suffix: optionalText('The suffix', 10),
	preferredName: optionalText('The preferred name', 60),
	dateOfBirth: birthDate('the date of birth', {
		missing: 'Enter the date of birth.',
		notInFuture: true
	}),
	sexAssignedAtBirth: z.enum(SEXES_AT_BIRTH, {
		error: 'Choose the sex assigned at birth (or Unknown).'
	}),
	genderIdentity: z
		.enum(GENDER_IDENTITIES, { error: 'Choose a gender identity (or Unknown).' })
		.default('unknown'),
	genderIdentityOther: optionalText('The gender identity', 60),
	pronouns: optionalText('Pronouns', 40),
	phones: phonesSchema,
	email: optionalEmail,
	address: addressSchema,
	preferredLanguage: str()
		.refine((s) => s === '' || /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(s), {
			message: 'Choose a language from the list.',
			abort: true
		})
		.transform((s) => (s === '' ? 'en' : canonicalLanguage(s)))
		.default('en'),
	interpreterNeeded: z.boolean().default(false),
	emergencyContact: emergencyContactSchema,
	consents: consentsSchema,
	guarantor: guarantorSchema(true)
});

/** "Another gender identity" asks for the patient's own words (checked at input only). */
export function genderIdentityDescribed(
	patient: { genderIdentity: string; genderIdentityOther: string },
	ctx: z.RefinementCtx
): void {
	if (patient.genderIdentity === 'other' && patient.genderIdentityOther === '') {
		ctx.addIssue({
			code: 'custom',
			path: ['genderIdentityOther'],
			message: 'Describe the gender identity in the patient’s words, or choose another answer.'
		});
	}
}

/** The registration form: what the front desk types, checked and normalized. */
export const patientInputSchema = patientFields.superRefine(genderIdentityDescribed);

/**
 * A stored patient. Deactivated, never deleted; a merged duplicate names its survivor. Dates are
 * not checked against today: another device's clock may run ahead, and a stored record is never
 * set aside for that. Checks added to the form later (a described gender identity) are not
 * applied here, so records written before them still project.
 */
export const patientSchema = patientFields.extend({
	id: recordId,
	mrn: str().refine(isValidMrn, 'This medical record number (MRN) is malformed.'),
	dateOfBirth: birthDate('the date of birth', {
		missing: 'Enter the date of birth.',
		notInFuture: false
	}),
	guarantor: guarantorSchema(false),
	active: z.boolean(),
	mergedInto: optionalRecordId
});

export type Patient = z.output<typeof patientSchema>;
export type PatientInput = z.output<typeof patientInputSchema>;
export type PatientForm = z.input<typeof patientInputSchema>;
export type Guarantor = Patient['guarantor'];
export type Consent = Patient['consents']['sms'];

/**
 * 'ZH-hant-tw' → 'zh-Hant-TW': BCP 47 letter case only. Not Intl.getCanonicalLocales, which also
 * replaces aliases ('tl' → 'fil') differently from one engine version to the next.
 */
function canonicalLanguage(code: string): string {
	return code
		.split('-')
		.map((part, i) =>
			i === 0
				? part.toLowerCase()
				: /^[a-z]{4}$/i.test(part)
					? part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()
					: /^[a-z]{2}$/i.test(part)
						? part.toUpperCase()
						: part.toLowerCase()
		)
		.join('-');
}
