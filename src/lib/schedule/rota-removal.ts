/**
 * Removing a shift or a coverage requirement marks it (`removedAt`, `removedBy`) instead of
 * deleting it from its Yjs map: a deleted record would drop an edit another device made to it
 * offline, a marked one keeps that edit after merging. Reads take only records in force
 * (rota-queries.ts); a removed shift comes back only by assigning it again, as a new record.
 */
import type * as Y from 'yjs';
import type { CommandContext } from '$lib/core/commands/command';
import { collection, writeRecord } from '$lib/core/documents/records';

/** The fields that mark a record removed, by this person now. */
export const removal = (context: CommandContext) => ({
	removedAt: context.now().toISOString(),
	removedBy: context.actor
});

/**
 * Marks a stored record removed. Removing twice keeps the first removal (who, when); an id with
 * no record is skipped, so no half record is written.
 */
export function markRemoved(
	doc: Y.Doc,
	records: string,
	id: string,
	removed: ReturnType<typeof removal>
): void {
	const record = collection(doc, records).get(id);
	if (!record || record.get('removedAt')) return;
	writeRecord(doc, records, id, removed);
}
