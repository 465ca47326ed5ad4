/**
 * Importing a schedule at once (the demo office, later a migration): the setup and series into
 * the `schedule` document, appointments into their home month documents, one transaction per
 * document and one audit entry without patient details. Records arrive whole, ids included, and
 * are checked by the stored schemas.
 */
import { z } from 'zod';
import { defineCommand } from '$lib/core/commands/command';
import { writeRecord } from '$lib/core/documents/records';
import {
	SCHEDULE_DOCUMENT,
	appointmentTypesCollection,
	appointmentsCollection,
	holidaysCollection,
	monthDocument,
	seriesCollection,
	templatesCollection
} from './collections';
import {
	appointmentSchema,
	appointmentTypeSchema,
	availabilityTemplateSchema,
	holidaySchema,
	seriesSchema,
	type Appointment
} from './schema';
import { localMonth } from './zoned-time';

/** Imports appointments and setup; appointments are filed by their local month in `timeZone`. */
export function importSchedule(timeZone: string) {
	return defineCommand({
		name: 'schedule.import',
		input: z.object({
			types: z.array(appointmentTypeSchema).max(200),
			templates: z.array(availabilityTemplateSchema).max(500),
			holidays: z.array(holidaySchema).max(500),
			series: z.array(seriesSchema).max(10_000),
			appointments: z.array(appointmentSchema).max(200_000)
		}),
		async run(context, { types, templates, holidays, series, appointments }) {
			const setup = await context.documents.open(SCHEDULE_DOCUMENT);
			setup.transact((doc) => {
				for (const t of types) writeRecord(doc, appointmentTypesCollection.collection, t.id, t);
				for (const t of templates) writeRecord(doc, templatesCollection.collection, t.id, t);
				for (const h of holidays) writeRecord(doc, holidaysCollection.collection, h.id, h);
				for (const s of series) writeRecord(doc, seriesCollection.collection, s.id, s);
			});
			const byMonth = new Map<string, Appointment[]>();
			for (const appointment of appointments) {
				const month = localMonth(appointment.start, timeZone);
				const list = byMonth.get(month) ?? [];
				list.push(appointment);
				byMonth.set(month, list);
			}
			for (const [month, monthAppointments] of byMonth) {
				const document = await context.documents.open(monthDocument(month));
				document.transact((doc) => {
					for (const a of monthAppointments)
						writeRecord(doc, appointmentsCollection.collection, a.id, a);
				});
			}
			return appointments.length;
		},
		audit: (_input, count) => ({
			action: 'import',
			target: 'schedule/appointments',
			detail: `${count} appointments imported`
		})
	});
}
