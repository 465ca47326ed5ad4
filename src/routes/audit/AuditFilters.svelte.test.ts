import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import AuditFilters from './AuditFilters.svelte';
import { blankAuditFilter, type PatientChoice } from './audit-filter-form';

const JANE: PatientChoice = {
	id: 'JANE',
	ids: ['JANE', 'OLD-JANE'],
	label: 'Doe, Jane (MRN P0000001)'
};

function renderFilters(onReport = vi.fn()) {
	// Deeply reactive, as the page's filter state is.
	const filter = $state(blankAuditFilter('2026-11-27'));
	const findPatients = vi.fn((query: string) => (/doe|P0+1/i.test(query) ? [JANE] : []));
	render(AuditFilters, {
		filter,
		people: [{ value: 'PERSON-1', label: 'You' }],
		actions: [{ value: 'view', label: 'Viewed' }],
		findPatients,
		onReport
	});
	return { filter, findPatients, onReport };
}

describe('AuditFilters', () => {
	it('defaults to everyone and the last seven days', () => {
		const { filter } = renderFilters();
		expect(screen.getByLabelText('From')).toHaveValue('2026-11-21');
		expect(screen.getByLabelText('To')).toHaveValue('2026-11-27');
		expect(screen.getByLabelText('Person')).toHaveValue('');
		expect(filter).toMatchObject({ person: '', action: '', patient: null });
	});

	it('narrows to a person and an action', async () => {
		const { filter } = renderFilters();
		await userEvent.selectOptions(screen.getByLabelText('Person'), 'You');
		await userEvent.selectOptions(screen.getByLabelText('Action'), 'Viewed');
		expect(filter).toMatchObject({ person: 'PERSON-1', action: 'view' });
	});

	it('finds a patient by what was typed and chooses them with merged records', async () => {
		const onReport = vi.fn();
		const { filter } = renderFilters(onReport);
		await userEvent.type(screen.getByLabelText('Patient'), 'doe');
		await userEvent.click(
			screen
				.getByRole('list', { name: 'Matching patients' })
				.querySelector('button') as HTMLButtonElement
		);

		expect(filter.patient).toEqual({ ids: ['JANE', 'OLD-JANE'], label: JANE.label });
		expect(screen.getByText(JANE.label)).toBeVisible();
		await userEvent.click(screen.getByRole('button', { name: 'Who saw this record' }));
		expect(onReport).toHaveBeenCalledOnce();

		await userEvent.click(screen.getByRole('button', { name: 'Any patient' }));
		expect(filter.patient).toBeNull();
		expect(screen.getByLabelText('Patient')).toHaveValue('');
	});

	it('says when nobody matches, and when the days are the wrong way round', async () => {
		renderFilters();
		await userEvent.type(screen.getByLabelText('Patient'), 'zz');
		expect(screen.getByText('No patient on file matches “zz”.')).toBeVisible();

		await userEvent.clear(screen.getByLabelText('From'));
		await userEvent.type(screen.getByLabelText('From'), '2026-12-01');
		expect(screen.getByRole('alert')).toHaveTextContent(
			'The first day must not be after the last day.'
		);
	});
});
