/**
 * A fresh, signed-in office for an area's tests: its own database, keys for the given areas (few
 * PBKDF2 iterations), a Workspace with a fixed clock (so audit entries land in one known month),
 * and `run` to execute commands the way the app does. Area test helpers build on this.
 */
import type { z } from 'zod';
import { runCommand, type Command } from '../commands/command';
import { createOffice } from '../keys/vault';
import { Workspace } from '../session/workspace';
import type { OfficeDatabase } from '../storage/db';
import { deleteDatabase, FAST_ITERATIONS, TEST_PASSPHRASE, testDatabase } from './test-office';

/** The month every audit entry of an area test office is filed under. */
export const TEST_PERIOD = '2026-03';
export const TEST_NOW = new Date('2026-03-15T09:30:00.000Z');

export interface AreaOffice {
	db: OfficeDatabase;
	workspace: Workspace;
	/** Runs a command the way the app does: validate, write, flush, audit. */
	run<S extends z.ZodType, R>(command: Command<S, R>, input: z.input<S>): Promise<R>;
	/** Closes the workspace, then deletes the database. */
	dispose(): Promise<void>;
}

/**
 * A signed-in office holding keys for `areas` (add 'audit' for commands to work). With 'audit'
 * comes the audit-read key the log seals entries to, unless `auditKey` is false.
 */
export async function createAreaOffice(
	areas: string[],
	passphrase = TEST_PASSPHRASE,
	options: { auditKey?: boolean } = {}
): Promise<AreaOffice> {
	const db = testDatabase();
	const withAuditKey =
		areas.includes('audit') && options.auditKey !== false
			? [...new Set([...areas, 'audit-read'])]
			: areas;
	const keys = await createOffice(db, {
		passphrase,
		areas: withAuditKey,
		iterations: FAST_ITERATIONS
	});
	const workspace = new Workspace(db, keys, { channelName: null, now: () => TEST_NOW });
	return {
		db,
		workspace,
		run: (command, input) => runCommand(workspace.commandContext(), command, input),
		async dispose() {
			await workspace.close();
			await deleteDatabase(db);
		}
	};
}
