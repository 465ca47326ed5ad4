// Zod schemas for a patient's documents (attachments): scans, photos and PDFs. The record holds
// only what describes the file; the file itself is an encrypted blob the record names by id
// (see core/blobs/blob-store.ts). A document is never deleted: removing one marks it with who,
// when and why, and hides it from the chart.
import { z } from 'zod';
import { attribution, instant, optionalDate, optionalText, recordId, requiredText } from './fields';

/** What a document is; insurance card sides are linked to a policy. */
export const ATTACHMENT_CATEGORIES = [
	'consent',
	'referral',
	'insurance-card-front',
	'insurance-card-back',
	'result',
	'identification',
	'other'
] as const;
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];
export const ATTACHMENT_CATEGORY_LABELS: Record<AttachmentCategory, string> = {
	consent: 'Consent form',
	referral: 'Referral letter',
	'insurance-card-front': 'Insurance card (front)',
	'insurance-card-back': 'Insurance card (back)',
	result: 'Lab or imaging result',
	identification: 'ID (driver’s licence, passport)',
	other: 'Other'
};

/** The file types we store, found from the file's first bytes (never from its name). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

/** Why a document was taken off the chart. */
export const REMOVAL_REASONS = ['entered-in-error', 'wrong-patient'] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];
export const REMOVAL_REASON_LABELS: Record<RemovalReason, string> = {
	'entered-in-error': 'Entered in error',
	'wrong-patient': 'Attached to the wrong patient'
};

const category = z.enum(ATTACHMENT_CATEGORIES, { error: 'Choose what kind of document this is.' });

/** What a person types about a document: kind, title, the date on it, a note. */
export const attachmentDetailsSchema = z.object({
	category,
	title: requiredText('The title', 120, 'Give the document a title.'),
	documentDate: optionalDate('date of the document'),
	note: optionalText('The note', 500)
});

/** The removal form: a reason from the list, and an optional explanation. */
export const attachmentRemovalSchema = z.object({
	reason: z.enum(REMOVAL_REASONS, { error: 'Choose why the document is removed.' }),
	explanation: optionalText('The explanation', 300)
});

const positiveInt = (message: string) =>
	z.number({ error: message }).int(message).positive(message);

/** The removal mark on a stored document. */
const removalSchema = attachmentRemovalSchema.extend({
	removedAt: instant('The removal time must be a UTC time like 2025-03-01T14:30:00Z.'),
	removedBy: recordId('The ID of the person who removed this is malformed.')
});

/** A document as stored in a clinical year document. */
export const attachmentSchema = attachmentDetailsSchema.extend({
	...attribution,
	mimeType: z.enum(ACCEPTED_TYPES, { error: 'The file type is not one we store.' }),
	byteSize: positiveInt('The file size must be a whole number of bytes.'),
	/** Pixel size for images, when known. */
	width: positiveInt('The width must be a whole number of pixels.').nullable(),
	height: positiveInt('The height must be a whole number of pixels.').nullable(),
	/** Page count for PDFs, when it could be read. */
	pages: positiveInt('The page count must be a whole number.').nullable(),
	blobId: z
		.string({ error: 'The file reference is missing.' })
		.min(1, 'The file reference is missing.'),
	/** The insurance policy a card photo belongs to; '' for other documents. */
	policyId: z.union([z.literal(''), recordId('The policy ID is malformed.')]),
	removed: removalSchema.nullable()
});

export type Attachment = z.output<typeof attachmentSchema>;
export type AttachmentDetails = z.output<typeof attachmentDetailsSchema>;
export type AttachmentDetailsForm = z.input<typeof attachmentDetailsSchema>;
export type AttachmentRemoval = z.output<typeof attachmentRemovalSchema>;
