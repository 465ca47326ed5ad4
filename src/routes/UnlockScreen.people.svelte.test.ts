import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session, type LockReason } from '$lib/app/session.svelte';
import { hasPin, PIN_ATTEMPTS, removePin, setPin } from '$lib/core/keys/pin';
import { openWithPassphrase } from '$lib/core/keys/own-secret';
import { createOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import { addPerson, deactivatePerson } from '$lib/people/admin';
import UnlockScreen from './UnlockScreen.svelte';

// One session per test file (it opens this database once). The office: a manager, a front-desk
// person who sets a PIN on this device, a provider, and a sign-in that was turned off.
const DATABASE = `unlock-people-${crypto.randomUUID()}`;
const MANAGER = { name: 'Dana Whitaker', passphrase: 'copper gulls circle the quiet pier' };
const FRONT = { name: 'Rosa Diaz', passphrase: 'tulips lean toward the window' };
const PROVIDER = { name: 'Sam Turner', passphrase: 'a slow barge on the canal' };
const PIN = '2580';
const ids = { manager: '', front: '', provider: '', gone: '' };

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	const keys = await createOffice(db, {
		passphrase: MANAGER.passphrase,
		areas: [...AREAS_WITH_KEYS],
		iterations: 1000,
		name: MANAGER.name
	});
	ids.manager = keys.personId;
	db.close();
	await session.start(DATABASE);
	await session.unlock(ids.manager, MANAGER.passphrase);
	const context = { ...session.peopleContext(), iterations: 1000 };
	ids.front = await addPerson(context, { ...FRONT, roles: ['front-desk'] });
	ids.provider = await addPerson(context, { ...PROVIDER, roles: ['provider'] });
	ids.gone = await addPerson(context, {
		name: 'Old Temp',
		roles: ['front-desk'],
		passphrase: 'gone since last spring'
	});
	await deactivatePerson(context, ids.gone);
	await session.lock('signed-out');
});

beforeEach(async () => {
	for (const id of Object.values(ids)) await removePin(session.db, id);
});

afterEach(async () => {
	await session.lock('manual');
});

/** Leaves the screen as a lock for `reason` after `personId` was signed in leaves it. */
async function lockedAfter(reason: Exclude<LockReason, null>, personId = ids.manager) {
	const passphrase = personId === ids.front ? FRONT.passphrase : MANAGER.passphrase;
	await session.unlock(personId, passphrase);
	await session.lock(reason);
}

async function givePin(personId: string, passphrase: string) {
	const { bytes, version } = await openWithPassphrase(session.authority, personId, passphrase);
	await setPin(session.db, personId, PIN, { bytes, version }, { iterations: 1000 });
}

function personButtons() {
	const list = screen.getByRole('heading', { name: 'Who is signing in?' }).parentElement!;
	return within(list).getAllByRole('button');
}

async function typePin(user: ReturnType<typeof userEvent.setup>, pin: string) {
	await user.type(await screen.findByLabelText('PIN'), pin);
	await user.click(screen.getByRole('button', { name: 'Unlock' }));
}

describe('Who is signing in?', () => {
	it('lists the active people with their roles, not a sign-in that was turned off', async () => {
		await lockedAfter('signed-out');
		render(UnlockScreen);

		const names = personButtons().map((button) => button.textContent ?? '');
		expect(names).toHaveLength(3);
		expect(names.join('|')).toMatch(/Dana Whitaker.*Office manager/);
		expect(names.join('|')).toMatch(/Rosa Diaz.*Front desk/);
		expect(names.join('|')).toMatch(/Sam Turner.*Provider/);
		expect(screen.queryByText('Old Temp')).not.toBeInTheDocument();
		expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
	});

	it('offers the person who signed in last first after Switch person', async () => {
		await lockedAfter('switch', ids.front);
		render(UnlockScreen);

		expect(screen.getByRole('status')).toHaveTextContent('Choose who is signing in.');
		expect(personButtons()[0]).toHaveTextContent(/Rosa Diaz.*Last signed in/);
	});

	it('goes straight back to the last person after an idle lock; “Not you?” shows the list', async () => {
		const user = userEvent.setup();
		await lockedAfter('idle', ids.front);
		render(UnlockScreen);

		expect(await screen.findByLabelText('Passphrase')).toBeInTheDocument();
		expect(screen.getByText('Rosa Diaz')).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Not you?' }));

		expect(personButtons()).toHaveLength(3);
	});

	it('asks for the passphrase of someone chosen who has no PIN here, and signs them in', async () => {
		const user = userEvent.setup();
		await lockedAfter('switch');
		render(UnlockScreen);

		await user.click(screen.getByRole('button', { name: /Sam Turner/ }));
		await user.type(await screen.findByLabelText('Passphrase'), PROVIDER.passphrase);
		await user.click(screen.getByRole('button', { name: 'Unlock' }));

		await waitFor(() => expect(session.state).toBe('unlocked'));
		expect(session.person?.name).toBe('Sam Turner');
	});

	it('shows the access-changed message and the same person to sign in again', async () => {
		await lockedAfter('access-changed', ids.front);
		render(UnlockScreen);

		expect(screen.getByRole('status')).toHaveTextContent(
			'Your sign-in was changed by the office manager. Sign in again.'
		);
		expect(await screen.findByLabelText('Passphrase')).toBeInTheDocument();
		expect(screen.getByText('Rosa Diaz')).toBeInTheDocument();
	});
});

describe('Signing in with a PIN on this device', () => {
	it('asks a person with a PIN for it (digits, nothing remembered) and signs them in', async () => {
		const user = userEvent.setup();
		await givePin(ids.front, FRONT.passphrase);
		await lockedAfter('switch');
		render(UnlockScreen);

		await user.click(screen.getByRole('button', { name: /Rosa Diaz/ }));
		const field = await screen.findByLabelText('PIN');
		expect(field).toHaveAttribute('inputmode', 'numeric');
		expect(field).toHaveAttribute('autocomplete', 'off');
		expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
		// On the on-screen keypad
		for (const digit of PIN) await user.click(screen.getByRole('button', { name: digit }));
		await user.click(screen.getByRole('button', { name: 'Unlock' }));

		await waitFor(() => expect(session.state).toBe('unlocked'));
		expect(session.person?.name).toBe('Rosa Diaz');
	});

	it('counts down wrong PINs, then deletes the PIN and asks for the passphrase', async () => {
		const user = userEvent.setup();
		await givePin(ids.front, FRONT.passphrase);
		await lockedAfter('idle', ids.front);
		render(UnlockScreen);

		for (let left = PIN_ATTEMPTS - 1; left >= 1; left--) {
			await typePin(user, '9137');
			const tries = left === 1 ? '1 try' : `${left} tries`;
			expect(
				await screen.findByText(`Wrong PIN. ${tries} left before your passphrase is needed.`)
			).toBeInTheDocument();
			expect(screen.getByLabelText('PIN')).toHaveValue('');
		}
		await typePin(user, '9137');

		expect(await screen.findByRole('alert')).toHaveTextContent(/Too many wrong PINs/);
		expect(screen.getByLabelText('Passphrase')).toBeInTheDocument();
		expect(screen.queryByLabelText('PIN')).not.toBeInTheDocument();
		expect(await hasPin(session.db, ids.front)).toBe(false);
		expect(session.state).toBe('locked');

		await user.type(screen.getByLabelText('Passphrase'), FRONT.passphrase);
		await user.click(screen.getByRole('button', { name: 'Unlock' }));
		await waitFor(() => expect(session.person?.name).toBe('Rosa Diaz'));
	});

	it('switches to the passphrase on “Use passphrase instead”', async () => {
		const user = userEvent.setup();
		await givePin(ids.front, FRONT.passphrase);
		await lockedAfter('idle', ids.front);
		render(UnlockScreen);
		await screen.findByLabelText('PIN');

		await user.click(screen.getByRole('button', { name: 'Use passphrase instead' }));

		expect(screen.getByLabelText('Passphrase')).toHaveFocus();
		expect(screen.queryByLabelText('PIN')).not.toBeInTheDocument();
	});

	it('asks for the passphrase when the PIN was removed meanwhile (another tab)', async () => {
		const user = userEvent.setup();
		await givePin(ids.front, FRONT.passphrase);
		await lockedAfter('idle', ids.front);
		render(UnlockScreen);
		await screen.findByLabelText('PIN');
		await removePin(session.db, ids.front);

		await typePin(user, PIN);

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'There is no PIN for you on this device. Sign in with your passphrase.'
		);
		expect(screen.getByLabelText('Passphrase')).toBeInTheDocument();
	});
});
