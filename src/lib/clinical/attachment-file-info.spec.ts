import { describe, expect, it } from 'vitest';
import { fileInfo, imageSize, pdfPageCount } from './attachment-file-info';
import { jpegBytes, pdfBytes, pngBytes, webpBytes } from './test-support/attachments';

describe('imageSize', () => {
	it.each([
		['PNG', pngBytes(640, 480), 'image/png'],
		['JPEG', jpegBytes(640, 480), 'image/jpeg'],
		['WebP', webpBytes(640, 480), 'image/webp']
	] as const)('reads the pixel size from a %s header', (_kind, bytes, type) => {
		expect(imageSize(bytes, type)).toEqual({ width: 640, height: 480 });
	});

	it('reads a camera-sized JPEG whose frame header follows other segments', () => {
		expect(imageSize(jpegBytes(4032, 3024), 'image/jpeg')).toEqual({ width: 4032, height: 3024 });
	});

	it('gives null rather than a guess when the header is cut short', () => {
		expect(imageSize(pngBytes().subarray(0, 20), 'image/png')).toBeNull();
		expect(imageSize(jpegBytes().subarray(0, 12), 'image/jpeg')).toBeNull();
		expect(imageSize(webpBytes().subarray(0, 20), 'image/webp')).toBeNull();
	});
});

describe('pdfPageCount', () => {
	it.each([1, 2, 7])('counts %i page(s) without counting the page tree', (pages) => {
		expect(pdfPageCount(pdfBytes(pages))).toBe(pages);
	});

	it('gives null when no page object can be seen', () => {
		expect(pdfPageCount(new TextEncoder().encode('%PDF-1.7\n(compressed)'))).toBeNull();
	});
});

describe('fileInfo', () => {
	it('gives pages for a PDF and pixels for an image', () => {
		expect(fileInfo(pdfBytes(3), 'application/pdf')).toEqual({
			width: null,
			height: null,
			pages: 3
		});
		expect(fileInfo(pngBytes(20, 10), 'image/png')).toEqual({ width: 20, height: 10, pages: null });
	});
});
