import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS_WITH_KEYS } from '$lib/app/areas';
import { session } from '$lib/app/session.svelte';
import { exportBackup } from '$lib/core/backup';
import { readPeopleKeys } from '$lib/core/keys/people-keys';
import { loadPassphraseWrap } from '$lib/core/keys/stored-wraps';
import { createOffice, readOffice } from '$lib/core/keys/vault';
import { openDatabase } from '$lib/core/storage/db';
import { withPeople } from '$lib/core/test-support/people';
import Welcome from './Welcome.svelte';

// One session per test file: it opens this (empty) database once, for all tests.
const DATABASE = `restore-form-${crypto.randomUUID()}`;
const PASSPHRASE = 'seven red kites over the barn';
let backup: File;
/** The office manager who made the backup. */
let managerId: string;

beforeAll(async () => {
	const source = openDatabase(`restore-source-${crypto.randomUUID()}`);
	const keys = await createOffice(source, {
		passphrase: PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		iterations: 1000,
		name: 'Dana Whitfield'
	});
	managerId = keys.personId;
	const manager = await withPeople(source, (log) => log.require().persons.get(managerId));
	const { file } = await exportBackup(source, {
		passphrase: PASSPHRASE,
		wrappedPrivateKey: loadPassphraseWrap(manager!.wrap),
		personId: managerId,
		iterations: 1000
	});
	backup = new File([file], 'practice-office-test-2026-11-27.pobackup');
	source.close();
	await session.start(DATABASE);
});

async function openRestore() {
	const user = userEvent.setup();
	render(Welcome);
	await user.click(screen.getByRole('button', { name: 'Restore from a backup' }));
	return user;
}

describe('RestoreForm', () => {
	it('says a file that is not a backup is not one', async () => {
		const user = await openRestore();
		await user.upload(screen.getByLabelText('Backup file'), new File(['hello'], 'notes.pobackup'));

		expect(await screen.findByText(/not a Practice Office backup/)).toBeInTheDocument();
	});

	it('shows what the backup holds, and refuses a wrong passphrase, restoring nothing', async () => {
		const user = await openRestore();
		await user.upload(screen.getByLabelText('Backup file'), backup);
		expect(await screen.findByText(/A backup made on/)).toBeInTheDocument();

		await user.type(screen.getByLabelText('Passphrase'), 'seven red kites over the farm');
		await user.click(screen.getByRole('button', { name: 'Restore office' }));

		expect(await screen.findByText(/does not open this backup/)).toBeInTheDocument();
		expect(session.state).toBe('no-office');
		expect(await readOffice(session.db)).toBeNull();
		expect(await readPeopleKeys(session.db)).toEqual([]);
		expect(await session.db.updates.count()).toBe(0);
	});

	it('restores the office with the right passphrase and signs in', async () => {
		const user = await openRestore();
		await user.upload(screen.getByLabelText('Backup file'), backup);
		await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
		await user.click(screen.getByRole('button', { name: 'Restore office' }));

		await expect.poll(() => session.state, { timeout: 15_000 }).toBe('unlocked');
		expect(session.office).toMatchObject({ ownerPersonId: managerId });
		// Signed in as the manager whose passphrase made the backup.
		expect(session.person).toMatchObject({ id: managerId, name: 'Dana Whitfield' });
		expect(session.person?.roles).toContain('manager');
		expect(session.workspace?.keys.personId).toBe(managerId);
	});
});
