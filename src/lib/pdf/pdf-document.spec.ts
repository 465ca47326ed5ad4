import { describe, expect, it } from 'vitest';
import { PageFlow } from './page-flow';
import { PdfDocument } from './pdf-document';
import { readPdf } from './test-support/read-pdf';
import { textWidth, truncate, wrap } from './text';

describe('PdfDocument', () => {
	it('writes a PDF 1.4 file whose xref offsets point at every object', () => {
		const document = new PdfDocument('a4');
		const page = document.addPage();
		page.text(40, 60, 'Day sheet — Zoë Brontë (downtime copy)', { font: 'bold', size: 14 });
		page.line(40, 70, 555, 70);
		page.rect(40, 80, 100, 20, [0.9, 0.9, 0.9]);
		const bytes = document.toBytes({ title: 'Day sheet', created: '2026-11-30T14:00:00Z' });
		const pdf = readPdf(bytes);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		expect(pdf.version).toBe('1.4');
		expect(pdf.pageCount).toBe(1);
		expect(pdf.pageTexts[0]).toEqual(['Day sheet — Zoë Brontë (downtime copy)']);
		expect(pdf.objects.get(2)).toContain('/Count 1');
	});

	it.each([
		['a4', '595.28 841.89'],
		['letter', '612 792']
	] as const)('sizes %s pages in points', (size, box) => {
		const document = new PdfDocument(size);
		document.addPage();
		const { objects } = readPdf(document.toBytes());
		expect([...objects.values()].some((body) => body.includes(`/MediaBox [0 0 ${box}]`))).toBe(
			true
		);
	});

	it('turns a page on its side for landscape', () => {
		const document = new PdfDocument('letter', 'landscape');
		document.addPage();
		const { objects } = readPdf(document.toBytes());
		expect([...objects.values()].some((body) => body.includes('/MediaBox [0 0 792 612]'))).toBe(
			true
		);
	});

	it('keeps every page and its own text when there are many', () => {
		const document = new PdfDocument();
		for (let n = 1; n <= 12; n++) document.addPage().text(40, 40, `Page ${n}`);
		const pdf = readPdf(document.toBytes());
		expect(pdf.pageCount).toBe(12);
		expect(pdf.pageTexts.map((texts) => texts[0])).toEqual(
			Array.from({ length: 12 }, (_, n) => `Page ${n + 1}`)
		);
	});

	it('escapes parentheses and backslashes and shows unknown characters as ?', () => {
		const document = new PdfDocument();
		document.addPage().text(10, 10, 'a (b) \\ c 李');
		expect(readPdf(document.toBytes()).pageTexts[0]).toEqual(['a (b) \\ c ?']);
	});
});

describe('text measuring', () => {
	it('measures with Helvetica’s widths, bold wider than regular', () => {
		// Helvetica: H 722, i 222 → 944 units; at 10 pt 9.44 pt.
		expect(textWidth('Hi', 'regular', 10)).toBeCloseTo(9.44);
		expect(textWidth('Hi', 'bold', 10)).toBeGreaterThan(textWidth('Hi', 'regular', 10));
	});

	it('wraps at spaces within the width and truncates what cannot fit with an ellipsis', () => {
		const lines = wrap('Follow-up for blood pressure and medication review', 100, 'regular', 10);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(textWidth(line, 'regular', 10)).toBeLessThanOrEqual(100);
		expect(lines.join(' ')).toBe('Follow-up for blood pressure and medication review');
		const cut = truncate('Bartholomew-Fitzgerald', 50, 'regular', 10);
		expect(cut.endsWith('…')).toBe(true);
		expect(textWidth(cut, 'regular', 10)).toBeLessThanOrEqual(50);
	});
});

describe('PageFlow', () => {
	it('turns the page when a block would cross the bottom margin and redraws the heading', () => {
		const document = new PdfDocument('letter');
		const flow = new PageFlow(document, {
			header: (page, n) => {
				page.text(40, 40, `Heading ${n}`);
				return 60;
			}
		});
		for (let row = 0; row < 60; row++) {
			flow.ensure(20);
			flow.page.text(40, flow.y + 12, `Row ${row}`);
			flow.y += 20;
		}
		const pdf = readPdf(document.toBytes());
		expect(pdf.pageCount).toBe(2);
		expect(pdf.pageTexts[1][0]).toBe('Heading 2');
		expect(pdf.pageTexts.flat().filter((t) => t.startsWith('Row'))).toHaveLength(60);
	});
});
