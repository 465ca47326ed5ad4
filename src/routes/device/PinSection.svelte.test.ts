import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session } from '$lib/app/session.svelte';
import { hasPin, removePin, unlockWithPin } from '$lib/core/keys/pin';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import PinSection from './PinSection.svelte';

// One session per test file; its one person stays signed in for every test.
const DATABASE = `pin-section-${crypto.randomUUID()}`;
const PASSPHRASE = 'copper gulls circle the quiet pier';
let me = '';

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	me = (
		await createOffice(db, {
			passphrase: PASSPHRASE,
			areas: [...AREAS_WITH_KEYS],
			iterations: 1000
		})
	).personId;
	db.close();
	await session.start(DATABASE);
	await session.unlock(me, PASSPHRASE);
});

beforeEach(async () => {
	await removePin(session.db, me);
});

afterAll(async () => {
	await session.lock('manual');
});

async function fill(passphrase: string, pin: string, again = pin) {
	const user = userEvent.setup();
	const section = screen.getByRole('region', { name: 'Quick sign-in on this device' });
	if (passphrase) await user.type(within(section).getByLabelText('Your passphrase'), passphrase);
	if (pin) await user.type(within(section).getByLabelText(/^(New )?PIN$/), pin);
	if (again) await user.type(within(section).getByLabelText(/^(New )?PIN again$/), again);
	await user.click(within(section).getByRole('button', { name: /^(Set|Change) PIN$/ }));
	return user;
}

describe('Quick sign-in on this device', () => {
	it('says there is no PIN yet, sets one after checking the passphrase, and the PIN then signs in', async () => {
		render(PinSection, { iterations: 1000 });
		expect(await screen.findByText('No PIN on this device')).toBeInTheDocument();
		expect(screen.getByText(/After 5 wrong tries in a row/)).toBeInTheDocument();

		await fill(PASSPHRASE, '2580');

		expect(await screen.findByRole('status')).toHaveTextContent('Your PIN is set.');
		expect(await screen.findByText('You have a PIN on this device')).toBeInTheDocument();
		expect(screen.getByLabelText('Your passphrase')).toHaveValue('');
		expect(await hasPin(session.db, me)).toBe(true);
		const { secret } = await unlockWithPin(session.db, me, '2580');
		expect(secret.length).toBeGreaterThan(100);
	});

	it('explains each problem at its field and sets nothing', async () => {
		render(PinSection, { iterations: 1000 });
		await screen.findByText('No PIN on this device');

		await fill('', '1234', '1243');

		expect(screen.getByLabelText('Your passphrase')).toHaveAccessibleDescription(
			'Enter your passphrase: it proves the PIN is yours.'
		);
		expect(screen.getByLabelText('PIN')).toHaveAccessibleDescription(
			expect.stringContaining('Avoid digits in a row')
		);
		expect(screen.getByLabelText('PIN again')).toHaveAccessibleDescription('The two PINs differ.');
		expect(await hasPin(session.db, me)).toBe(false);
	});

	it('refuses a wrong passphrase and sets no PIN', async () => {
		render(PinSection, { iterations: 1000 });
		await screen.findByText('No PIN on this device');

		await fill('copper gulls circle the loud pier', '2580');

		await waitFor(() =>
			expect(screen.getByLabelText('Your passphrase')).toHaveAccessibleDescription(
				'That passphrase is not correct.'
			)
		);
		expect(await hasPin(session.db, me)).toBe(false);
	});

	it('changes the PIN, then removes it', async () => {
		render(PinSection, { iterations: 1000 });
		await screen.findByText('No PIN on this device');
		await fill(PASSPHRASE, '2580');
		await screen.findByText('You have a PIN on this device');

		const user = await fill(PASSPHRASE, '7391');
		expect(await screen.findByRole('status')).toHaveTextContent('Your PIN was changed.');
		const changed = await unlockWithPin(session.db, me, '7391');
		expect(changed.secret).toBeInstanceOf(Uint8Array);

		await user.click(screen.getByRole('button', { name: 'Remove PIN' }));

		expect(await screen.findByText('No PIN on this device')).toBeInTheDocument();
		expect(screen.getByRole('status')).toHaveTextContent('removed from this device');
		expect(await hasPin(session.db, me)).toBe(false);
	});
});
