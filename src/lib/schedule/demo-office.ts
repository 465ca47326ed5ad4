/**
 * Fills the demo office's schedule: generates it for today in the office's zone (demo.ts,
 * demo-rota.ts) and stores it with two bulk imports, not one command per appointment.
 */
import { runCommand } from '$lib/core/commands/command';
import type { Workspace } from '$lib/core/session/workspace';
import { demoSchedule, type DemoPeople } from './demo';
import { importSchedule } from './demo-import';
import { demoRota } from './demo-rota';
import { importRota } from './rota-import';
import { instantToWallTime } from './zoned-time';

export type { DemoPeople } from './demo';

/** Generates and stores the demo appointments, setup and staff rota. */
export async function importDemoSchedule(
	workspace: Workspace,
	people: DemoPeople,
	timeZone: string
): Promise<void> {
	const now = workspace.now();
	const today = instantToWallTime(now.getTime(), timeZone).date;
	const context = workspace.commandContext();
	await runCommand(context, importSchedule(timeZone), demoSchedule(people, today, timeZone, now));
	await runCommand(context, importRota, demoRota(people, today, now));
}
