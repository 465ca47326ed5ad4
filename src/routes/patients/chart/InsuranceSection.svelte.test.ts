import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '$lib/core/session/workspace';
import type { InsurancePolicy } from '$lib/patients/insurance-schema';
import { makePolicy, testId } from '$lib/patients/test-support/records';
import InsuranceSection from './InsuranceSection.svelte';

// Rendering reads only the keyring (card photos need the clinical key); no command runs here.
const workspace = { keys: { keyring: { has: () => false } } } as unknown as Workspace;
const patientId = testId(1);

function renderSection(policies: InsurancePolicy[]) {
	render(InsuranceSection, { workspace, patientId, policies });
}

describe('InsuranceSection', () => {
	it('warns when two active policies are both primary', () => {
		renderSection([
			makePolicy(1, patientId, { payerName: 'Aetna' }),
			makePolicy(2, patientId, { payerName: 'Cigna' }),
			makePolicy(3, patientId, { payerName: 'Humana', order: 'secondary' })
		]);

		const warning = screen.getByRole('alert');
		expect(warning).toHaveTextContent('2 active policies are marked primary: Aetna and Cigna.');
	});

	it('gives no warning once one of them is removed, and lists it apart to restore', async () => {
		renderSection([
			makePolicy(1, patientId, { payerName: 'Aetna' }),
			makePolicy(2, patientId, { payerName: 'Cigna', active: false })
		]);
		expect(screen.queryByRole('alert')).toBeNull();
		expect(
			within(screen.getByRole('list', { name: 'Insurance policies' })).getAllByRole('listitem')
		).toHaveLength(1);

		await userEvent.click(screen.getByRole('button', { name: 'Show removed policies (1)' }));

		const removed = screen.getByRole('list', { name: 'Removed insurance policies' });
		expect(within(removed).getByText('Cigna')).toBeInTheDocument();
		expect(within(removed).getByRole('button', { name: 'Restore Cigna' })).toBeEnabled();
	});
});
