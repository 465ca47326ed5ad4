import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session } from '$lib/app/session.svelte';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import type { StaffMember } from '$lib/directory/schema';
import { roleOverrides } from '$lib/people/admin';
import AddPersonDialog from './AddPersonDialog.svelte';
import RolesTable from './RolesTable.svelte';

// One session per test file (see UnlockScreen.svelte.test.ts): a manager is signed in throughout.
const DATABASE = `people-page-${crypto.randomUUID()}`;
const PASSPHRASE = 'copper gulls circle the quiet pier';

beforeAll(async () => {
	// jsdom has <dialog> but not its methods (see Dialog.svelte.test.ts).
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		if (!this.open) return;
		this.open = false;
		this.dispatchEvent(new Event('close'));
	};
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		iterations: 1000
	});
	db.close();
	await session.start(DATABASE);
	await session.unlock(keys.personId, PASSPHRASE);
});

afterAll(async () => {
	await session.lock('manual');
});

const staffMember = (id: string, givenName: string, familyName: string) =>
	({ id, givenName, familyName, active: true }) as StaffMember;

describe('Add a person', () => {
	function renderDialog() {
		const onDone = vi.fn();
		const staff = [staffMember('S1', 'Robin', 'Lee')];
		render(AddPersonDialog, { staff, onDone, onClose: vi.fn() });
		return { onDone, user: userEvent.setup() };
	}

	it('asks for a name and a role before the passphrase', async () => {
		const { user } = renderDialog();

		await user.click(screen.getByRole('button', { name: 'Next' }));

		expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(
			'Enter the person’s name, or pick them from the staff list.'
		);
		expect(screen.getByRole('group', { name: 'Roles' })).toHaveAccessibleDescription(
			'Choose at least one role.'
		);
		expect(screen.queryByLabelText('Passphrase')).toBeNull();
	});

	it('fills the name from the staff list and refuses a weak or mistyped passphrase', async () => {
		const { user, onDone } = renderDialog();
		await user.selectOptions(screen.getByLabelText('From the staff list'), 'Robin Lee');
		expect(screen.getByLabelText('Name')).toHaveValue('Robin Lee');
		await user.click(screen.getByRole('checkbox', { name: 'Front desk' }));
		await user.click(screen.getByRole('button', { name: 'Next' }));

		expect(
			screen.getByRole('heading', {
				name: 'Hand the device to Robin Lee to choose their passphrase'
			})
		).toBeInTheDocument();
		await user.type(screen.getByLabelText('Passphrase'), 'short');
		await user.type(screen.getByLabelText('Passphrase again'), 'shorter');
		await user.click(screen.getByRole('button', { name: 'Add Robin Lee' }));

		expect(screen.getByLabelText('Passphrase')).toHaveAccessibleDescription(
			expect.stringContaining('Use at least 10 characters.')
		);
		expect(screen.getByLabelText('Passphrase again')).toHaveAccessibleDescription(
			'The two passphrases are not the same.'
		);
		expect(onDone).not.toHaveBeenCalled();
	});

	it('adds the person, linked to their staff record, with the passphrase they typed', async () => {
		const { user, onDone } = renderDialog();
		await user.selectOptions(screen.getByLabelText('From the staff list'), 'Robin Lee');
		await user.click(screen.getByRole('checkbox', { name: 'Front desk' }));
		await user.click(screen.getByRole('button', { name: 'Next' }));
		await user.type(screen.getByLabelText('Passphrase'), 'blue herons wade at dawn');
		await user.type(screen.getByLabelText('Passphrase again'), 'blue herons wade at dawn');

		await user.click(screen.getByRole('button', { name: 'Add Robin Lee' }));

		await waitFor(() =>
			expect(onDone).toHaveBeenCalledWith(
				'Robin Lee can now sign in on the devices of this office.'
			)
		);
		expect(session.people.find((p) => p.name === 'Robin Lee')).toMatchObject({
			roles: ['front-desk'],
			active: true,
			staffId: 'S1'
		});
	}, 20_000);
});

describe('Roles table', () => {
	function renderTable() {
		const onDone = vi.fn();
		render(RolesTable, { overrides: roleOverrides(session.authority.require()), onDone });
		return { onDone, user: userEvent.setup() };
	}

	it('fixes the manager’s column and the areas everyone holds', () => {
		renderTable();

		for (const area of ['Accounts, bank and payroll', 'Charts: vitals, histories, documents']) {
			const cell = screen.getByRole('checkbox', { name: `Office manager: ${area}` });
			expect(cell).toBeChecked();
			expect(cell).toBeDisabled();
		}
		for (const role of ['Front desk', 'Bookkeeper']) {
			const directory = screen.getByRole('checkbox', {
				name: `${role}: Staff, rooms and office settings`
			});
			expect(directory).toBeChecked();
			expect(directory).toBeDisabled();
		}
		const deskPayroll = screen.getByRole('checkbox', {
			name: 'Front desk: Accounts, bank and payroll'
		});
		expect(deskPayroll).not.toBeChecked();
		expect(deskPayroll).toBeEnabled();
		expect(screen.queryByRole('button', { name: 'Save Office manager' })).toBeNull();
	});

	it('asks before a role stops opening an area, and changes nothing on Cancel', async () => {
		const { user, onDone } = renderTable();
		const save = screen.getByRole('button', { name: 'Save Front desk' });
		expect(save).toBeDisabled();

		await user.click(
			screen.getByRole('checkbox', { name: 'Front desk: Bills, statements and claims' })
		);
		await user.click(save);

		const confirm = screen.getByRole('dialog', { name: 'Take areas away from Front desk?' });
		expect(confirm).toHaveTextContent(
			'Front desk will no longer open: Bills, statements and claims.'
		);
		await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
		expect(onDone).not.toHaveBeenCalled();
		expect(session.authority.require().roleAreas.size).toBe(0);
	});
});
