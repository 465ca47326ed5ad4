/**
 * Reading a patient's documents: the records from every clinical year document this device
 * holds, and the files they name from the blob store.
 *
 * Opening a document in the viewer is audited on its own (`viewDocument`). Thumbnails on the
 * chart are not: they are part of the chart, whose opening is audited already, and an entry per
 * thumbnail would bury the log.
 */
import type { Workspace } from '$lib/core/session/workspace';
import { chartPatientIds, type ClinicalPatient } from './clinical-patient';
import { CLINICAL_AREA } from './collections';
import { attachmentsCollection } from './attachment-collections';
import { clinicalYears } from './clinical-years';
import type { Attachment } from './attachment-schema';

export type { Attachment, AttachmentCategory } from './attachment-schema';

async function attachmentTables(workspace: Workspace, years: Iterable<string>) {
	return Promise.all(
		[...years].map((period) =>
			workspace.projection({ area: CLINICAL_AREA, period }, attachmentsCollection)
		)
	);
}

const newestFirst = (a: Attachment, b: Attachment) =>
	b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id);

/** A patient's documents (and those of records merged into it), most recently added first. */
export async function documentsOf(
	workspace: Workspace,
	patient: ClinicalPatient,
	{ includeRemoved = false } = {}
): Promise<Attachment[]> {
	const tables = await attachmentTables(workspace, await clinicalYears(workspace));
	const ids = chartPatientIds(patient);
	return tables
		.flatMap((table) => ids.flatMap((id) => table.where('patientId', id)))
		.filter((attachment) => includeRemoved || attachment.removed === null)
		.sort(newestFirst);
}

/** The photos of one insurance card: the newest front and back not removed, or null. */
export interface CardPhotos {
	front: Attachment | null;
	back: Attachment | null;
}

/** The newest card photos attached to a policy. */
export async function cardPhotosOf(workspace: Workspace, policyId: string): Promise<CardPhotos> {
	const tables = await attachmentTables(workspace, await clinicalYears(workspace));
	const photos = tables
		.flatMap((table) => table.where('policyId', policyId))
		.filter((attachment) => attachment.removed === null)
		.sort(newestFirst);
	const newest = (category: Attachment['category']) =>
		photos.find((photo) => photo.category === category) ?? null;
	return { front: newest('insurance-card-front'), back: newest('insurance-card-back') };
}

/**
 * Calls `listener` whenever a clinical year document of this device changes its documents (in
 * this tab, another tab, or by sync), including this year's before its first document.
 */
export async function watchDocuments(
	workspace: Workspace,
	listener: () => void
): Promise<() => void> {
	const thisYear = String(workspace.now().getUTCFullYear());
	const years = new Set([...(await clinicalYears(workspace)), thisYear]);
	const stops = (await attachmentTables(workspace, years)).map((table) =>
		table.subscribe(listener)
	);
	return () => stops.forEach((stop) => stop());
}

/** Asks for the files of these documents to be downloaded, so they open offline next time. */
export function prefetchDocuments(
	workspace: Workspace,
	attachments: readonly Attachment[]
): Promise<void> {
	const ids = attachments.map((attachment) => attachment.blobId);
	return ids.length > 0 ? workspace.blobs.prefetch(CLINICAL_AREA, ids) : Promise.resolve();
}

/**
 * A document's file, e.g. for a thumbnail on the (audited) chart. Throws BlobUnavailableError
 * when it is neither here nor obtainable now, BlobUnreadableError when it does not decrypt.
 */
export function documentBytes(
	workspace: Workspace,
	attachment: Attachment,
	options?: { timeoutMs?: number }
): Promise<Uint8Array> {
	return workspace.blobs.get(CLINICAL_AREA, attachment.blobId, options);
}

/**
 * A document's file for the viewer; records that it was viewed, naming the document and its
 * patient by id only (the patient id lets "who saw this record" find the view).
 */
export async function viewDocument(
	workspace: Workspace,
	attachment: Attachment
): Promise<Uint8Array> {
	const bytes = await documentBytes(workspace, attachment);
	await workspace.audit.record({
		action: 'view',
		target: `clinical/attachments/${attachment.id}`,
		detail: `Document viewed for patients/patients/${attachment.patientId}`
	});
	return bytes;
}
