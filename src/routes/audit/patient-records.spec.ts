import { afterEach, describe, expect, it } from 'vitest';
import { addAttachment, removeAttachment } from '$lib/clinical/attachment-commands';
import { pdfBytes } from '$lib/clinical/test-support/attachments';
import { PATIENT_ID, testId } from '$lib/clinical/test-support/vitals';
import { runCommand } from '$lib/core/commands/command';
import { createAreaOffice, type AreaOffice } from '$lib/core/test-support/area-office';
import { patientRecordTargets } from './patient-records';

const MERGED_ID = testId(910);
const OTHER_ID = testId(911);

let office: AreaOffice;

afterEach(async () => {
	await office.dispose();
});

const attach = (patientId: string, title: string) =>
	runCommand(office.workspace.commandContext(), addAttachment, {
		patientId,
		category: 'other',
		title,
		file: pdfBytes(1, title)
	});

describe('patientRecordTargets', () => {
	it('names the documents of the patient and of records merged into it, removed ones too', async () => {
		// audit-read too: the office's first audit key, which entries are sealed to, comes with it.
		office = await createAreaOffice(['clinical', 'audit', 'audit-read'], 'seven clinical otters');
		const own = await attach(PATIENT_ID, 'Referral');
		const merged = await attach(MERGED_ID, 'Old scan');
		await attach(OTHER_ID, 'Someone else');
		await runCommand(office.workspace.commandContext(), removeAttachment, {
			id: merged,
			reason: 'entered-in-error'
		});

		const targets = await patientRecordTargets(office.workspace, [PATIENT_ID, MERGED_ID]);

		expect(targets.sort()).toEqual(
			[`clinical/attachments/${own}`, `clinical/attachments/${merged}`].sort()
		);
		expect(await patientRecordTargets(office.workspace, [])).toEqual([]);
	});

	it('names nothing for a person without the clinical key', async () => {
		office = await createAreaOffice(['audit'], 'a quiet office without charts');
		expect(await patientRecordTargets(office.workspace, [PATIENT_ID])).toEqual([]);
	});
});
