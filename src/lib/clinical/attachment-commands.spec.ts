import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '$lib/core/commands/command';
import { tablesContaining } from '$lib/core/test-support/storage-scan';
import { addAttachment, editAttachment, removeAttachment } from './attachment-commands';
import { attachmentDocument } from './attachment-collections';
import { documentBytes, documentsOf } from './attachment-queries';
import {
	createClinicalOffice,
	TEST_NOW,
	TEST_PERIOD,
	type ClinicalOffice
} from './test-support/clinical-office';
import { heicBytes, pdfBytes, pdfOfSize, pngBytes } from './test-support/attachments';
import { PATIENT_ID, testId } from './test-support/vitals';

let office: ClinicalOffice;

beforeEach(async () => {
	office = await createClinicalOffice();
});

afterEach(async () => {
	await office.dispose();
});

const PATIENT = { id: PATIENT_ID };
const CANARY = 'CANARY-Referral-to-Dr-Okafor';

const consent = (overrides: Record<string, unknown> = {}) => ({
	patientId: PATIENT_ID,
	category: 'consent' as const,
	title: 'Consent to treat',
	documentDate: '2026-03-14',
	file: pdfBytes(2, CANARY),
	...overrides
});

async function refusal(attempt: Promise<unknown>): Promise<InvalidInputError> {
	const error = await attempt.catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(InvalidInputError);
	return error as InvalidInputError;
}

describe('addAttachment', () => {
	it('stores the file encrypted: its text is nowhere in IndexedDB', async () => {
		await office.run(addAttachment, consent());

		expect(await office.db.blobs.count()).toBe(1);
		expect(await tablesContaining(office.db, CANARY)).toEqual([]);
		// The title, stored in the clinical year document, is sealed too.
		expect(await tablesContaining(office.db, 'Consent to treat')).toEqual([]);
	});

	it('writes a record describing the file, and the file reads back whole', async () => {
		const file = pdfBytes(2, CANARY);
		const id = await office.run(addAttachment, consent({ file, note: ' Signed at the desk ' }));

		const [attachment] = await documentsOf(office.workspace, PATIENT);
		expect(attachment).toMatchObject({
			id,
			patientId: PATIENT_ID,
			category: 'consent',
			title: 'Consent to treat',
			documentDate: '2026-03-14',
			note: 'Signed at the desk',
			mimeType: 'application/pdf',
			byteSize: file.length,
			pages: 2,
			width: null,
			policyId: '',
			removed: null,
			recordedAt: TEST_NOW.toISOString(),
			recordedBy: office.workspace.keys.personId
		});
		expect(await documentBytes(office.workspace, attachment)).toEqual(file);
	});

	it('files the record in the clinical document of the year it was added', async () => {
		const id = await office.run(addAttachment, consent());

		expect(attachmentDocument(id)).toEqual({ area: 'clinical', period: '2026' });
		const { doc } = await office.workspace.documents.open(attachmentDocument(id));
		expect(doc.getMap('attachments').has(id)).toBe(true);
	});

	it('types an image by its bytes and keeps its pixel size and policy', async () => {
		const policyId = testId(40);
		const file = pngBytes(1200, 760);
		await office.run(
			addAttachment,
			consent({ category: 'insurance-card-front', title: 'Card', file, policyId })
		);

		const [card] = await documentsOf(office.workspace, PATIENT);
		expect(card).toMatchObject({ mimeType: 'image/png', width: 1200, height: 760, policyId });
	});

	it.each([
		['a HEIC photo', heicBytes(), /HEIC/],
		['a PDF over the limit', pdfOfSize(16 * 1024 * 1024), /^This PDF is 16 MB; the limit is 15 MB/],
		['no file at all', undefined, /^Choose a file to attach\.$/]
	])('refuses %s on the file field and stores nothing', async (_what, file, message) => {
		const error = await refusal(office.run(addAttachment, consent({ file })));

		expect(error.fields.file).toMatch(message);
		expect(await office.db.blobs.count()).toBe(0);
		expect(await documentsOf(office.workspace, PATIENT)).toEqual([]);
	});

	it('writes an audit entry naming the document and patient, not the title', async () => {
		const id = await office.run(addAttachment, consent());

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.find((candidate) => candidate.target === `clinical/attachments/${id}`);
		expect(entry?.action).toBe('create');
		expect(entry?.detail).toBe(`Document attached to patients/patients/${PATIENT_ID}`);
		expect(JSON.stringify(entry)).not.toMatch(/Consent/);
	});
});

describe('editAttachment', () => {
	it('changes the description and keeps the file', async () => {
		const id = await office.run(addAttachment, consent());

		await office.run(editAttachment, {
			id,
			category: 'referral',
			title: 'Referral to cardiology',
			documentDate: '',
			note: 'Faxed copy'
		});

		const [edited] = await documentsOf(office.workspace, PATIENT);
		expect(edited).toMatchObject({ category: 'referral', title: 'Referral to cardiology' });
		expect(edited.note).toBe('Faxed copy');
		expect(edited.pages).toBe(2);
	});

	it('refuses a document that does not exist', async () => {
		const attempt = office.run(editAttachment, { id: testId(77), category: 'other', title: 'X' });

		await expect(attempt).rejects.toThrow('That document no longer exists.');
	});
});

describe('removeAttachment', () => {
	it('hides the document but keeps its record and file, marked with who, when and why', async () => {
		const id = await office.run(addAttachment, consent());

		await office.run(removeAttachment, { id, reason: 'wrong-patient', explanation: 'Other Smith' });

		expect(await documentsOf(office.workspace, PATIENT)).toEqual([]);
		const [kept] = await documentsOf(office.workspace, PATIENT, { includeRemoved: true });
		expect(kept.removed).toEqual({
			reason: 'wrong-patient',
			explanation: 'Other Smith',
			removedAt: TEST_NOW.toISOString(),
			removedBy: office.workspace.keys.personId
		});
		expect(await office.db.blobs.count()).toBe(1);
	});

	it('needs a reason, and cannot remove a document twice', async () => {
		const id = await office.run(addAttachment, consent());

		const error = await refusal(office.run(removeAttachment, { id, reason: '' as never }));
		expect(error.fields.reason).toBe('Choose why the document is removed.');

		await office.run(removeAttachment, { id, reason: 'entered-in-error' });
		const again = office.run(removeAttachment, { id, reason: 'entered-in-error' });
		await expect(again).rejects.toThrow('That document was removed from the chart.');
	});

	it('audits the removal by id and reason only', async () => {
		const id = await office.run(addAttachment, consent());
		await office.run(removeAttachment, { id, reason: 'entered-in-error', explanation: 'Blurry' });

		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const entry = entries.find((candidate) => candidate.action === 'remove');
		expect(entry?.target).toBe(`clinical/attachments/${id}`);
		expect(JSON.stringify(entry)).not.toMatch(/Blurry/);
	});
});
