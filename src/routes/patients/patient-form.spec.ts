import { describe, expect, it } from 'vitest';
import { patientInputSchema } from '$lib/patients/schema';
import { makePatient } from '$lib/patients/test-support/records';
import { blankPatientForm, patientFormOf, patientInput } from './patient-form';

function filledForm() {
	return {
		...blankPatientForm(),
		givenName: 'María',
		familyName: 'García',
		dateOfBirth: '1984-03-07',
		sexAssignedAtBirth: 'female'
	};
}

describe('patientInput', () => {
	it('sends a gender identity description only with “another gender identity”', () => {
		const form = { ...filledForm(), genderIdentity: 'female', genderIdentityOther: 'Two-spirit' };
		expect(patientInput(form).genderIdentityOther).toBe('');
		expect(patientInput({ ...form, genderIdentity: 'other' }).genderIdentityOther).toBe(
			'Two-spirit'
		);
	});

	it('keeps the date and recorder of a ticked consent and clears an unticked one', () => {
		const form = filledForm();
		form.consents.sms = { granted: true, recordedOn: '2026-03-01', recordedBy: 'AL' };
		form.consents.email = { granted: false, recordedOn: '2026-03-01', recordedBy: 'AL' };

		const input = patientInputSchema.parse(patientInput(form));

		expect(input.consents.sms).toEqual({
			granted: true,
			recordedOn: '2026-03-01',
			recordedBy: 'AL'
		});
		expect(input.consents.email).toEqual({ granted: false, recordedOn: '', recordedBy: '' });
	});

	it('sends a guarantor’s date of birth and address, or no address when none was typed', () => {
		const form = filledForm();
		form.guarantor = {
			...form.guarantor,
			relationship: 'parent',
			givenName: 'Rosa',
			familyName: 'García',
			dateOfBirth: '1960-01-02'
		};
		expect(patientInputSchema.parse(patientInput(form)).guarantor).toMatchObject({
			dateOfBirth: '1960-01-02',
			address: { line1: '', city: '', zip: '' }
		});

		form.guarantor.address = {
			line1: '9 Elm St',
			line2: '',
			city: 'Peoria',
			state: 'IL',
			zip: '61602'
		};
		expect(patientInputSchema.parse(patientInput(form)).guarantor).toMatchObject({
			address: { line1: '9 Elm St', city: 'Peoria', zip: '61602' }
		});
	});
});

describe('patientFormOf', () => {
	it('fills the guarantor’s address fields for a record saved without them', () => {
		const form = patientFormOf(makePatient(1));
		expect(form.guarantor.address).toEqual({ line1: '', line2: '', city: '', state: '', zip: '' });
		expect(form.consents.sms).toEqual({ granted: false, recordedOn: '', recordedBy: '' });
	});
});
