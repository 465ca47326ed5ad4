import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session } from '$lib/app/session.svelte';
import { WrongPassphraseError } from '$lib/core/crypto/errors';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import YourSignInSection from './YourSignInSection.svelte';

// One session per test file; its one person stays signed in until the passphrase test.
const DATABASE = `your-sign-in-${crypto.randomUUID()}`;
const PASSPHRASE = 'copper gulls circle the quiet pier';
const NEW_PASSPHRASE = 'lanterns drift over the bay';
let me = '';

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		iterations: 1000,
		name: 'Dana Whitaker'
	});
	me = keys.personId;
	db.close();
	await session.start(DATABASE);
	await session.unlock(me, PASSPHRASE);
});

afterAll(async () => {
	await session.lock('manual');
});

function show() {
	render(YourSignInSection, { officeIdleMinutes: 5, iterations: 1000 });
	return userEvent.setup();
}

describe('Your sign-in', () => {
	it('shows the name and role, read-only', () => {
		show();

		expect(screen.getByText('Dana Whitaker')).toBeInTheDocument();
		expect(screen.getByText('Office manager')).toBeInTheDocument();
		expect(screen.queryByRole('textbox', { name: /name/i })).not.toBeInTheDocument();
	});

	it('keeps the person’s own idle time, and can go back to the office’s', async () => {
		const user = show();
		const idle = screen.getByLabelText('Lock after this long without use');
		expect(idle).toHaveDisplayValue('Office setting (5 min)');

		await user.selectOptions(idle, '15 minutes');
		await user.click(screen.getByRole('button', { name: 'Save' }));

		await waitFor(() => expect(session.person?.idleMinutes).toBe(15));
		expect(await screen.findByRole('status')).toHaveTextContent('after 15 minutes without use');

		await user.selectOptions(idle, 'Office setting (5 min)');
		await user.click(screen.getByRole('button', { name: 'Save' }));
		await waitFor(() => expect(session.person?.idleMinutes ?? null).toBeNull());
	});

	it('asks for the current passphrase and the same new one twice', async () => {
		const user = show();

		await user.type(screen.getByLabelText('New passphrase'), NEW_PASSPHRASE);
		await user.type(screen.getByLabelText('New passphrase again'), 'lanterns drift over the sea');
		await user.click(screen.getByRole('button', { name: 'Change passphrase' }));

		expect(screen.getByLabelText('Current passphrase')).toHaveAccessibleDescription(
			'Enter your current passphrase.'
		);
		expect(screen.getByLabelText('New passphrase again')).toHaveAccessibleDescription(
			'The two passphrases differ.'
		);
	});

	it('refuses a wrong current passphrase', async () => {
		const user = show();

		await user.type(
			screen.getByLabelText('Current passphrase'),
			'copper gulls circle the loud pier'
		);
		await user.type(screen.getByLabelText('New passphrase'), NEW_PASSPHRASE);
		await user.type(screen.getByLabelText('New passphrase again'), NEW_PASSPHRASE);
		await user.click(screen.getByRole('button', { name: 'Change passphrase' }));

		await waitFor(() =>
			expect(screen.getByLabelText('Current passphrase')).toHaveAccessibleDescription(
				'That passphrase is not correct.'
			)
		);
	});

	it('changes the passphrase: the new one signs in, the old one no longer does', async () => {
		const user = show();

		await user.type(screen.getByLabelText('Current passphrase'), PASSPHRASE);
		await user.type(screen.getByLabelText('New passphrase'), NEW_PASSPHRASE);
		await user.type(screen.getByLabelText('New passphrase again'), NEW_PASSPHRASE);
		await user.click(screen.getByRole('button', { name: 'Change passphrase' }));

		expect(await screen.findByText(/Your passphrase was changed/)).toBeInTheDocument();
		expect(screen.getByLabelText('Current passphrase')).toHaveValue('');
		const audit = session.workspace!.audit;
		const entries = (
			await Promise.all((await audit.periods()).map((p) => audit.entries(p)))
		).flat();
		expect(entries).toContainEqual(
			expect.objectContaining({ target: `person:${me}`, detail: 'Passphrase changed' })
		);
		await session.lock('manual');
		await expect(session.unlock(me, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
		await session.unlock(me, NEW_PASSPHRASE);
		expect(session.state).toBe('unlocked');
	});
});
