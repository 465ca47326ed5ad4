import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { session } from '$lib/app/session.svelte';
import { openDatabase, writeMeta } from '$lib/core/storage/db';
import UnlockScreen from './UnlockScreen.svelte';

// An office stored by a test version from before people existed: an office record, no people key.
const DATABASE = `unlock-legacy-${crypto.randomUUID()}`;

beforeAll(async () => {
	const db = openDatabase(DATABASE);
	await writeMeta(db, 'office', {
		officeId: 'old-office',
		ownerPersonId: 'old-owner',
		createdAt: '2026-01-05T10:00:00.000Z',
		demo: false
	});
	db.close();
	await session.start(DATABASE);
});

describe('UnlockScreen for an office from an earlier version', () => {
	it('explains what to do instead of showing a form nobody can use', () => {
		render(UnlockScreen);

		expect(session.state).toBe('locked');
		expect(screen.getByText(/set up by an earlier test version/)).toHaveTextContent(
			/restore a backup or set the office up again/
		);
		expect(screen.queryByLabelText('Passphrase')).not.toBeInTheDocument();
		expect(screen.queryByRole('heading', { name: 'Who is signing in?' })).not.toBeInTheDocument();
	});
});
