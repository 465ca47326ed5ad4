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
import { defaultDeviceName } from '$lib/core/keys/device';
import { openAuthority } from '$lib/core/keys/vault';
import { addPerson, linkStaff, type PeopleContext } from '$lib/people/admin';
import type { RoleId } from '$lib/people/roles';
import type { StaffRole } from '$lib/directory/schema';

export const DEMO_PASSPHRASE = 'maple grove demo office';

/**
 * The demo office's other sign-ins, one per role, with their (public) passphrases, so every
 * role can be tried. `staffRole` picks the demo staff member the sign-in belongs to.
 */
export const DEMO_PEOPLE: readonly {
	role: RoleId;
	staffRole: StaffRole;
	passphrase: string;
}[] = [
	{ role: 'front-desk', staffRole: 'front-desk', passphrase: 'maple grove front desk' },
	{ role: 'clinical', staffRole: 'medical-assistant', passphrase: 'maple grove clinical' },
	{ role: 'provider', staffRole: 'physician', passphrase: 'maple grove provider' },
	{ role: 'bookkeeper', staffRole: 'billing', passphrase: 'maple grove bookkeeper' }
];

export interface NewOffice {
	settings: OfficeSettingsForm;
	you: Pick<StaffMemberForm, 'givenName' | 'familyName' | 'role'>;
	passphrase: string;
}

/** Sets up a new office: keys, then the settings and its creator as the first staff member. */
export async function setUpOffice(db: OfficeDatabase, office: NewOffice): Promise<Workspace> {
	const keys = await createOffice(db, {
		passphrase: office.passphrase,
		areas: [...AREAS_WITH_KEYS],
		name: `${office.you.givenName} ${office.you.familyName}`.trim(),
		deviceName: defaultDeviceName()
	});
	const workspace = new Workspace(db, keys, APP_WORKSPACE_OPTIONS);
	const context = workspace.commandContext();
	await workspace.audit.record({ action: 'create', target: 'office', detail: 'Office created' });
	await runCommand(context, saveOfficeSettings, office.settings);
	const staffId = await runCommand(context, createStaffMember, office.you);
	await withPeople(db, workspace, (people) => linkStaff(people, keys.personId, staffId));
	return workspace;
}

/** Sets up the demo office from its fixed seed: directory, then ~2,000 patients. */
export async function setUpDemoOffice(db: OfficeDatabase): Promise<Workspace> {
	const { demoDirectory } = await import('$lib/directory/demo');
	const demo = demoDirectory();
	const manager = demo.staff.find((member) => member.role === 'office-manager')!;
	const keys = await createOffice(db, {
		passphrase: DEMO_PASSPHRASE,
		areas: [...AREAS_WITH_KEYS],
		demo: true,
		name: `${manager.givenName} ${manager.familyName}`,
		deviceName: defaultDeviceName()
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
	await addDemoPeople(db, workspace, demo.staff, staffIds);
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

/** Runs a people change with a short-lived authority log (the session opens its own later). */
async function withPeople(
	db: OfficeDatabase,
	workspace: Workspace,
	change: (context: PeopleContext) => Promise<unknown>
): Promise<void> {
	const log = await openAuthority(db, { channelName: null });
	if (!log) throw new Error('The office has no people key.');
	try {
		await change({ db, log, keys: workspace.keys, audit: workspace.audit, now: workspace.now });
	} finally {
		await log.close();
	}
}

/** The demo's sign-ins: its manager linked to their staff record, and one person per role. */
async function addDemoPeople(
	db: OfficeDatabase,
	workspace: Workspace,
	staff: StaffMemberForm[],
	staffIds: string[]
): Promise<void> {
	const managerIndex = staff.findIndex((member) => member.role === 'office-manager');
	await withPeople(db, workspace, async (people) => {
		await linkStaff(people, workspace.keys.personId, staffIds[managerIndex]);
		for (const { role, staffRole, passphrase } of DEMO_PEOPLE) {
			const index = staff.findIndex((member) => member.role === staffRole);
			await addPerson(people, {
				name: `${staff[index].givenName} ${staff[index].familyName}`,
				roles: [role],
				passphrase,
				staffId: staffIds[index]
			});
		}
	});
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
