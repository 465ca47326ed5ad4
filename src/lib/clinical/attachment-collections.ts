/**
 * Where document records live: the `attachments` collection of the clinical year documents (as
 * vitals), filed under the UTC year the document was added. The record id is a ULID minted from
 * that same instant, so an edit or removal finds the year document from the id alone.
 */
import { decodeTime, ulid } from 'ulid';
import type { DocumentRef } from '$lib/core/documents/document-id';
import type { CollectionSpec } from '$lib/core/projection/projector';
import { zodValidator } from '$lib/core/validation/validator';
import { attachmentSchema, type Attachment } from './attachment-schema';
import { CLINICAL_AREA } from './collections';

export const attachmentsCollection: CollectionSpec<Attachment> = {
	collection: 'attachments',
	validate: zodValidator(attachmentSchema),
	indexes: ['patientId', 'policyId']
};

/** A new attachment id whose time part is `at` (the moment it is added). */
export function newAttachmentId(at: Date): string {
	return ulid(at.getTime());
}

/** The year document an attachment with this id is filed in. */
export function attachmentDocument(id: string): DocumentRef {
	return { area: CLINICAL_AREA, period: String(new Date(decodeTime(id)).getUTCFullYear()) };
}
