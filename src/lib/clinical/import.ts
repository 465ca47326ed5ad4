/**
 * Importing many vitals sets at once (the demo office, later a migration). One command, one
 * audit entry without readings; sets are written per year document in batches, one transaction
 * per batch, so the projection and the update log do not work once per set.
 */
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import { vitalsCollection, vitalsDocument } from './collections';
import { vitalsSetSchema, type VitalsSet } from './vitals-schema';

/** Sets per document transaction. */
export const VITALS_IMPORT_BATCH_SIZE = 250;

export const importVitals = defineCommand({
	name: 'clinical.import-vitals',
	// Sets arrive whole, ids included, and are checked by the stored schema.
	input: z.object({ sets: z.array(vitalsSetSchema).max(100_000) }),
	async run(context, { sets }) {
		const byYear = new Map<string, VitalsSet[]>();
		for (const set of sets) {
			const year = set.takenAt.slice(0, 4);
			byYear.set(year, [...(byYear.get(year) ?? []), set]);
		}
		for (const yearSets of byYear.values()) {
			const document = await context.documents.open(vitalsDocument(yearSets[0].takenAt));
			for (let start = 0; start < yearSets.length; start += VITALS_IMPORT_BATCH_SIZE) {
				const batch = yearSets.slice(start, start + VITALS_IMPORT_BATCH_SIZE);
				document.transact((doc) => {
					for (const set of batch) writeRecord(doc, vitalsCollection.collection, set.id, set);
				});
			}
		}
		return sets.length;
	},
	audit: (_input, count) => ({
		action: 'import',
		target: 'clinical/vitals',
		detail: `${count} vitals sets imported`
	})
});
