import { describe, expect, it, vi } from 'vitest';
import { prepareFile, scaledSize, type PreparedFile } from './image-prep';
import { heicBytes, jpegBytes, pdfBytes, pdfOfSize, pngBytes } from './test-support/attachments';

const MB = 1024 * 1024;
const blob = (bytes: Uint8Array) => new Blob([bytes as BlobPart]);
/** The refusal message of a prepared file ('' when it was accepted). */
const problemOf = (prepared: PreparedFile) => (prepared.ok ? '' : prepared.problem);

describe('scaledSize', () => {
	it.each([
		[4032, 3024, 2400, 1800],
		[3024, 4032, 1800, 2400],
		[2400, 1000, 2400, 1000],
		[640, 480, 640, 480]
	])('draws %i × %i at %i × %i', (width, height, toWidth, toHeight) => {
		expect(scaledSize(width, height)).toEqual({ width: toWidth, height: toHeight });
	});
});

describe('prepareFile', () => {
	it('keeps a PDF byte for byte', async () => {
		const pdf = pdfBytes(3, 'referral');
		const downscale = vi.fn();

		expect(await prepareFile(blob(pdf), downscale)).toEqual({
			ok: true,
			bytes: pdf,
			type: 'application/pdf'
		});
		expect(downscale).not.toHaveBeenCalled();
	});

	it('re-encodes every photo as JPEG', async () => {
		const encoded = jpegBytes(2400, 1800);
		const downscale = vi.fn().mockResolvedValue(encoded);

		const prepared = await prepareFile(blob(pngBytes(4000, 3000)), downscale);

		expect(prepared).toEqual({ ok: true, bytes: encoded, type: 'image/jpeg' });
	});

	it.each([
		['a HEIC photo', heicBytes(), /HEIC/],
		['a PDF over the limit', pdfOfSize(20 * MB), /^This PDF is 20 MB; the limit is 15 MB/]
	])('refuses %s without decoding it', async (_what, bytes, message) => {
		const downscale = vi.fn();

		const prepared = await prepareFile(blob(bytes), downscale);

		expect(problemOf(prepared)).toMatch(message);
		expect(downscale).not.toHaveBeenCalled();
	});

	it('refuses a photo too large to open on a tablet before decoding it', async () => {
		const huge = new Uint8Array(41 * MB);
		huge.set(pngBytes());
		const downscale = vi.fn();

		const prepared = await prepareFile(blob(huge), downscale);

		expect(problemOf(prepared)).toMatch(/^This image is 41 MB/);
		expect(downscale).not.toHaveBeenCalled();
	});

	it('says so when an image cannot be decoded', async () => {
		const prepared = await prepareFile(
			blob(jpegBytes()),
			vi.fn().mockRejectedValue(new DOMException('bad', 'InvalidStateError'))
		);

		expect(problemOf(prepared)).toMatch(/could not be opened/);
	});
});
