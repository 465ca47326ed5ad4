import { describe, expect, it } from 'vitest';
import {
	detectFileType,
	fileProblem,
	formatBytes,
	IMAGE_LIMIT_BYTES,
	PDF_LIMIT_BYTES,
	photoInputProblem,
	sizeProblem
} from './attachment-rules';
import {
	heicBytes,
	jpegBytes,
	pdfBytes,
	pdfOfSize,
	pngBytes,
	webpBytes
} from './test-support/attachments';

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const raw = (...values: number[]) => Uint8Array.from([...values, ...new Array<number>(32).fill(0)]);

describe('detectFileType', () => {
	it.each([
		['a JPEG', jpegBytes(), 'image/jpeg'],
		['a PNG', pngBytes(), 'image/png'],
		['a WebP', webpBytes(), 'image/webp'],
		['a PDF', pdfBytes(), 'application/pdf'],
		['a PDF with a few bytes before its header', text('\r\n  %PDF-1.3\n'), 'application/pdf']
	])('accepts %s by its first bytes', (_what, bytes, type) => {
		expect(detectFileType(bytes)).toEqual({ accepted: true, type });
	});

	it.each([
		['a HEIC photo', heicBytes(), 'heic'],
		['a little-endian TIFF scan', raw(0x49, 0x49, 0x2a, 0x00), 'tiff'],
		['a big-endian TIFF scan', raw(0x4d, 0x4d, 0x00, 0x2a), 'tiff'],
		['a GIF', text('GIF89a............'), 'gif'],
		['a BMP', raw(0x42, 0x4d, 0x36, 0x10, 0, 0, 0, 0, 0, 0), 'bmp'],
		['a .docx (a ZIP file)', raw(0x50, 0x4b, 0x03, 0x04), 'office'],
		['a .doc (an OLE file)', raw(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1), 'office'],
		['an empty file', new Uint8Array(0), 'empty'],
		['plain text', text('BMI report for March'), 'unknown'],
		['an AVIF image', text('\0\0\0\x1cftypavif\0\0\0\0avifmif1'), 'unknown']
	])('refuses %s as %s', (_what, bytes, kind) => {
		expect(detectFileType(bytes)).toEqual({ accepted: false, kind });
	});

	it('goes by the content, not by what the file claims to be', () => {
		// A photo renamed "letter.pdf" is still a PNG; a PDF renamed ".jpg" is still a PDF.
		expect(detectFileType(pngBytes(10, 10, '%PDF-1.4 in the middle'))).toEqual({
			accepted: true,
			type: 'image/png'
		});
	});
});

describe('fileProblem', () => {
	it('tells the person how to get a JPEG from an iPhone HEIC photo', () => {
		expect(fileProblem(heicBytes())).toMatch(/HEIC.*Most Compatible.*JPEG/s);
	});

	it.each([
		['an unknown file', text('hello'), 'This file is not a type we can store.'],
		['a TIFF scan', raw(0x49, 0x49, 0x2a, 0x00), 'This is a TIFF scan.'],
		['a Word file', raw(0x50, 0x4b, 0x03, 0x04), 'Save or print it as PDF first.']
	])('refuses %s naming what is accepted', (_what, bytes, start) => {
		const problem = fileProblem(bytes);
		expect(problem).toContain(start);
		expect(problem).toContain('Attach a JPEG, PNG or WebP image, or a PDF.');
	});

	it('accepts a PDF exactly at the limit and refuses one byte more', () => {
		expect(fileProblem(pdfOfSize(PDF_LIMIT_BYTES))).toBeNull();
		expect(fileProblem(pdfOfSize(PDF_LIMIT_BYTES + 1))).toMatch(/^This PDF is 15 MB;/);
	});

	it('checks the type before the size', () => {
		expect(fileProblem(new Uint8Array(20 * MB))).toMatch(/not a type we can store/);
	});
});

describe('sizeProblem', () => {
	it('says how large a PDF is, the limit, and what to do', () => {
		expect(sizeProblem('application/pdf', Math.round(23.4 * MB))).toBe(
			'This PDF is 23.4 MB; the limit is 15 MB. Scan at a lower resolution or split it.'
		);
	});

	it('gives images their own, smaller limit', () => {
		expect(sizeProblem('image/png', IMAGE_LIMIT_BYTES)).toBeNull();
		expect(sizeProblem('image/png', 12 * MB)).toMatch(
			/^This image is 12 MB; the limit is 10 MB\. Save it at a lower resolution/
		);
		expect(sizeProblem('application/pdf', 12 * MB)).toBeNull();
	});

	it('refuses to open a photo too large to downscale on a tablet', () => {
		expect(photoInputProblem(39 * MB)).toBeNull();
		expect(photoInputProblem(52.3 * MB)).toMatch(/^This image is 52.3 MB; images up to 40 MB/);
	});
});

describe('formatBytes', () => {
	it.each([
		[0, '0 bytes'],
		[1023, '1023 bytes'],
		[1024, '1 KB'],
		[812 * 1024 + 100, '812 KB'],
		[1.25 * MB, '1.3 MB'],
		[15 * MB, '15 MB'],
		[23.44 * MB, '23.4 MB']
	])('shows %i bytes as %s', (size, shown) => {
		expect(formatBytes(size)).toBe(shown);
	});
});
