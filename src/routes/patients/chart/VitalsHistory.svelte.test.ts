import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { chartVitals } from '$lib/clinical/queries';
import { NURSE_ID, makeVitalsSet, testId } from '$lib/clinical/test-support/vitals';
import VitalsHistory from './VitalsHistory.svelte';

const ME = testId(500);
const struck = chartVitals(
	makeVitalsSet(1, {
		takenAt: '2025-03-04T15:30:00.000Z',
		values: { systolic: 181, diastolic: 95 },
		enteredInError: {
			at: '2025-03-04T16:00:00.000Z',
			by: ME,
			reason: 'Systolic typed as 181',
			replacedBy: testId(2)
		}
	}),
	'1980-03-04'
);
const correction = chartVitals(
	makeVitalsSet(2, {
		takenAt: '2025-03-04T15:31:00.000Z',
		values: { systolic: 118, diastolic: 95 },
		corrects: testId(1)
	}),
	'1980-03-04'
);

function renderHistory(personId = ME) {
	const onCorrect = vi.fn();
	const onMarkInError = vi.fn();
	render(VitalsHistory, {
		sets: [correction, struck],
		unitSystem: 'metric',
		timeZone: 'America/Chicago',
		personId,
		onCorrect,
		onMarkInError
	});
	const [, correctionRow, struckRow] = screen.getAllByRole('row');
	return { onCorrect, onMarkInError, correctionRow, struckRow };
}

describe('VitalsHistory', () => {
	it('keeps a set entered in error, struck out, with why, when and by whom', () => {
		const { struckRow } = renderHistory();

		expect(struckRow).toHaveClass('in-error');
		expect(struckRow).toHaveTextContent('181/95 mm Hg');
		expect(struckRow).toHaveTextContent('Entered in error');
		expect(struckRow).toHaveTextContent(
			'Systolic typed as 181 — marked Mar 4, 2025, 10:00 AM by you. Corrected by the set of Mar 4, 2025, 9:31 AM.'
		);
	});

	it('does not say who marked a set when it was someone else', () => {
		const { struckRow } = renderHistory(NURSE_ID);

		expect(struckRow).not.toHaveTextContent('by you');
	});

	it('neither flags nor offers to change a set entered in error', () => {
		const { struckRow, correctionRow } = renderHistory();

		expect(within(struckRow).queryByText('High')).toBeNull();
		expect(within(struckRow).queryAllByRole('button')).toHaveLength(0);
		expect(within(correctionRow).getByText('High')).toBeVisible();
	});

	it('names a correction and the set it replaces', () => {
		const { correctionRow } = renderHistory();

		expect(correctionRow).toHaveTextContent('Correction');
		expect(correctionRow).toHaveTextContent('Replaces the set of Mar 4, 2025, 9:30 AM.');
	});

	it('offers Correct and Mark in error on each set still on file', async () => {
		const { onCorrect, onMarkInError } = renderHistory();

		await userEvent.click(
			screen.getByRole('button', { name: 'Correct the vitals of Mar 4, 2025, 9:31 AM' })
		);
		await userEvent.click(
			screen.getByRole('button', {
				name: 'Mark the vitals of Mar 4, 2025, 9:31 AM entered in error'
			})
		);

		expect(onCorrect).toHaveBeenCalledWith(correction);
		expect(onMarkInError).toHaveBeenCalledWith(correction);
	});
});
