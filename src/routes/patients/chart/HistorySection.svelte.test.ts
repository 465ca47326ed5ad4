import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importHistory } from '$lib/clinical/history-import';
import { historyItemsOf } from '$lib/clinical/queries';
import {
	createClinicalOffice,
	type ClinicalOffice
} from '$lib/clinical/test-support/clinical-office';
import { storedItems } from '$lib/clinical/test-support/history';
import { PATIENT_ID, testId } from '$lib/clinical/test-support/vitals';
import { directoryTablesOf, makeStaffMember } from '$lib/directory/test-support/records';
import HistorySection from './HistorySection.svelte';

// jsdom has <dialog> but not its methods; these do what a browser does, minus focus and inertness.
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		if (!this.open) return;
		this.open = false;
		this.dispatchEvent(new Event('close'));
	};
});

let office: ClinicalOffice;
const PATIENT = { id: PATIENT_ID };

beforeEach(async () => {
	office = await createClinicalOffice();
});

afterEach(async () => {
	// Unmounted first, so nothing reads the office while it closes.
	cleanup();
	await office.dispose();
});

/** The chart's history section, with the signed-in person on the staff list as a nurse. */
async function renderSection() {
	const nurse = makeStaffMember(1, {
		id: office.workspace.keys.personId,
		givenName: 'Priya',
		familyName: 'Castillo',
		credentials: 'RN',
		role: 'registered-nurse'
	});
	render(HistorySection, {
		workspace: office.workspace,
		patient: PATIENT,
		directory: directoryTablesOf({ staff: [nurse] }),
		timeZone: 'UTC'
	});
	await screen.findByRole('tablist', { name: 'Medical history sections' });
	return userEvent.setup();
}

describe('HistorySection', () => {
	it('adds an allergy in a few taps and lists it with who recorded it and when', async () => {
		const user = await renderSection();
		await user.click(screen.getByRole('tab', { name: 'Allergies' }));
		expect(screen.getByText('Allergies not recorded.')).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Add allergy' }));
		const dialog = screen.getByRole('dialog', { name: 'Add allergy' });
		await user.click(within(dialog).getByRole('button', { name: 'Penicillin' }));
		await user.click(within(dialog).getByRole('button', { name: 'Hives' }));
		await user.click(within(dialog).getByRole('button', { name: 'Rash' }));
		await user.click(within(dialog).getByRole('button', { name: 'Moderate' }));
		expect(within(dialog).getByLabelText('Substance')).toHaveValue('Penicillin');
		expect(within(dialog).getByRole('button', { name: 'Medication' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await user.click(within(dialog).getByRole('button', { name: 'Save' }));

		await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
		expect(screen.getByRole('status')).toHaveTextContent('The allergy was saved.');
		const list = screen.getByRole('list', { name: 'Allergies, current' });
		expect(within(list).getByText('Penicillin')).toBeInTheDocument();
		expect(within(list).getByText('Medication · Hives, Rash · Moderate')).toBeInTheDocument();
		expect(
			within(list).getByText('Recorded Mar 15, 2026 by Priya Castillo, RN')
		).toBeInTheDocument();
		expect(screen.getByRole('tab', { name: 'Allergies 1' })).toHaveAttribute(
			'aria-selected',
			'true'
		);
		const [stored] = await historyItemsOf(office.workspace, PATIENT);
		expect(stored).toMatchObject({
			kind: 'allergy',
			substance: 'Penicillin',
			category: 'drug',
			reactions: ['hives', 'rash'],
			severity: 'moderate',
			recordedBy: office.workspace.keys.personId
		});
	});

	it('keeps the dialog open with each message beside its field when the form is incomplete', async () => {
		const user = await renderSection();
		await user.click(screen.getByRole('tab', { name: 'Allergies' }));
		await user.click(screen.getByRole('button', { name: 'Add allergy' }));

		const dialog = screen.getByRole('dialog', { name: 'Add allergy' });
		await user.click(within(dialog).getByRole('button', { name: 'Save' }));

		await waitFor(() =>
			expect(within(dialog).getByLabelText('Substance')).toHaveAccessibleDescription(
				'Enter what the patient is allergic to.'
			)
		);
		expect(
			within(dialog).getByRole('group', { name: 'Kind of allergy' })
		).toHaveAccessibleDescription('Choose what kind of allergy this is.');
		expect(await historyItemsOf(office.workspace, PATIENT)).toEqual([]);
	});

	it('records “no known allergies” with one tap', async () => {
		const user = await renderSection();
		await user.click(screen.getByRole('tab', { name: 'Allergies' }));

		await user.click(screen.getByRole('button', { name: 'No known allergies' }));

		expect(await screen.findByText('No known allergies recorded.')).toBeInTheDocument();
		const list = await screen.findByRole('list', { name: 'Allergies, current' });
		expect(within(list).getByText('No known allergies')).toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'No known allergies' })).toBeInTheDocument();
	});

	it('strikes an item out after confirmation and keeps it under “entered in error”', async () => {
		await office.run(importHistory, { items: [storedItems.problem(1)] });
		const user = await renderSection();
		await screen.findByText('Essential hypertension');

		await user.click(
			screen.getByRole('button', { name: 'Mark Essential hypertension entered in error' })
		);
		const dialog = screen.getByRole('dialog', { name: 'Mark as entered in error?' });
		await user.click(within(dialog).getByRole('button', { name: 'Duplicate entry' }));
		await user.click(within(dialog).getByRole('button', { name: 'Mark entered in error' }));

		await screen.findByText('No problems on file.');
		await user.click(screen.getByRole('button', { name: 'Show 1 entered in error' }));
		const struck = screen.getByRole('list', { name: 'Problems, entered in error' });
		expect(within(struck).getByText('Essential hypertension')).toBeInTheDocument();
		expect(
			within(struck).getByText(
				'Marked entered in error Mar 15, 2026 by Priya Castillo, RN: Duplicate entry'
			)
		).toBeInTheDocument();
		expect(within(struck).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
		const [stored] = await historyItemsOf(office.workspace, PATIENT);
		expect(stored.id).toBe(testId(1));
	});
});
