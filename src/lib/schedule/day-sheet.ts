/**
 * A provider's day on paper: every appointment with what the front desk needs when the screens
 * are down (time, patient, date of birth, phone, type, room, note), then blank lines for walk-ins.
 * It doubles as the downtime sheet, so each page says when it was printed: after that moment the
 * paper may be out of date.
 */
import { PageFlow } from '$lib/pdf/page-flow';
import { PdfDocument, type PageSize } from '$lib/pdf/pdf-document';
import { truncate, wrap } from '$lib/pdf/text';
import { instantToWallTime } from './zoned-time';

export interface DaySheetVisit {
	/** ISO instants. */
	start: string;
	end: string;
	patientName: string;
	dateOfBirth: string;
	phone: string;
	typeName: string;
	roomName: string;
	note: string;
	/** 'Cancelled', 'No-show', … when not simply booked. */
	status: string;
}

export interface DaySheet {
	officeName: string;
	providerName: string;
	/** The local date, and how it reads ('Monday 30 November 2026'). */
	date: string;
	dateLabel: string;
	timeZone: string;
	visits: DaySheetVisit[];
	/** When printed (ISO instant). */
	printedAt: string;
	walkInLines?: number;
	pageSize?: PageSize;
}

const COLUMNS = [
	{ title: 'Time', width: 62 },
	{ title: 'Patient', width: 128 },
	{ title: 'DOB', width: 58 },
	{ title: 'Phone', width: 78 },
	{ title: 'Type', width: 78 },
	{ title: 'Room', width: 48 },
	{ title: 'Note', width: 0 }
];
const SIZE = 8.5;
const LINE = 11;
const GREY = [0.45, 0.45, 0.45] as const;

/** The day sheet as PDF bytes. */
export function daySheetPdf(sheet: DaySheet): Uint8Array {
	const document = new PdfDocument(sheet.pageSize ?? 'letter');
	const printed = instantToWallTime(sheet.printedAt, sheet.timeZone);
	const stamp = `Printed ${printed.date} ${printed.time} — downtime copy`;
	const widths = COLUMNS.map((c) => c.width);
	const flow = new PageFlow(document, {
		header(page, n) {
			page.text(40, 48, `${sheet.providerName} — ${sheet.dateLabel}`, { font: 'bold', size: 14 });
			page.text(40, 64, `${sheet.officeName} · day sheet · page ${n}`, { size: 9, colour: GREY });
			page.text(40, 76, stamp, { size: 9, font: 'bold' });
			let x = 40;
			for (const column of COLUMNS) {
				page.text(x, 98, column.title, { font: 'bold', size: SIZE });
				x += column.width;
			}
			page.line(40, 102, document.width - 40, 102, 0.75);
			return 106;
		}
	});
	widths[widths.length - 1] = flow.width - widths.slice(0, -1).reduce((a, b) => a + b, 0);
	if (sheet.visits.length === 0) {
		flow.page.text(40, flow.y + LINE, 'No appointments booked.', { size: SIZE });
		flow.y += LINE * 2;
	}
	for (const visit of sheet.visits) {
		const start = instantToWallTime(visit.start, sheet.timeZone).time;
		const end = instantToWallTime(visit.end, sheet.timeZone).time;
		const note = [visit.status, visit.note].filter(Boolean).join(' · ');
		const noteLines = note ? wrap(note, widths[6] - 4, 'regular', SIZE) : [''];
		const cells = [
			`${start}–${end}`,
			visit.patientName,
			visit.dateOfBirth,
			visit.phone,
			visit.typeName,
			visit.roomName
		];
		const height = Math.max(1, noteLines.length) * LINE + 6;
		flow.ensure(height);
		let x = 40;
		for (const [i, cell] of cells.entries()) {
			const font = i === 1 ? 'bold' : 'regular';
			flow.page.text(x, flow.y + LINE, truncate(cell, widths[i] - 4, font, SIZE), {
				font,
				size: SIZE
			});
			x += widths[i];
		}
		for (const [n, line] of noteLines.entries()) {
			flow.page.text(x, flow.y + LINE * (n + 1), line, { size: SIZE });
		}
		flow.y += height;
		flow.page.line(40, flow.y - 2, document.width - 40, flow.y - 2, 0.25, [0.7, 0.7, 0.7]);
	}
	flow.y += LINE;
	flow.ensure(LINE * 2);
	flow.page.text(40, flow.y + LINE, 'Walk-ins', { font: 'bold', size: 10 });
	flow.y += LINE * 1.5;
	for (let n = 0; n < (sheet.walkInLines ?? 6); n++) {
		flow.ensure(24);
		flow.y += 22;
		flow.page.line(40, flow.y, document.width - 40, flow.y, 0.5, GREY);
	}
	return document.toBytes({ title: `Day sheet ${sheet.date}`, created: sheet.printedAt });
}
