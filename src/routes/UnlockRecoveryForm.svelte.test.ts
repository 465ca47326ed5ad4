import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session } from '$lib/app/session.svelte';
import { createRecoveryKey } from '$lib/core/keys/recovery';
import { generateRecoveryKey } from '$lib/core/keys/recovery-key';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import UnlockScreen from './UnlockScreen.svelte';

// One session per test file: it opens this database once, for all tests.
const DATABASE = `unlock-recovery-${crypto.randomUUID()}`;
const PASSPHRASE = 'nine silver herons wading';
const NEW_PASSPHRASE = 'four green lamps in fog';
let recoveryKey = '';
let owner = '';

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		iterations: 1000
	});
	owner = keys.personId;
	db.close();
	await session.start(DATABASE);
	({ recoveryKey } = await createRecoveryKey(session.authority, owner, PASSPHRASE));
});

afterEach(async () => {
	await session.lock('manual');
});

async function recover(key: string, passphrase: string, again = passphrase) {
	const user = userEvent.setup();
	render(UnlockScreen);
	await user.click(
		await screen.findByRole('button', { name: 'Forgot your passphrase? Use your recovery key' })
	);
	await user.type(screen.getByLabelText('Recovery key'), key);
	await user.type(screen.getByLabelText('New passphrase'), passphrase);
	await user.type(screen.getByLabelText('New passphrase again'), again);
	await user.click(screen.getByRole('button', { name: 'Set new passphrase and sign in' }));
}

describe('Signing in with the recovery key', () => {
	it('points out a typo in the key without trying it', async () => {
		const typo =
			recoveryKey.slice(0, 5) + (recoveryKey[5] === 'A' ? 'B' : 'A') + recoveryKey.slice(6);
		await recover(typo, NEW_PASSPHRASE);

		expect(screen.getByLabelText('Recovery key')).toHaveAccessibleDescription(
			expect.stringContaining('has a typo')
		);
		expect(session.state).toBe('locked');
	});

	it('asks for the same new passphrase twice', async () => {
		await recover(recoveryKey, NEW_PASSPHRASE, 'four green lamps in smoke');

		expect(screen.getByLabelText('New passphrase again')).toHaveAccessibleDescription(
			'The two passphrases differ.'
		);
		expect(session.state).toBe('locked');
	});

	it('says a well-formed key from another sheet does not open the office', async () => {
		await recover(generateRecoveryKey(), NEW_PASSPHRASE);

		expect(await screen.findByText(/does not open this office/)).toBeInTheDocument();
		expect(session.state).toBe('locked');
	});

	it('goes back to the passphrase from the recovery form', async () => {
		const user = userEvent.setup();
		render(UnlockScreen);
		await user.click(
			await screen.findByRole('button', { name: 'Forgot your passphrase? Use your recovery key' })
		);

		await user.click(screen.getByRole('button', { name: 'Back to sign in' }));

		expect(screen.getByLabelText('Passphrase')).toBeInTheDocument();
	});

	it('sets the new passphrase for the chosen person and signs them in', async () => {
		await recover(recoveryKey.toLowerCase(), NEW_PASSPHRASE);

		await expect.poll(() => session.state, { timeout: 15_000 }).toBe('unlocked');
		expect(session.person?.id).toBe(owner);
		await session.lock('manual');
		await session.unlock(owner, NEW_PASSPHRASE);
		expect(session.state).toBe('unlocked');
	});
});
