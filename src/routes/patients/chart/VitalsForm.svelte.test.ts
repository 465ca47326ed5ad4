import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ageOn, type Age } from '$lib/clinical/age';
import type { FieldErrors } from '$lib/core/validation/field-errors';
import { blankVitalsForm, type VitalsFormState } from './vitals-form';
import VitalsForm from './VitalsForm.svelte';

const TAKEN = new Date('2025-03-04T15:30:00Z');
const ages: Record<string, Age | null> = {
	'a newborn': ageOn('2025-02-20', '2025-03-04'),
	'a two-year-old': ageOn('2022-03-05', '2025-03-04'),
	'a three-year-old': ageOn('2022-03-04', '2025-03-04'),
	'an adult': ageOn('1980-03-04', '2025-03-04'),
	'a patient of unknown age': null
};

function renderForm(
	who: keyof typeof ages,
	options: { errors?: FieldErrors; correcting?: boolean; form?: Partial<VitalsFormState> } = {}
) {
	// Deeply reactive, as the record editor's form state is.
	const form = $state({
		...blankVitalsForm('imperial', TAKEN, 'America/Chicago'),
		...options.form
	});
	render(VitalsForm, {
		form,
		errors: options.errors ?? {},
		age: ages[who],
		timeZone: 'America/Chicago',
		correcting: options.correcting ?? false
	});
	return form;
}

const offered = (label: string) => screen.queryByLabelText(label) !== null;

describe('VitalsForm', () => {
	it('asks when the vitals were taken, in office time, defaulting to the time it opened', () => {
		renderForm('an adult');

		const taken = screen.getByLabelText('Time taken');
		expect(taken).toHaveAttribute('type', 'datetime-local');
		expect(taken).toHaveValue('2025-03-04T09:30');
		expect(taken).toHaveAccessibleDescription('Office time (America/Chicago)');
	});

	it('shows a message about the time taken on its field', () => {
		const message = 'The time taken is in the future: check the date and time.';
		renderForm('an adult', { errors: { takenAt: message } });

		expect(screen.getByLabelText('Time taken')).toHaveAccessibleDescription(
			`Office time (America/Chicago) ${message}`
		);
	});

	it.each([
		['a newborn', true],
		['a two-year-old', true],
		['a three-year-old', false],
		['an adult', false],
		['a patient of unknown age', false]
	] as const)('offers head circumference and ounces to %s: %s', (who, shown) => {
		renderForm(who);

		expect(offered('Head circumference (in)')).toBe(shown);
		expect(offered('Weight (oz)')).toBe(shown);
		expect(offered('Weight (lb)')).toBe(true);
	});

	it('offers no ounces box in metric units', () => {
		renderForm('a newborn', { form: { unitSystem: 'metric' } });

		expect(offered('Weight (kg)')).toBe(true);
		expect(offered('Weight (oz)')).toBe(false);
		expect(offered('Head circumference (cm)')).toBe(true);
	});

	it('binds a baby’s pounds and ounces as typed', async () => {
		const form = renderForm('a newborn');

		await userEvent.type(screen.getByLabelText('Weight (lb)'), '7');
		await userEvent.type(screen.getByLabelText('Weight (oz)'), '8');

		expect(form.weightLb).toBe('7');
		expect(form.weightOz).toBe('8');
	});

	it('counts ounces in the live BMI', async () => {
		renderForm('a two-year-old', { form: { heightFt: '2', heightIn: '10', weightLb: '28' } });
		expect(screen.getByRole('status')).toHaveTextContent('BMI: 17 kg/m²');

		await userEvent.type(screen.getByLabelText('Weight (oz)'), '8');

		expect(screen.getByRole('status')).toHaveTextContent('BMI: 17.3 kg/m²');
	});

	it('clears ounces and head circumference once the age no longer calls for them', () => {
		const form = renderForm('an adult', { form: { weightOz: '8', headCircumference: '14' } });

		expect(form.weightOz).toBe('');
		expect(form.headCircumference).toBe('');
	});

	it('asks why the earlier vitals were wrong only when correcting', () => {
		renderForm('an adult', { correcting: true, errors: { reason: 'Say why.' } });

		const reason = screen.getByLabelText('Why the earlier vitals were wrong');
		expect(reason).toHaveAccessibleDescription('Say why.');
	});

	it('does not ask for a reason when recording new vitals', () => {
		renderForm('an adult');

		expect(offered('Why the earlier vitals were wrong')).toBe(false);
		expect(offered('Notes (optional)')).toBe(true);
	});
});
