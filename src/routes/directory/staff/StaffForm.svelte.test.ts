import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FieldErrors } from '$lib/core/validation/field-errors';
import type { StaffMemberForm } from '$lib/directory/schema';
import { makeStaffForm } from '$lib/directory/test-support/records';
import StaffForm from './StaffForm.svelte';

function renderForm(errors: FieldErrors = {}) {
	// Deeply reactive, as the staff page's form state is.
	const member = $state(
		makeStaffForm({ preferredName: 'Annie', notes: 'Works Tuesdays and Thursdays' })
	);
	render(StaffForm, { member, errors });
	return member;
}

/** Every form control marked invalid. */
function invalidFields(): Element[] {
	return [...document.querySelectorAll('[aria-invalid="true"]')];
}

describe('StaffForm', () => {
	it.each([
		['First name', 'Ana'],
		['Last name', 'García'],
		['Preferred name (optional)', 'Annie'],
		['Role', 'physician'],
		['Credentials (optional)', 'MD'],
		['NPI (optional)', '1234567893'],
		['Email (optional)', 'agarcia@clinic.example'],
		['Phone (optional)', '(217) 555-0101'],
		['Start date (optional)', '2021-04-01'],
		['Notes (optional)', 'Works Tuesdays and Thursdays']
	])('shows the field “%s” with the member’s value', (label, value) => {
		renderForm();

		expect(screen.getByLabelText(label)).toHaveValue(value);
	});

	it('uses fitting inputs for email, phone, date and role', () => {
		renderForm();

		expect(screen.getByLabelText('Email (optional)')).toHaveAttribute('type', 'email');
		expect(screen.getByLabelText('Phone (optional)')).toHaveAttribute('type', 'tel');
		expect(screen.getByLabelText('Start date (optional)')).toHaveAttribute('type', 'date');
		expect(screen.getByLabelText('NPI (optional)')).toHaveAttribute('inputmode', 'numeric');
		const role = screen.getByRole('combobox', { name: 'Role' });
		expect(role).toHaveDisplayValue('Physician');
		expect(screen.getByRole('option', { name: 'Choose a role…' })).toHaveValue('');
		expect(screen.getByRole('option', { name: 'Front desk' })).toHaveValue('front-desk');
	});

	it('marks no field invalid when there are no errors', () => {
		renderForm();

		expect(document.querySelectorAll('input, select, textarea')).toHaveLength(10);
		expect(invalidFields()).toEqual([]);
		expect(document.querySelectorAll('.error')).toHaveLength(0);
	});

	it.each<[keyof StaffMemberForm, string, string]>([
		['givenName', 'First name', 'Enter the first name.'],
		['familyName', 'Last name', 'Enter the last name.'],
		[
			'preferredName',
			'Preferred name (optional)',
			'The preferred name can be at most 60 characters.'
		],
		['role', 'Role', 'Choose a role.'],
		['credentials', 'Credentials (optional)', 'Credentials can be at most 40 characters.'],
		['npi', 'NPI (optional)', 'NPI must be 10 digits.'],
		['email', 'Email (optional)', 'Enter an email address like name@example.com.'],
		['phone', 'Phone (optional)', 'Enter a phone number with area code, e.g. (555) 201-3344.'],
		['startDate', 'Start date (optional)', 'That start date is not on the calendar.'],
		['notes', 'Notes (optional)', 'Notes can be at most 500 characters.']
	])('shows errors.%s under the field “%s”, and only there', (key, label, message) => {
		renderForm({ [key]: message });

		const field = screen.getByLabelText(label);
		const error = screen.getByText(message);
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
		expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
		expect(invalidFields()).toEqual([field]);
	});

	it('shows several errors at once, each beside its own field', () => {
		renderForm({ npi: 'NPI must be 10 digits.', email: 'Enter an email address.' });

		expect(screen.getByLabelText('NPI (optional)')).toHaveAccessibleDescription(
			'For clinicians who bill: 10 digits NPI must be 10 digits.'
		);
		expect(screen.getByLabelText('Email (optional)')).toHaveAccessibleDescription(
			'Enter an email address.'
		);
		expect(invalidFields()).toEqual([
			screen.getByLabelText('NPI (optional)'),
			screen.getByLabelText('Email (optional)')
		]);
	});

	it('writes what the person types into the member being edited', async () => {
		const member = renderForm();

		const npi = screen.getByLabelText('NPI (optional)');
		await userEvent.clear(npi);
		await userEvent.type(npi, '1245319599');
		await userEvent.selectOptions(screen.getByLabelText('Role'), 'Nurse practitioner');

		expect(member.npi).toBe('1245319599');
		expect(member.role).toBe('nurse-practitioner');
	});
});
