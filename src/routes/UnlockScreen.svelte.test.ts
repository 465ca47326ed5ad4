import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session } from '$lib/app/session.svelte';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import UnlockScreen from './UnlockScreen.svelte';

// `session` is one per app (and so one per test file): it opens this database once, for all tests,
// and has no way to let go of it, so the database is left for the file's fake IndexedDB to drop.
const DATABASE = `unlock-screen-${crypto.randomUUID()}`;
const PASSPHRASE = 'copper gulls circle the quiet pier';

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	await createOffice(db, { passphrase: PASSPHRASE, areas: [...AREAS_WITH_KEYS], iterations: 1000 });
	db.close();
	await session.start(DATABASE);
});

afterEach(async () => {
	await session.lock('manual');
});

async function submit(passphrase: string) {
	const user = userEvent.setup();
	if (passphrase) await user.type(screen.getByLabelText('Passphrase'), passphrase);
	await user.click(screen.getByRole('button', { name: 'Unlock' }));
}

describe('UnlockScreen', () => {
	it('starts locked, with an empty, focused passphrase field', () => {
		render(UnlockScreen);

		expect(session.state).toBe('locked');
		const field = screen.getByLabelText('Passphrase');
		expect(field).toHaveAttribute('type', 'password');
		expect(field).toHaveValue('');
		expect(field).toHaveFocus();
	});

	it('asks for the passphrase when it is submitted empty', async () => {
		render(UnlockScreen);

		await submit('');

		const field = screen.getByLabelText('Passphrase');
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(field).toHaveAccessibleDescription('Enter your passphrase.');
		expect(session.state).toBe('locked');
	});

	it('says a wrong passphrase is not correct and stays locked', async () => {
		render(UnlockScreen);

		await submit('copper gulls circle the loud pier');

		expect(
			await screen.findByText('That passphrase is not correct. Check Caps Lock and try again.')
		).toBeInTheDocument();
		expect(screen.getByLabelText('Passphrase')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByRole('button', { name: 'Unlock' })).toBeEnabled();
		expect(session.state).toBe('locked');
		expect(session.workspace).toBeNull();
	});

	it('unlocks the office with the right passphrase and forgets what was typed', async () => {
		render(UnlockScreen);

		await submit(PASSPHRASE);

		await waitFor(() => expect(session.state).toBe('unlocked'));
		expect(session.workspace?.keys.officeId).toBe(session.office?.officeId);
		await waitFor(() => expect(screen.getByLabelText('Passphrase')).toHaveValue(''));
		expect(screen.queryByText(/passphrase is not correct/)).not.toBeInTheDocument();
	});

	it('clears an earlier error once the right passphrase is entered', async () => {
		render(UnlockScreen);
		await submit('');
		expect(screen.getByText('Enter your passphrase.')).toBeInTheDocument();

		await submit(PASSPHRASE);

		await waitFor(() => expect(session.state).toBe('unlocked'));
		expect(screen.queryByText('Enter your passphrase.')).not.toBeInTheDocument();
	});

	it('tells the person why the office was locked', async () => {
		await session.unlock(PASSPHRASE);
		await session.lock('idle');

		render(UnlockScreen);

		expect(screen.getByRole('status')).toHaveTextContent(
			'Locked because nobody used this device for a while. Your work was saved.'
		);
	});
});
