/**
 * Every write is a named command. `runCommand` wraps each one the same way, once: validate the
 * input against its schema (a bad field never reaches a document), run the change, wait until it
 * is durably stored, then append the audit entry. A command only reports success when all of
 * that has happened.
 */
import type { z } from 'zod';
import type { AuditEvent, AuditLog } from '../audit/audit-log';
import type { BlobStore } from '../blobs/blob-store';
import type { DocumentStore } from '../documents/document-store';
import { validate, type FieldErrors } from '../validation/field-errors';

export interface CommandContext {
	documents: DocumentStore;
	audit: AuditLog;
	/** File content (scans, photos, PDFs), stored apart from documents and referred to by id. */
	blobs: BlobStore;
	/** The signed-in person's id. */
	actor: string;
	now: () => Date;
}

export interface Command<S extends z.ZodType, R> {
	/** e.g. 'rooms.create', used in logs and errors. */
	name: string;
	input: S;
	run(context: CommandContext, input: z.output<S>): Promise<R> | R;
	/** What the audit log says happened. */
	audit(input: z.output<S>, result: R): AuditEvent;
}

/** Input that failed its schema: one message per field, for the form to show. */
export class InvalidInputError extends Error {
	override name = 'InvalidInputError';
	constructor(
		readonly command: string,
		readonly fields: FieldErrors
	) {
		super(Object.values(fields)[0] ?? 'Some fields need attention.');
	}
}

/** Declares a command (an identity function that keeps the types together). */
export function defineCommand<S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> {
	return command;
}

/** Validates, runs, persists and audits one command. */
export async function runCommand<S extends z.ZodType, R>(
	context: CommandContext,
	command: Command<S, R>,
	rawInput: z.input<S>
): Promise<R> {
	const checked = validate(command.input, rawInput);
	if (!checked.ok) throw new InvalidInputError(command.name, checked.errors);
	const result = await command.run(context, checked.data);
	await context.documents.flush();
	await context.audit.record(command.audit(checked.data, result));
	return result;
}
