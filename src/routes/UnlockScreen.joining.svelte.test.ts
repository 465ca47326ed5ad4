import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { session } from '$lib/app/session.svelte';
import { newPeopleKey, peopleKeysMeta } from '$lib/core/keys/people-keys';
import { openDatabase, writeMeta } from '$lib/core/storage/db';
import UnlockScreen from './UnlockScreen.svelte';

// A device that just joined a large office: the people key came with the pairing, the people
// document (too large for a pairing message) has not arrived by sync yet.
const DATABASE = `unlock-joining-${crypto.randomUUID()}`;

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	await db.meta.put(peopleKeysMeta([await newPeopleKey(1)]));
	await writeMeta(db, 'office', {
		officeId: 'joined-office',
		ownerPersonId: 'owner',
		createdAt: '2026-11-27T10:00:00.000Z',
		demo: false
	});
	db.close();
	await session.start(DATABASE);
});

describe('UnlockScreen on a device waiting for the office’s sign-ins', () => {
	it('says they are on their way, not that the office is from an earlier version', () => {
		render(UnlockScreen);

		expect(session.state).toBe('locked');
		expect(screen.getByRole('status')).toHaveTextContent(/Getting the office's sign-ins/);
		expect(screen.queryByText(/earlier test version/)).not.toBeInTheDocument();
		expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
	});
});
