/**
 * What the holidays and day-changes lists share: their records from today on, in force or
 * removed, and removing or restoring one by id with the failure in words.
 */
import { runCommand } from '$lib/core/commands/command';
import type { ProjectionTable } from '$lib/core/projection/projection-table';
import type { Workspace } from '$lib/core/session/workspace';
import { formProblem } from '$lib/app/command-errors';
import { inForce, removedFrom } from '$lib/schedule/queries';
import type { removeHoliday } from '$lib/schedule/setup-commands';

interface DatedRecord {
	id: string;
	date: string;
	removedAt?: string;
}

/** The table's records dated today or later: in force by date, or removed (latest first). */
export function fromToday<T extends DatedRecord>(
	table: ProjectionTable<T> | undefined,
	today: string,
	which: 'in-force' | 'removed'
): T[] {
	if (!table) return [];
	const records = which === 'in-force' ? inForce(table) : removedFrom(table);
	const ahead = records.filter((record) => record.date >= today);
	return which === 'in-force' ? ahead.sort((a, b) => a.date.localeCompare(b.date)) : ahead;
}

/** Runs a remove or restore command on one record; '' when it worked, else what went wrong. */
export async function runOnRecord(
	workspace: Workspace,
	// Every remove and restore command of the setup has this shape (setup-commands.ts).
	command: typeof removeHoliday,
	id: string
): Promise<string> {
	try {
		await runCommand(workspace.commandContext(), command, { id });
		return '';
	} catch (error) {
		return formProblem(error).message;
	}
}
