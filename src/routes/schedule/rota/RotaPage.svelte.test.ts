import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OfficeView } from '$lib/app/office-view.svelte';
import { createAreaOffice, type AreaOffice } from '$lib/core/test-support/area-office';
import { createStaffMember } from '$lib/directory/commands';
import { makeStaffForm } from '$lib/directory/test-support/records';
import { saveCoverageDays } from '$lib/schedule/rota-setup-commands';
import RotaPageHarness from './test-support/RotaPageHarness.svelte';

// jsdom has <dialog> but not its methods (see Dialog.svelte.test.ts).
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		this.open = false;
	};
});

let office: AreaOffice;
let view: OfficeView;
beforeEach(async () => {
	office = await createAreaOffice(['directory', 'schedule', 'audit'], 'rota harbour lanterns');
	await office.run(
		createStaffMember,
		makeStaffForm({
			givenName: 'Bea',
			familyName: 'Jones',
			role: 'front-desk',
			credentials: '',
			npi: ''
		})
	);
	// Front desk must be staffed every weekday morning; nobody is on the rota yet.
	await office.run(saveCoverageDays, {
		weekdays: [0, 1, 2, 3, 4],
		start: '08:00',
		end: '12:00',
		roleGroup: 'front-desk',
		minimum: 1
	});
	view = await OfficeView.open(office.workspace);
});
afterEach(() => office.dispose());

describe('the staff rota page', () => {
	it('lists the week’s coverage gaps, and a shift assigned in a cell adds hours and closes one', async () => {
		render(RotaPageHarness, { view });
		const gaps = await screen.findByRole('list', { name: 'Coverage gaps' });
		expect(within(gaps).getAllByRole('listitem')).toHaveLength(5);
		expect(gaps).toHaveTextContent('No front desk Monday 08:00–12:00');
		const row = screen.getByRole('row', { name: /Bea Jones/ });
		expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent('0');

		const cell = within(row).getAllByRole('button', { name: /no shift$/ })[0];
		expect(cell.closest('td')).toHaveClass('gap');
		await userEvent.click(cell);
		const dialog = screen.getByRole('dialog');
		expect(dialog).toHaveAccessibleName(/^Bea Jones — /);
		expect(within(dialog).getByLabelText('Start')).toHaveValue('08:00');
		await userEvent.click(within(dialog).getByRole('button', { name: 'Assign shift' }));

		await waitFor(() => expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent('8'));
		expect(within(row).getByRole('button', { name: /08:00–16:30$/ })).toBeInTheDocument();
		expect(within(gaps).getAllByRole('listitem')).toHaveLength(4);
		expect(gaps).not.toHaveTextContent('Monday');
	});

	it('takes a removed shift off the grid and out of the hours, and opens its gap again', async () => {
		render(RotaPageHarness, { view });
		const gaps = await screen.findByRole('list', { name: 'Coverage gaps' });
		const row = screen.getByRole('row', { name: /Bea Jones/ });
		await userEvent.click(within(row).getAllByRole('button', { name: /no shift$/ })[0]);
		await userEvent.click(screen.getByRole('button', { name: 'Assign shift' }));
		// The dialog closes once the shift is stored.
		await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
		expect(within(gaps).getAllByRole('listitem')).toHaveLength(4);

		await userEvent.click(within(row).getByRole('button', { name: /08:00–16:30$/ }));
		const dialog = screen.getByRole('dialog');
		await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 08:00–16:30' }));

		await waitFor(() => expect(within(gaps).getAllByRole('listitem')).toHaveLength(5));
		expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent('0');
		expect(within(dialog).queryByRole('button', { name: /^Remove/ })).toBeNull();
	});

	it('adds a shift template after naming what is missing, and offers it in a cell', async () => {
		render(RotaPageHarness, { view });
		await userEvent.click(await screen.findByRole('button', { name: 'Add template' }));
		let dialog = screen.getByRole('dialog', { name: 'Add shift template' });
		await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
		expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
			'Name the shift, e.g. “Front desk early”.'
		);
		await userEvent.type(within(dialog).getByLabelText('Name'), 'Front desk early');
		await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

		const list = await screen.findByRole('list', { name: 'Shift templates' });
		expect(list).toHaveTextContent(
			'Front desk early 08:00–16:30 Front desk 8 h paid, 30 min break'
		);
		const row = screen.getByRole('row', { name: /Bea Jones/ });
		await userEvent.click(within(row).getAllByRole('button', { name: /no shift$/ })[0]);
		dialog = screen.getByRole('dialog', { name: /^Bea Jones — / });
		expect(within(dialog).getByLabelText('Shift')).toHaveDisplayValue(
			'Front desk early (08:00–16:30)'
		);
	});

	it('asks for at least one day before saving a coverage requirement', async () => {
		render(RotaPageHarness, { view });
		const requirements = await screen.findByRole('list', { name: 'Coverage requirements' });
		expect(requirements).toHaveTextContent('Front desk Mon–Fri 08:00–12:00 at least 1 person');
		await userEvent.click(within(requirements).getByRole('button'));
		const dialog = screen.getByRole('dialog', { name: 'Edit coverage requirement' });
		for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
			await userEvent.click(within(dialog).getByRole('checkbox', { name: day }));
		}
		await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
		expect(within(dialog).getByText('Choose at least one day.')).toBeInTheDocument();

		await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Saturday' }));
		await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
		await waitFor(() =>
			expect(requirements).toHaveTextContent('Front desk Sat 08:00–12:00 at least 1 person')
		);
	});
});
