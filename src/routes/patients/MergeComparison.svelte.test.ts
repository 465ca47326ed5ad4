import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Patient } from '$lib/patients/schema';
import { makePatient, makePolicy } from '$lib/patients/test-support/records';
import MergeComparison from './MergeComparison.svelte';

const address = { line1: '12 Maple St', line2: '', city: 'Springfield', state: 'IL', zip: '62701' };
const survivor = makePatient(1, {
	address,
	phones: { mobile: '(217) 555-0101', home: '', work: '' }
});
const duplicate = makePatient(2, {
	givenName: 'Maria',
	address: { ...address, line1: '40 Oak Ave' },
	phones: { mobile: '(217) 555-0101', home: '(217) 555-0150', work: '' }
});
const policies = [
	makePolicy(1, survivor.id, { payerName: 'Aetna', memberId: 'A1' }),
	makePolicy(2, duplicate.id, { payerName: 'Cigna', memberId: 'C2' })
];

function renderComparison(keep: Patient = survivor, drop: Patient = duplicate) {
	const props = { onSwap: vi.fn(), onBack: vi.fn(), onConfirm: vi.fn() };
	render(MergeComparison, { survivor: keep, duplicate: drop, policies, ...props });
	return props;
}

const group = (name: string) => screen.getByRole('group', { name });

describe('MergeComparison', () => {
	it('offers a choice for each differing field, the staying record’s value chosen', () => {
		renderComparison();

		for (const name of ['First name', 'Address', 'Primary insurance']) {
			const radios = within(group(name)).getAllByRole('radio');
			expect(radios).toHaveLength(2);
			expect(radios[0]).toBeChecked();
			expect(radios[1]).not.toBeChecked();
		}
		expect(within(group('Address')).getByLabelText(/40 Oak Ave/)).toBeInTheDocument();
		expect(screen.queryByRole('group', { name: 'Mobile phone' })).toBeNull();
		expect(screen.getByText(/Filled in from MRN P\d+: home phone\./)).toBeInTheDocument();
	});

	it('merges with the values the person chose from the other record', async () => {
		const { onConfirm } = renderComparison();

		await userEvent.click(within(group('First name')).getByLabelText(/Maria/));
		await userEvent.click(within(group('Address')).getByLabelText(/40 Oak Ave/));
		await userEvent.click(within(group('Address')).getByLabelText(/12 Maple St/));
		await userEvent.click(screen.getByRole('button', { name: /^Merge MRN/ }));

		expect(onConfirm).toHaveBeenCalledWith(['givenName']);
	});

	it('says which policy is removed when both records hold a primary', async () => {
		renderComparison();
		expect(
			screen.getByText(/1 insurance policy moves to MRN .*; 1 of them as removed/)
		).toBeVisible();

		await userEvent.click(within(group('Primary insurance')).getByLabelText(/Cigna/));

		expect(screen.getByText(/1 policy of MRN .* will be removed \(restorable\)/)).toBeVisible();
		expect(screen.queryByText(/of them as removed/)).toBeNull();
	});

	it('lets the person keep the other record’s MRN instead, and go back', async () => {
		const { onSwap, onBack } = renderComparison();

		await userEvent.click(
			screen.getByRole('button', { name: `Keep MRN ${duplicate.mrn} instead` })
		);
		await userEvent.click(screen.getByRole('button', { name: 'Back' }));

		expect(onSwap).toHaveBeenCalledOnce();
		expect(onBack).toHaveBeenCalledOnce();
	});

	it('shows why two records cannot be merged, with no merge button', () => {
		renderComparison(survivor, { ...duplicate, mergedInto: makePatient(9).id });

		expect(screen.getByRole('alert')).toHaveTextContent('was already merged into another');
		expect(screen.queryByRole('button', { name: /^Merge MRN/ })).toBeNull();
	});
});
