import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session, type LockReason } from '$lib/app/session.svelte';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import UnlockScreen from './UnlockScreen.svelte';

// `session` is one per app (and so one per test file): it opens this database once, for all tests,
// and has no way to let go of it, so the database is left for the file's fake IndexedDB to drop.
// This office has one person, so the screen goes straight to their passphrase.
const DATABASE = `unlock-screen-${crypto.randomUUID()}`;
const PASSPHRASE = 'copper gulls circle the quiet pier';
let owner = '';

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		iterations: 1000,
		name: 'Dana Whitaker'
	});
	owner = keys.personId;
	db.close();
	await session.start(DATABASE);
});

afterEach(async () => {
	await session.lock('manual');
});

async function submit(passphrase: string) {
	const user = userEvent.setup();
	const field = await screen.findByLabelText('Passphrase');
	if (passphrase) await user.type(field, passphrase);
	await user.click(screen.getByRole('button', { name: 'Unlock' }));
}

describe('UnlockScreen with one person', () => {
	it('starts locked, on the only person, with an empty, focused passphrase field', async () => {
		render(UnlockScreen);

		expect(session.state).toBe('locked');
		const field = await screen.findByLabelText('Passphrase');
		expect(field).toHaveAttribute('type', 'password');
		expect(field).toHaveValue('');
		expect(field).toHaveFocus();
		expect(screen.getByText('Dana Whitaker')).toBeInTheDocument();
		expect(screen.getByText('Office manager')).toBeInTheDocument();
		expect(screen.queryByRole('heading', { name: 'Who is signing in?' })).not.toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'Not you?' })).not.toBeInTheDocument();
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
		expect(session.person?.id).toBe(owner);
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

	it('offers no recovery key to a person who never made a recovery sheet', async () => {
		render(UnlockScreen);

		await screen.findByLabelText('Passphrase');
		expect(screen.queryByRole('button', { name: /recovery key/ })).not.toBeInTheDocument();
	});

	it.each<[Exclude<LockReason, null>, string]>([
		['idle', 'Locked because nobody used this device for a while. Your work was saved.'],
		['manual', 'Locked. Your work was saved.'],
		['signed-out', 'You signed out.'],
		['switch', 'Choose who is signing in.'],
		['access-changed', 'Your sign-in was changed by the office manager. Sign in again.']
	])('tells the person why the office was locked (%s)', async (reason, message) => {
		await session.unlock(owner, PASSPHRASE);
		await session.lock(reason);

		render(UnlockScreen);

		expect(screen.getByRole('status')).toHaveTextContent(message);
		expect(await screen.findByLabelText('Passphrase')).toBeInTheDocument();
	});
});
