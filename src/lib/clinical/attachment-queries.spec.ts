import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '$lib/core/commands/command';
import { addAttachment, removeAttachment } from './attachment-commands';
import {
	cardPhotosOf,
	documentsOf,
	prefetchDocuments,
	viewDocument,
	watchDocuments
} from './queries';
import {
	createClinicalOffice,
	TEST_PERIOD,
	type ClinicalOffice
} from './test-support/clinical-office';
import { makeAttachment, pdfBytes, pngBytes } from './test-support/attachments';
import { PATIENT_ID, testId } from './test-support/vitals';

let office: ClinicalOffice;
let clock: Date;

beforeEach(async () => {
	office = await createClinicalOffice();
	clock = new Date('2026-03-15T09:30:00.000Z');
});

afterEach(async () => {
	await office.dispose();
});

const MERGED_ID = testId(910);
const OTHER_ID = testId(911);
const POLICY_ID = testId(40);

/** Adds a document `minutes` after the previous one, so "newest" is well defined. */
async function add(title: string, overrides: Record<string, unknown> = {}, minutes = 1) {
	clock = new Date(clock.getTime() + minutes * 60_000);
	const context = { ...office.workspace.commandContext(), now: () => clock };
	return runCommand(context, addAttachment, {
		patientId: PATIENT_ID,
		category: 'other',
		title,
		file: pdfBytes(1, title),
		...overrides
	});
}

const titles = (list: { title: string }[]) => list.map((attachment) => attachment.title);

describe('documentsOf', () => {
	it('lists a patient’s documents most recently added first, across years', async () => {
		await add('Last year', {}, -365 * 24 * 60);
		await add('First');
		await add('Second');

		expect(titles(await documentsOf(office.workspace, { id: PATIENT_ID }))).toEqual([
			'Second',
			'First',
			'Last year'
		]);
	});

	it('includes records merged into the patient and leaves other patients out', async () => {
		await add('Own');
		await add('From the merged record', { patientId: MERGED_ID });
		await add('Someone else’s', { patientId: OTHER_ID });

		const chart = { id: PATIENT_ID, mergedIds: [MERGED_ID] };
		expect(titles(await documentsOf(office.workspace, chart))).toEqual([
			'From the merged record',
			'Own'
		]);
	});

	it('hides removed documents unless asked for them', async () => {
		const id = await add('Wrong chart');
		await add('Kept');
		await office.run(removeAttachment, { id, reason: 'wrong-patient' });

		expect(titles(await documentsOf(office.workspace, { id: PATIENT_ID }))).toEqual(['Kept']);
		const all = await documentsOf(office.workspace, { id: PATIENT_ID }, { includeRemoved: true });
		expect(titles(all)).toEqual(['Kept', 'Wrong chart']);
	});
});

describe('cardPhotosOf', () => {
	it('gives the newest front and back of a policy’s card, skipping removed photos', async () => {
		const card = (category: string, title: string) =>
			add(title, { category, policyId: POLICY_ID, file: pngBytes(800, 500) });
		await card('insurance-card-front', 'Old front');
		await card('insurance-card-back', 'Back');
		const blurry = await card('insurance-card-front', 'Blurry front');
		await office.run(removeAttachment, { id: blurry, reason: 'entered-in-error' });
		await add('Another policy’s front', {
			category: 'insurance-card-front',
			policyId: testId(41)
		});

		const photos = await cardPhotosOf(office.workspace, POLICY_ID);
		expect(photos.front?.title).toBe('Old front');
		expect(photos.back?.title).toBe('Back');
	});

	it('gives nulls for a policy without photos', async () => {
		expect(await cardPhotosOf(office.workspace, POLICY_ID)).toEqual({ front: null, back: null });
	});
});

describe('viewDocument', () => {
	it('returns the file and audits the view, naming the document and its patient by id only', async () => {
		const id = await add('HIV test result');
		const [attachment] = await documentsOf(office.workspace, { id: PATIENT_ID });

		const bytes = await viewDocument(office.workspace, attachment);

		expect(bytes).toEqual(pdfBytes(1, 'HIV test result'));
		const entries = await office.workspace.audit.entries(TEST_PERIOD);
		const view = entries.find((entry) => entry.action === 'view');
		expect(view?.target).toBe(`clinical/attachments/${id}`);
		expect(view?.detail).toBe(`Document viewed for patients/patients/${PATIENT_ID}`);
		expect(JSON.stringify(view)).not.toMatch(/HIV/);
	});
});

describe('prefetchDocuments', () => {
	it('asks the blob store for every listed file', async () => {
		const prefetch = vi.spyOn(office.workspace.blobs, 'prefetch');
		const list = [makeAttachment(1), makeAttachment(2)];

		await prefetchDocuments(office.workspace, list);

		expect(prefetch).toHaveBeenCalledWith('clinical', [list[0].blobId, list[1].blobId]);
	});
});

describe('watchDocuments', () => {
	it('calls back when a document is added, even the first of the year', async () => {
		const listener = vi.fn();
		const stop = await watchDocuments(office.workspace, listener);

		await add('New scan');
		expect(listener).toHaveBeenCalled();

		stop();
		listener.mockClear();
		await add('After stopping');
		expect(listener).not.toHaveBeenCalled();
	});
});
