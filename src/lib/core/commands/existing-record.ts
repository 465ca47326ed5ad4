/** Shared pieces of commands that change an existing record. */
import { z } from 'zod';
import type { DocumentRef } from '../documents/document-id';
import type { OfficeDocument } from '../documents/office-document';
import { collection } from '../documents/records';
import type { CommandContext } from './command';

/** The id field of a command on an existing record. */
export const recordIdSchema = z.string().min(1, 'Choose a record.');

/** Opens the record's document; throws "That <what> no longer exists." when the record is gone. */
export async function requireRecord(
	context: CommandContext,
	ref: DocumentRef,
	name: string,
	id: string,
	what: string
): Promise<OfficeDocument> {
	const document = await context.documents.open(ref);
	if (!collection(document.doc, name).has(id)) throw new Error(`That ${what} no longer exists.`);
	return document;
}
