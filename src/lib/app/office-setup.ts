/** Creating an office (a new one, or the demo) on this device, and filling in its directory. */
import { runCommand } from '$lib/core/commands/command';
import { createOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { APP_WORKSPACE_OPTIONS } from './workspace-options';
import type { OfficeDatabase } from '$lib/core/storage/db';
import {
	createRoom,
	createStaffMember,
	saveOfficeSettings,
	setStaffMemberActive
} from '$lib/directory/commands';
import { importVitals } from '$lib/clinical/import';
import { importHistory } from '$lib/clinical/history-import';
import { PATIENTS_DOCUMENT, patientsCollection } from '$lib/patients/collections';
import { importPatients } from '$lib/patients/import';
import type { OfficeSettingsForm, StaffMemberForm } from '$lib/directory/schema';
import { AREAS_WITH_KEYS } from './areas';

export const DEMO_PASSPHRASE = 'maple grove demo office';

export interface NewOffice {
	settings: OfficeSettingsForm;
	you: Pick<StaffMemberForm, 'givenName' | 'familyName' | 'role'>;
	passphrase: string;
}

/** Sets up a new office: keys, then the settings and its creator as the first staff member. */
export async function setUpOffice(db: OfficeDatabase, office: NewOffice): Promise<Workspace> {
	const keys = await createOffice(db, {
		passphrase: office.passphrase,
		areas: [...AREAS_WITH_KEYS]
	});
	const workspace = new Workspace(db, keys, APP_WORKSPACE_OPTIONS);
	const context = workspace.commandContext();
	await workspace.audit.record({ action: 'create', target: 'office', detail: 'Office created' });
	await runCommand(context, saveOfficeSettings, office.settings);
	await runCommand(context, createStaffMember, office.you);
	return workspace;
}

/** Sets up the demo office from its fixed seed: directory, then ~2,000 patients. */
export async function setUpDemoOffice(db: OfficeDatabase): Promise<Workspace> {
	const { demoDirectory } = await import('$lib/directory/demo');
	const demo = demoDirectory();
	const keys = await createOffice(db, {
		passphrase: DEMO_PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		demo: true
	});
	const workspace = new Workspace(db, keys, APP_WORKSPACE_OPTIONS);
	const context = workspace.commandContext();
	await workspace.audit.record({
		action: 'create',
		target: 'office',
		detail: 'Demo office created'
	});
	await runCommand(context, saveOfficeSettings, demo.settings);
	const staffIds: string[] = [];
	for (const member of demo.staff)
		staffIds.push(await runCommand(context, createStaffMember, member));
	for (const index of demo.departedStaff) {
		await runCommand(context, setStaffMemberActive, { id: staffIds[index], active: false });
	}
	const roomIds: string[] = [];
	for (const room of demo.rooms) roomIds.push(await runCommand(context, createRoom, room));
	const { demoPatients } = await import('$lib/patients/demo');
	await runCommand(context, importPatients, { patients: demoPatients() });
	await importDemoVitals(workspace, staffIds[0]);
	await importDemoHistory(
		workspace,
		staffIds.map((id, n) => ({ id, role: demo.staff[n].role }))
	);
	const { importDemoSchedule } = await import('$lib/schedule/demo-office');
	const patientIds = (await workspace.projection(PATIENTS_DOCUMENT, patientsCollection)).all();
	await importDemoSchedule(
		workspace,
		{
			staff: staffIds
				.map((id, n) => ({ id, role: demo.staff[n].role }))
				.filter((_, n) => !demo.departedStaff.includes(n)),
			patientIds: patientIds.map((patient) => patient.id),
			rooms: roomIds.map((id, n) => ({ id, kind: demo.rooms[n].kind, name: demo.rooms[n].name }))
		},
		demo.settings.timeZone ?? 'America/Chicago'
	);
	return workspace;
}

/** Gives some demo patients vitals over the past three years, in one import. */
async function importDemoVitals(workspace: Workspace, takenBy: string): Promise<void> {
	const { demoVitals } = await import('$lib/clinical/demo');
	const patients = await workspace.projection(PATIENTS_DOCUMENT, patientsCollection);
	const sets = demoVitals(patients.all(), takenBy, workspace.now());
	await runCommand(workspace.commandContext(), importVitals, { sets });
}

/** Gives some demo patients a medical history recorded by the nurses, in one import. */
async function importDemoHistory(
	workspace: Workspace,
	staff: { id: string; role: string }[]
): Promise<void> {
	const { demoHistory } = await import('$lib/clinical/demo-history');
	const patients = await workspace.projection(PATIENTS_DOCUMENT, patientsCollection);
	const items = demoHistory(patients.all(), staff, workspace.now());
	await runCommand(workspace.commandContext(), importHistory, { items });
}
