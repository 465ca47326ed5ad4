import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '$lib/patients/dates';
import PatientForm from './PatientForm.svelte';
import { blankPatientForm } from './patient-form';

function renderForm() {
	// Deeply reactive, as the pages' form state is.
	const patient = $state(blankPatientForm());
	render(PatientForm, { patient, errors: {} });
	return patient;
}

describe('PatientForm', () => {
	it('asks for a description only once “another gender identity” is chosen', async () => {
		const patient = renderForm();
		expect(screen.queryByLabelText('Gender identity (please describe)')).toBeNull();

		await userEvent.selectOptions(
			screen.getByLabelText('Gender identity'),
			'Another gender identity'
		);
		await userEvent.type(screen.getByLabelText('Gender identity (please describe)'), 'Two-spirit');

		expect(patient.genderIdentityOther).toBe('Two-spirit');
	});

	it('dates a ticked consent today and asks who recorded it', async () => {
		const patient = renderForm();

		await userEvent.click(screen.getByRole('checkbox', { name: 'Text messages' }));
		await userEvent.type(screen.getByLabelText('Text messages: recorded by (optional)'), 'AL');

		expect(screen.getByLabelText('Text messages: date given')).toHaveValue(localIsoDate());
		expect(patient.consents.sms).toEqual({
			granted: true,
			recordedOn: localIsoDate(),
			recordedBy: 'AL'
		});
		expect(screen.queryByLabelText('Email: date given')).toBeNull();
	});

	it('asks for the guarantor’s birth date and address, and copies the patient’s', async () => {
		const patient = renderForm();
		await userEvent.type(screen.getByLabelText('Street address'), '12 Maple St');
		await userEvent.selectOptions(screen.getByLabelText('Who pays the bill'), 'Parent');

		expect(screen.getByLabelText('Guarantor date of birth (optional)')).toHaveAttribute(
			'type',
			'date'
		);
		await userEvent.click(screen.getByRole('button', { name: 'Same as the patient’s' }));

		expect(screen.getByLabelText('Guarantor street address (optional)')).toHaveValue('12 Maple St');
		expect(patient.guarantor.address).toMatchObject({ line1: '12 Maple St', state: 'IL' });
	});
});
