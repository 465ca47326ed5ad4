import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import TextField from './TextField.svelte';
import BoundTextField from './test-support/BoundTextField.svelte';

describe('TextField', () => {
	it('labels its input', () => {
		render(TextField, { label: 'Office name', value: 'Riverside Clinic' });

		const input = screen.getByLabelText('Office name');
		expect(input).toBeInstanceOf(HTMLInputElement);
		expect(input).toHaveValue('Riverside Clinic');
		expect(input).toHaveAttribute('type', 'text');
	});

	it('gives two fields on one page labels of their own', () => {
		render(TextField, { label: 'First name', value: '' });
		render(TextField, { label: 'Last name', value: '' });

		expect(screen.getByLabelText('First name')).not.toBe(screen.getByLabelText('Last name'));
	});

	it('is neither invalid nor described when it has no error or hint', () => {
		render(TextField, { label: 'City', value: '' });

		const input = screen.getByLabelText('City');
		expect(input).not.toHaveAttribute('aria-invalid');
		expect(input).not.toHaveAttribute('aria-describedby');
		expect(input).toBeValid();
	});

	it('marks the input invalid and points its description at the error text', () => {
		render(TextField, { label: 'ZIP code', value: '6270', error: 'Enter a ZIP code like 12345.' });

		const input = screen.getByLabelText('ZIP code');
		const error = screen.getByText('Enter a ZIP code like 12345.');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAttribute('aria-describedby', error.id);
		expect(input).toHaveAccessibleDescription('Enter a ZIP code like 12345.');
	});

	it('points its description at the hint', () => {
		render(TextField, { label: 'Credentials', value: '', hint: 'e.g. MD, RN, CMA' });

		const input = screen.getByLabelText('Credentials');
		const hint = screen.getByText('e.g. MD, RN, CMA');
		expect(input).toHaveAttribute('aria-describedby', hint.id);
		expect(input).toHaveAccessibleDescription('e.g. MD, RN, CMA');
		expect(input).not.toHaveAttribute('aria-invalid');
	});

	it('is described by the hint first and then the error when it has both', () => {
		render(TextField, {
			label: 'NPI',
			value: '123',
			hint: 'For clinicians who bill: 10 digits',
			error: 'NPI must be 10 digits.'
		});

		expect(screen.getByLabelText('NPI')).toHaveAccessibleDescription(
			'For clinicians who bill: 10 digits NPI must be 10 digits.'
		);
	});

	it('passes other attributes through to the input', () => {
		render(TextField, { label: 'Email', value: '', type: 'email', autocomplete: 'email' });

		const input = screen.getByLabelText('Email');
		expect(input).toHaveAttribute('type', 'email');
		expect(input).toHaveAttribute('autocomplete', 'email');
	});

	it('updates a bound value as the person types', async () => {
		const onValue = vi.fn();
		render(BoundTextField, { label: 'Room name', onValue });

		await userEvent.type(screen.getByLabelText('Room name'), 'Exam 4');

		expect(onValue).toHaveBeenLastCalledWith('Exam 4');
	});

	it('binds a number for a number input', async () => {
		const onValue = vi.fn();
		render(BoundTextField, { label: 'Auto-lock minutes', type: 'number', onValue });

		await userEvent.type(screen.getByLabelText('Auto-lock minutes'), '15');

		expect(onValue).toHaveBeenLastCalledWith(15);
	});
});
