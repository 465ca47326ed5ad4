/**
 * The Documents section's form state and what its list shows about each document. The form holds
 * text as typed; the command's schema says what is wrong with it.
 */
import { formatBytes } from '$lib/clinical/attachment-rules';
import {
	ATTACHMENT_CATEGORY_LABELS,
	ATTACHMENT_CATEGORIES,
	type AttachmentCategory,
	type AttachmentDetailsForm
} from '$lib/clinical/attachment-schema';
import type { Attachment } from '$lib/clinical/queries';

/** The add/edit form: a category ('' until chosen), a title, the date on the document, a note. */
export interface DocumentForm {
	category: AttachmentCategory | '';
	title: string;
	documentDate: string;
	note: string;
}

/** The categories as the select offers them. */
export const CATEGORY_OPTIONS = ATTACHMENT_CATEGORIES.map((value) => ({
	value,
	label: ATTACHMENT_CATEGORY_LABELS[value]
}));

/** A new document's form, dated `today` (the usual case: a paper signed or scanned today). */
export function blankDocumentForm(today: string): DocumentForm {
	return { category: '', title: '', documentDate: today, note: '' };
}

/** The form of an existing document. */
export function documentFormOf(attachment: Attachment): DocumentForm {
	const { category, title, documentDate, note } = attachment;
	return { category, title, documentDate, note };
}

/**
 * The form after a category is picked: a blank title (or one still naming the previous category)
 * becomes the category's name, so a quick "Consent form" needs no typing.
 */
export function withCategory(form: DocumentForm, category: AttachmentCategory | ''): DocumentForm {
	const previous = form.category ? ATTACHMENT_CATEGORY_LABELS[form.category] : '';
	const untouched = form.title.trim() === '' || form.title === previous;
	const title = untouched && category ? ATTACHMENT_CATEGORY_LABELS[category] : form.title;
	return { ...form, category, title };
}

/** The command's details input; an unchosen category is left out so the schema names it. */
export function documentDetails(form: DocumentForm): AttachmentDetailsForm {
	return { ...form, category: (form.category || undefined) as AttachmentCategory };
}

/** '2 pages · 48 KB', '2400 × 1800 · 812 KB', or just the size. */
export function describeFile(attachment: Attachment): string {
	const size = formatBytes(attachment.byteSize);
	if (attachment.pages !== null) {
		return `${attachment.pages} ${attachment.pages === 1 ? 'page' : 'pages'} · ${size}`;
	}
	if (attachment.width !== null && attachment.height !== null) {
		return `${attachment.width} × ${attachment.height} · ${size}`;
	}
	return size;
}

/** Who added a document: "you", their name from the office's people list, or "a colleague". */
export function addedBy(
	attachment: Attachment,
	me: string,
	names: ReadonlyMap<string, string> = new Map()
): string {
	if (attachment.recordedBy === me) return 'you';
	return names.get(attachment.recordedBy) ?? 'a colleague';
}

/** The date a document is listed under: the date on it, else the day it was added. */
export function listedDate(attachment: Attachment): string {
	return attachment.documentDate || attachment.recordedAt.slice(0, 10);
}

const EXTENSIONS: Record<Attachment['mimeType'], string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'application/pdf': 'pdf'
};

/** A file name for downloading: the title made safe, with the extension of the stored type. */
export function downloadName(attachment: Attachment): string {
	const safe = attachment.title.replace(/[^\p{L}\p{N} ._-]+/gu, '').replace(/\s+/g, ' ');
	const base = safe.trim() || 'document';
	return `${base}.${EXTENSIONS[attachment.mimeType]}`;
}
