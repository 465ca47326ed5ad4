/**
 * Importing many medical-history items at once (the demo office, later a migration). One
 * command, one audit entry without content; items arrive whole, ids included, are checked by the
 * stored schema and written per year document (the year of each id, as history-collections.ts
 * files them) in batches, one transaction per batch.
 *
 * An import writes what it is given: the allergy rules of history-commands.ts are the source's
 * business, and a contradiction shows on the chart as a conflict.
 */
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import { historyCollection, historyDocument, historyYear } from './history-collections';
import { historyItemSchema, type HistoryItem } from './history-schema';

/** Items per document transaction. */
export const HISTORY_IMPORT_BATCH_SIZE = 250;

export const importHistory = defineCommand({
	name: 'clinical.import-history',
	input: z.object({ items: z.array(historyItemSchema).max(200_000) }),
	async run(context, { items }) {
		const byYear = new Map<string, HistoryItem[]>();
		for (const item of items) {
			const year = historyYear(item.id);
			const filed = byYear.get(year);
			if (filed) filed.push(item);
			else byYear.set(year, [item]);
		}
		for (const yearItems of byYear.values()) {
			const document = await context.documents.open(historyDocument(yearItems[0].id));
			for (let start = 0; start < yearItems.length; start += HISTORY_IMPORT_BATCH_SIZE) {
				const batch = yearItems.slice(start, start + HISTORY_IMPORT_BATCH_SIZE);
				document.transact((doc) => {
					for (const item of batch) writeRecord(doc, historyCollection.collection, item.id, item);
				});
			}
		}
		return items.length;
	},
	audit: (_input, count) => ({
		action: 'import',
		target: 'clinical/history',
		detail: `${count} medical history items imported`
	})
});
