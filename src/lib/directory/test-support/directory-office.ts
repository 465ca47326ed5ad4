/**
 * A fresh office for directory tests: its own fake-indexeddb database, keys for the directory and
 * audit areas (few PBKDF2 iterations, so tests stay fast) and a signed-in Workspace whose clock is
 * fixed, so every audit entry lands in one known month. `dispose` closes and deletes everything.
 */
import { runCommand, type Command } from '$lib/core/commands/command';
import { createOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { openDatabase, type OfficeDatabase } from '$lib/core/storage/db';
import type { z } from 'zod';
import { directoryTables, type DirectoryTables } from '../queries';

export const DIRECTORY_TEST_PASSPHRASE = 'four amber kites above the harbour';
export const DIRECTORY_TEST_AREAS = ['directory', 'audit'];
/** The month every audit entry of a test office is filed under. */
export const TEST_PERIOD = '2026-03';
const TEST_NOW = new Date('2026-03-15T09:30:00.000Z');

export interface DirectoryOffice {
	db: OfficeDatabase;
	workspace: Workspace;
	tables: DirectoryTables;
	/** Runs a command the way the app does: validate, write, flush, audit. */
	run<S extends z.ZodType, R>(command: Command<S, R>, input: z.input<S>): Promise<R>;
	dispose(): Promise<void>;
}

export async function createDirectoryOffice(): Promise<DirectoryOffice> {
	const db = openDatabase(`directory-${crypto.randomUUID()}`);
	const keys = await createOffice(db, {
		passphrase: DIRECTORY_TEST_PASSPHRASE,
		areas: DIRECTORY_TEST_AREAS,
		iterations: 1000
	});
	const workspace = new Workspace(db, keys, { channelName: null, now: () => TEST_NOW });
	const tables = await directoryTables(workspace);
	return {
		db,
		workspace,
		tables,
		run: (command, input) => runCommand(workspace.commandContext(), command, input),
		async dispose() {
			await workspace.close();
			db.close();
			await db.delete();
		}
	};
}
