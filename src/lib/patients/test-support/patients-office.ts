/**
 * A fresh office for patient registry tests: its own fake-indexeddb database, keys for the
 * patients and audit areas (few PBKDF2 iterations), a signed-in Workspace with a fixed clock (so
 * audit entries land in one known month) and the registry's tables.
 */
import type { z } from 'zod';
import { runCommand, type Command } from '$lib/core/commands/command';
import { createOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { openDatabase, type OfficeDatabase } from '$lib/core/storage/db';
import { patientTables, type PatientTables } from '../queries';

/** The month every audit entry of a test office is filed under. */
export const TEST_PERIOD = '2026-03';
const TEST_NOW = new Date('2026-03-15T09:30:00.000Z');

export interface PatientsOffice {
	db: OfficeDatabase;
	workspace: Workspace;
	tables: PatientTables;
	/** Runs a command the way the app does: validate, write, flush, audit. */
	run<S extends z.ZodType, R>(command: Command<S, R>, input: z.input<S>): Promise<R>;
	dispose(): Promise<void>;
}

export async function createPatientsOffice(): Promise<PatientsOffice> {
	const db = openDatabase(`patients-${crypto.randomUUID()}`);
	const keys = await createOffice(db, {
		passphrase: 'nine patient herons by the weir',
		areas: ['patients', 'audit'],
		iterations: 1000
	});
	const workspace = new Workspace(db, keys, { channelName: null, now: () => TEST_NOW });
	const tables = await patientTables(workspace);
	return {
		db,
		workspace,
		tables,
		run: (command, input) => runCommand(workspace.commandContext(), command, input),
		async dispose() {
			tables.finder.stop();
			await workspace.close();
			db.close();
			await db.delete();
		}
	};
}
