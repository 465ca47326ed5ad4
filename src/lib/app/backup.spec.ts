/**
 * The whole office through a backup: directory, patients, vitals and a patient's document go
 * out in one file and come back, on an empty device, exactly as they were.
 */
import { afterEach, expect, it } from 'vitest';
import { runCommand } from '$lib/core/commands/command';
import { exportBackup, restoreBackup } from '$lib/core/backup';
import { loadPassphraseWrap } from '$lib/core/keys/stored-wraps';
import { createOffice, unlockOffice } from '$lib/core/keys/vault';
import { Workspace } from '$lib/core/session/workspace';
import { withPeople } from '$lib/core/test-support/people';
import { deleteDatabase, FAST_ITERATIONS, testDatabase } from '$lib/core/test-support/test-office';
import { addAttachment } from '$lib/clinical/attachment-commands';
import { documentBytes, documentsOf } from '$lib/clinical/attachment-queries';
import { recordVitals } from '$lib/clinical/commands';
import { vitalsOf } from '$lib/clinical/queries';
import { pdfBytes } from '$lib/clinical/test-support/attachments';
import { makeMetricForm } from '$lib/clinical/test-support/vitals';
import { createRoom, createStaffMember, saveOfficeSettings } from '$lib/directory/commands';
import { directoryTables } from '$lib/directory/queries';
import { makeRoomForm, makeSettingsForm, makeStaffForm } from '$lib/directory/test-support/records';
import { registerPatient } from '$lib/patients/commands';
import { patientTables } from '$lib/patients/queries';
import { makePatientForm } from '$lib/patients/test-support/records';
import { AREAS_WITH_KEYS } from './areas';

const PASSPHRASE = 'twelve amber owls at dusk';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openOffice(create: boolean, db = testDatabase()): Promise<Workspace> {
	const keys = create
		? await createOffice(db, {
				passphrase: PASSPHRASE,
				areas: [...AREAS_WITH_KEYS],
				iterations: FAST_ITERATIONS
			})
		: await unlockOffice(db, PASSPHRASE, { areas: [...AREAS_WITH_KEYS] });
	const workspace = new Workspace(db, keys, { channelName: null });
	cleanups.push(async () => {
		await workspace.close();
		await deleteDatabase(db);
	});
	return workspace;
}

/** Every projection the test filled, as plain values. */
async function everything(workspace: Workspace, patientId: string) {
	const directory = await directoryTables(workspace);
	const patients = await patientTables(workspace);
	const patient = patients.patients.get(patientId)!;
	const documents = await documentsOf(workspace, patient);
	return {
		settings: directory.settings.all(),
		staff: directory.staff.all(),
		rooms: directory.rooms.all(),
		patients: patients.patients.all(),
		vitals: await vitalsOf(workspace, patient),
		documents,
		file: await documentBytes(workspace, documents[0])
	};
}

it('restores directory, patients, vitals and documents on an empty device, identical', async () => {
	const source = await openOffice(true);
	const context = source.commandContext();
	await runCommand(context, saveOfficeSettings, makeSettingsForm());
	await runCommand(context, createStaffMember, makeStaffForm());
	await runCommand(context, createRoom, makeRoomForm());
	const { id } = await runCommand(context, registerPatient, makePatientForm());
	const subject = { patientId: id, birthDate: '1984-03-07', timeZone: 'America/Chicago' };
	await runCommand(
		context,
		recordVitals(subject, () => new Date('2025-03-04T16:00:00.000Z')),
		makeMetricForm()
	);
	await runCommand(context, addAttachment, {
		patientId: id,
		category: 'consent',
		title: 'Consent to treat',
		documentDate: '2026-03-14',
		file: pdfBytes(2, 'signed')
	});
	const before = await everything(source, id);
	expect(before.patients).toHaveLength(1);
	expect(before.vitals).toHaveLength(1);

	const person = await withPeople(source.db, (log) =>
		log.require().persons.get(source.keys.personId)
	);
	const { file } = await exportBackup(source.db, {
		passphrase: PASSPHRASE,
		wrappedPrivateKey: loadPassphraseWrap(person!.wrap),
		personId: source.keys.personId,
		iterations: FAST_ITERATIONS
	});
	const target = testDatabase();
	await restoreBackup(target, file, PASSPHRASE);
	const restored = await openOffice(false, target);

	expect(await everything(restored, id)).toEqual(before);
});
