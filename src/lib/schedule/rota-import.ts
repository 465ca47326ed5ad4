/**
 * Importing a whole rota at once (the demo office, later a migration): templates, coverage and
 * time off into the `schedule` document and shifts into their month documents, one transaction
 * per document, one audit entry. Records arrive whole, ids included, checked by stored schemas.
 */
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import {
	SCHEDULE_DOCUMENT,
	coverageCollection,
	monthDocument,
	shiftTemplatesCollection,
	shiftsCollection,
	timeOffCollection
} from './collections';
import {
	coverageSchema,
	shiftSchema,
	shiftTemplateSchema,
	timeOffSchema,
	type Shift
} from './rota-schema';

export const importRota = defineCommand({
	name: 'rota.import',
	input: z.object({
		templates: z.array(shiftTemplateSchema).max(200),
		coverage: z.array(coverageSchema).max(500),
		timeOff: z.array(timeOffSchema).max(10_000),
		shifts: z.array(shiftSchema).max(100_000)
	}),
	async run(context, { templates, coverage, timeOff, shifts }) {
		const setup = await context.documents.open(SCHEDULE_DOCUMENT);
		setup.transact((doc) => {
			for (const t of templates) writeRecord(doc, shiftTemplatesCollection.collection, t.id, t);
			for (const c of coverage) writeRecord(doc, coverageCollection.collection, c.id, c);
			for (const t of timeOff) writeRecord(doc, timeOffCollection.collection, t.id, t);
		});
		const byMonth = new Map<string, Shift[]>();
		for (const shift of shifts) {
			const month = shift.date.slice(0, 7);
			const list = byMonth.get(month) ?? [];
			list.push(shift);
			byMonth.set(month, list);
		}
		for (const [month, monthShifts] of byMonth) {
			const document = await context.documents.open(monthDocument(month));
			document.transact((doc) => {
				for (const s of monthShifts) writeRecord(doc, shiftsCollection.collection, s.id, s);
			});
		}
		return shifts.length;
	},
	audit: (_input, count) => ({
		action: 'import',
		target: 'schedule/shifts',
		detail: `Rota imported with ${count} shifts`
	})
});
