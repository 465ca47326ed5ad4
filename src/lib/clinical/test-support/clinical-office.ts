/**
 * A fresh office for clinical tests: its own fake-indexeddb database, keys for the clinical and
 * audit areas (few PBKDF2 iterations) and a signed-in Workspace with a fixed clock.
 */
import type { z } from 'zod';
import { runCommand, type Command } from '$lib/core/commands/command';
import { createOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { openDatabase, type OfficeDatabase } from '$lib/core/storage/db';

/** The month every audit entry of a test office is filed under. */
export const TEST_PERIOD = '2026-03';
export const TEST_NOW = new Date('2026-03-15T09:30:00.000Z');

export interface ClinicalOffice {
	db: OfficeDatabase;
	workspace: Workspace;
	/** Runs a command the way the app does: validate, write, flush, audit. */
	run<S extends z.ZodType, R>(command: Command<S, R>, input: z.input<S>): Promise<R>;
	dispose(): Promise<void>;
}

export async function createClinicalOffice(): Promise<ClinicalOffice> {
	const db = openDatabase(`clinical-${crypto.randomUUID()}`);
	const keys = await createOffice(db, {
		passphrase: 'seven clinical otters by the dam',
		areas: ['clinical', 'audit'],
		iterations: 1000
	});
	const workspace = new Workspace(db, keys, { channelName: null, now: () => TEST_NOW });
	return {
		db,
		workspace,
		run: (command, input) => runCommand(workspace.commandContext(), command, input),
		async dispose() {
			await workspace.close();
			db.close();
			await db.delete();
		}
	};
}
