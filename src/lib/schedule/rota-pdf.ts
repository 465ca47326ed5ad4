/**
 * The week's rota on one landscape page (more when the staff list is long): a row per person,
 * a column per day with their shifts, their paid hours for the week, and the coverage gaps
 * listed underneath, so the paper on the staff-room wall shows what the screen shows.
 */
import { PageFlow } from '$lib/pdf/page-flow';
import { PdfDocument, type PageSize } from '$lib/pdf/pdf-document';
import { truncate } from '$lib/pdf/text';
import { formatHours, WEEKDAY_NAMES } from './rota-rules';

export interface RotaSheet {
	officeName: string;
	/** 'Week of 30 November 2026'. */
	title: string;
	dates: string[];
	staff: { id: string; name: string; group: string }[];
	shifts: { staffId: string; date: string; start: string; end: string; label: string }[];
	/** Paid minutes per staff id. */
	minutes: ReadonlyMap<string, number>;
	gaps: string[];
	/** 'Printed 2026-11-30 09:12'. */
	printedLabel: string;
	pageSize?: PageSize;
}

const NAME_WIDTH = 150;
const HOURS_WIDTH = 46;
const SIZE = 8;
const LINE = 10;
const GREY = [0.45, 0.45, 0.45] as const;

/** The week's rota as PDF bytes. */
export function rotaPdf(sheet: RotaSheet): Uint8Array {
	const document = new PdfDocument(sheet.pageSize ?? 'letter', 'landscape');
	const dayWidth = (document.width - 80 - NAME_WIDTH - HOURS_WIDTH) / 7;
	const dayX = (n: number) => 40 + NAME_WIDTH + n * dayWidth;
	const flow = new PageFlow(document, {
		header(page) {
			page.text(40, 44, `Staff rota — ${sheet.title}`, { font: 'bold', size: 14 });
			page.text(40, 58, `${sheet.officeName} · ${sheet.printedLabel}`, { size: 9, colour: GREY });
			page.text(40, 80, 'Staff', { font: 'bold', size: SIZE });
			for (const [n, date] of sheet.dates.entries()) {
				page.text(dayX(n), 80, `${WEEKDAY_NAMES[n].slice(0, 3)} ${date.slice(5)}`, {
					font: 'bold',
					size: SIZE
				});
			}
			page.text(dayX(7), 80, 'Hours', { font: 'bold', size: SIZE });
			page.line(40, 84, document.width - 40, 84, 0.75);
			return 86;
		}
	});
	for (const person of sheet.staff) {
		const perDay = sheet.dates.map((date) =>
			sheet.shifts.filter((s) => s.staffId === person.id && s.date === date)
		);
		const lines = Math.max(1, ...perDay.map((shifts) => shifts.length * 2));
		const height = lines * LINE + 6;
		flow.ensure(height);
		const page = flow.page;
		const top = flow.y;
		page.text(40, top + LINE, truncate(person.name, NAME_WIDTH - 6, 'bold', SIZE), {
			font: 'bold',
			size: SIZE
		});
		page.text(40, top + LINE * 2, person.group, { size: SIZE - 1, colour: GREY });
		for (const [n, shifts] of perDay.entries()) {
			for (const [k, shift] of shifts.entries()) {
				const y = top + LINE * (k * 2 + 1);
				page.rect(dayX(n), y - LINE + 2, dayWidth - 4, LINE * 2 - 2, [0.93, 0.95, 0.98]);
				page.text(dayX(n) + 2, y, `${shift.start}–${shift.end}`, { size: SIZE });
				page.text(
					dayX(n) + 2,
					y + LINE - 1,
					truncate(shift.label, dayWidth - 8, 'regular', SIZE - 1),
					{
						size: SIZE - 1,
						colour: GREY
					}
				);
			}
		}
		page.text(dayX(7), top + LINE, formatHours(sheet.minutes.get(person.id) ?? 0), { size: SIZE });
		flow.y += height;
		page.line(40, flow.y - 2, document.width - 40, flow.y - 2, 0.25, [0.7, 0.7, 0.7]);
	}
	flow.y += LINE;
	flow.ensure(LINE * 2);
	flow.page.text(40, flow.y + LINE, 'Coverage gaps', { font: 'bold', size: 10 });
	flow.y += LINE * 1.5;
	for (const gap of sheet.gaps.length > 0 ? sheet.gaps : ['None: every requirement is covered.']) {
		flow.ensure(LINE);
		flow.page.text(40, flow.y + LINE, gap, { size: SIZE + 1 });
		flow.y += LINE + 2;
	}
	return document.toBytes({ title: `Staff rota ${sheet.dates[0]}` });
}
