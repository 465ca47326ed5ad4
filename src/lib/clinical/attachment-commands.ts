/**
 * Adding, describing and removing a patient's documents. The file's bytes are checked (type from
 * its first bytes, size) by the input schema, so a refused file never reaches the blob store;
 * then they are sealed into the blob store and the record naming the blob is written. Removal
 * marks the record and keeps both record and blob: a chart never loses what was on it.
 *
 * Audit entries name the document and the patient by id only — titles and notes can say what a
 * patient is treated for, and the audit log is not the chart.
 */
import { z } from 'zod';
import { defineCommand, type CommandContext } from '$lib/core/commands/command';
import { collection, readRecord, writeRecord } from '$lib/core/documents/records';
import { CLINICAL_AREA } from './collections';
import {
	attachmentDocument,
	attachmentsCollection,
	newAttachmentId
} from './attachment-collections';
import { fileInfo } from './attachment-file-info';
import { detectFileType, fileProblem } from './attachment-rules';
import {
	attachmentDetailsSchema,
	attachmentRemovalSchema,
	type AcceptedType
} from './attachment-schema';
import { recordId } from './fields';

/** The file as chosen (after image preparation): checked, typed and measured. */
const fileSchema = z
	.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Choose a file to attach.')
	.transform((bytes, ctx) => {
		const problem = fileProblem(bytes);
		if (problem) {
			ctx.addIssue({ code: 'custom', message: problem });
			return z.NEVER;
		}
		const type = (detectFileType(bytes) as { type: AcceptedType }).type;
		return { bytes, type, ...fileInfo(bytes, type) };
	});

/** The add-document form plus the file and whose chart (and policy) it belongs to. */
export const addAttachmentInputSchema = attachmentDetailsSchema.extend({
	patientId: recordId('Open a patient’s chart to attach a document.'),
	policyId: z.union([z.literal(''), recordId('The policy ID is malformed.')]).default(''),
	file: fileSchema
});

const NAME = attachmentsCollection.collection;

/** Opens the attachment's year document; refuses a missing or removed one. */
async function requireAttachment(context: CommandContext, id: string) {
	const document = await context.documents.open(attachmentDocument(id));
	const record = readRecord(collection(document.doc, NAME).get(id)) as
		{ removed?: unknown } | undefined;
	if (!record) throw new Error('That document no longer exists.');
	if (record.removed) throw new Error('That document was removed from the chart.');
	return document;
}

export const addAttachment = defineCommand({
	name: 'clinical.add-attachment',
	input: addAttachmentInputSchema,
	async run(context, { file, patientId, policyId, ...details }) {
		const at = context.now();
		const id = newAttachmentId(at);
		const blobId = await context.blobs.put(CLINICAL_AREA, file.bytes);
		const document = await context.documents.open(attachmentDocument(id));
		document.transact((doc) =>
			writeRecord(doc, NAME, id, {
				...details,
				id,
				patientId,
				policyId,
				recordedAt: at.toISOString(),
				recordedBy: context.actor,
				mimeType: file.type,
				byteSize: file.bytes.length,
				width: file.width,
				height: file.height,
				pages: file.pages,
				blobId,
				removed: null
			})
		);
		return id;
	},
	audit: (input, id) => ({
		action: 'create',
		target: `clinical/attachments/${id}`,
		detail: `Document attached to patients/patients/${input.patientId}`
	})
});

export const editAttachment = defineCommand({
	name: 'clinical.edit-attachment',
	input: attachmentDetailsSchema.extend({ id: recordId('Choose a document.') }),
	async run(context, { id, ...details }) {
		const document = await requireAttachment(context, id);
		document.transact((doc) => writeRecord(doc, NAME, id, details));
	},
	audit: (input) => ({
		action: 'update',
		target: `clinical/attachments/${input.id}`,
		detail: 'Document details edited'
	})
});

export const removeAttachment = defineCommand({
	name: 'clinical.remove-attachment',
	input: attachmentRemovalSchema.extend({ id: recordId('Choose a document.') }),
	async run(context, { id, ...removal }) {
		const document = await requireAttachment(context, id);
		const removed = {
			...removal,
			removedAt: context.now().toISOString(),
			removedBy: context.actor
		};
		document.transact((doc) => writeRecord(doc, NAME, id, { removed }));
	},
	// The reason is a fixed choice, not free text, so it may be named here.
	audit: (input) => ({
		action: 'remove',
		target: `clinical/attachments/${input.id}`,
		detail: `Document removed from the chart (${input.reason})`
	})
});
