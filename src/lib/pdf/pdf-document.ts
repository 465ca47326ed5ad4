/**
 * A small PDF 1.4 writer: pages of text in the two standard Helvetica faces (WinAnsiEncoding, not
 * embedded, so every viewer has them), lines and filled rectangles. No dependency, no compression:
 * the files are small and a test can read them back.
 *
 * Callers place things from the top-left corner in points (1/72 inch), y growing downwards, as
 * on screen; the writer turns that into PDF's bottom-left origin. The body is written byte for
 * byte as Latin-1 (every byte one char), so string lengths are byte offsets and the xref table's
 * offsets point exactly at each "N 0 obj".
 */
import { winAnsiCodes, type FontName } from './text';

/** Page sizes in points. */
export const PAGE_SIZES = {
	a4: { width: 595.28, height: 841.89 },
	letter: { width: 612, height: 792 }
} as const;
export type PageSize = keyof typeof PAGE_SIZES;

/** A colour as red, green, blue from 0 to 1. */
export type Rgb = readonly [number, number, number];

export interface TextStyle {
	font?: FontName;
	size?: number;
	colour?: Rgb;
}

const FONT_RESOURCE: Record<FontName, string> = { regular: 'F1', bold: 'F2' };
const num = (n: number) => String(Math.round(n * 100) / 100);
const colour = ([r, g, b]: Rgb, op: 'rg' | 'RG') => `${num(r)} ${num(g)} ${num(b)} ${op}`;

/** One page's drawing operators. */
export class PdfPage {
	readonly #ops: string[] = [];

	constructor(
		readonly width: number,
		readonly height: number
	) {}

	/** Writes `text` with its baseline at `y` (from the top). */
	text(x: number, y: number, text: string, style: TextStyle = {}): void {
		const { font = 'regular', size = 10, colour: rgb = [0, 0, 0] } = style;
		this.#ops.push(
			`BT ${colour(rgb, 'rg')} /${FONT_RESOURCE[font]} ${num(size)} Tf`,
			`1 0 0 1 ${num(x)} ${num(this.height - y)} Tm ${pdfString(text)} Tj ET`
		);
	}

	/** A straight line. */
	line(x1: number, y1: number, x2: number, y2: number, width = 0.5, rgb: Rgb = [0, 0, 0]): void {
		this.#ops.push(
			`${num(width)} w ${colour(rgb, 'RG')}`,
			`${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`
		);
	}

	/** A filled rectangle with its top-left corner at (x, y). */
	rect(x: number, y: number, width: number, height: number, fill: Rgb): void {
		this.#ops.push(
			`${colour(fill, 'rg')} ${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re f`
		);
	}

	/** The content stream. */
	content(): string {
		return this.#ops.join('\n');
	}
}

/** A PDF string literal in WinAnsi, ASCII-only (escapes and octal for bytes above 126). */
function pdfString(text: string): string {
	let out = '(';
	for (const code of winAnsiCodes(text)) {
		if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${String.fromCharCode(code)}`;
		else if (code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
		else out += String.fromCharCode(code);
	}
	return `${out})`;
}

/** A text-only PDF string for the Info dictionary (ASCII, escaped). */
function infoString(text: string): string {
	return pdfString(text.replace(/[^\x20-\x7e]/g, '?'));
}

export interface PdfInfo {
	title?: string;
	/** When the file was made (ISO instant). */
	created?: string;
}

/** A document of pages; `toBytes` writes the file. */
export class PdfDocument {
	readonly pages: PdfPage[] = [];
	readonly width: number;
	readonly height: number;

	constructor(size: PageSize = 'letter', orientation: 'portrait' | 'landscape' = 'portrait') {
		const { width, height } = PAGE_SIZES[size];
		[this.width, this.height] = orientation === 'portrait' ? [width, height] : [height, width];
	}

	/** Adds an empty page at the end and returns it. */
	addPage(): PdfPage {
		const page = new PdfPage(this.width, this.height);
		this.pages.push(page);
		return page;
	}

	/** The whole file. */
	toBytes(info: PdfInfo = {}): Uint8Array {
		if (this.pages.length === 0) this.addPage();
		const objects: string[] = [];
		const add = (body: string) => objects.push(body);
		const pageIds = this.pages.map((_, n) => 5 + n * 2);
		add('<< /Type /Catalog /Pages 2 0 R >>');
		add(
			`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
		);
		add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
		add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
		for (const [n, page] of this.pages.entries()) {
			add(
				`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(this.width)} ${num(this.height)}] ` +
					`/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[n] + 1} 0 R >>`
			);
			const content = page.content();
			add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
		}
		const infoParts = ['/Producer (Practice Office)'];
		if (info.title) infoParts.push(`/Title ${infoString(info.title)}`);
		if (info.created) infoParts.push(`/CreationDate (${pdfDate(info.created)})`);
		add(`<< ${infoParts.join(' ')} >>`);
		return serialize(objects);
	}
}

/** 'D:20261130140000Z' for an ISO instant. */
function pdfDate(iso: string): string {
	return `D:${new Date(iso).toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
}

/** Header, numbered objects, xref table and trailer; the last object is the Info dictionary. */
function serialize(objects: string[]): Uint8Array {
	// The comment of bytes above 127 tells transfer tools the file is binary.
	let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	for (const [n, body] of objects.entries()) {
		offsets.push(out.length);
		out += `${n + 1} 0 obj\n${body}\nendobj\n`;
	}
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
	out += `startxref\n${xref}\n%%EOF\n`;
	const bytes = new Uint8Array(out.length);
	for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
	return bytes;
}
