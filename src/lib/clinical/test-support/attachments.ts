/**
 * Files for document tests, built byte by byte: just enough header for type detection and size
 * reading (no decoder ever sees them), followed by `text` so a test can look for it elsewhere.
 */
import type { Attachment } from '../attachment-schema';
import { NURSE_ID, PATIENT_ID, testId } from './vitals';

const encoder = new TextEncoder();

function bytes(...parts: (number[] | string | Uint8Array)[]): Uint8Array {
	const arrays = parts.map((part) =>
		typeof part === 'string' ? encoder.encode(part) : Uint8Array.from(part)
	);
	const out = new Uint8Array(arrays.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of arrays) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [...be16(n >>> 16), ...be16(n & 0xffff)];
const le24 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];

/** A PNG header (signature and IHDR) for a `width` × `height` image, then `text`. */
export function pngBytes(width = 640, height = 480, text = ''): Uint8Array {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	return bytes(signature, be32(13), 'IHDR', be32(width), be32(height), [8, 6, 0, 0, 0], text);
}

/** A JPEG with a JFIF segment, then a baseline frame header of `width` × `height`, then `text`. */
export function jpegBytes(width = 2400, height = 1800, text = ''): Uint8Array {
	const app0 = [0xff, 0xe0, ...be16(16), ...encoder.encode('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
	const sof0 = [0xff, 0xc0, ...be16(17), 8, ...be16(height), ...be16(width), 3];
	return bytes([0xff, 0xd8], app0, sof0, new Array<number>(9).fill(0), text);
}

/** An extended (VP8X) WebP of `width` × `height`, then `text`. */
export function webpBytes(width = 800, height = 600, text = ''): Uint8Array {
	return bytes(
		'RIFF',
		[0, 0, 0, 0],
		'WEBPVP8X',
		[10, 0, 0, 0],
		[0, 0, 0, 0],
		le24(width - 1),
		le24(height - 1),
		text
	);
}

/** A PDF of `pages` page objects with `text` in its first page's content. */
export function pdfBytes(pages = 1, text = ''): Uint8Array {
	const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
	const pageObjects = Array.from(
		{ length: pages },
		(_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`
	).join('');
	return bytes(
		'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
		`2 0 obj << /Type /Pages /Kids [${kids}] /Count ${pages} >> endobj\n`,
		pageObjects,
		`% ${text}\n%%EOF\n`
	);
}

/** The start of an iPhone HEIC photo (an ISO-BMFF `ftyp` box, brand heic). */
export function heicBytes(): Uint8Array {
	return bytes(be32(24), 'ftypheic', [0, 0, 0, 0], 'mif1heic', new Array<number>(32).fill(0));
}

/** `size` bytes that start like a PDF. */
export function pdfOfSize(size: number): Uint8Array {
	const out = new Uint8Array(size);
	out.set(encoder.encode('%PDF-1.7\n'));
	return out;
}

/** A stored document record, as the projection holds it. */
export function makeAttachment(n: number, overrides: Partial<Attachment> = {}): Attachment {
	return {
		id: testId(n),
		patientId: PATIENT_ID,
		recordedAt: '2026-03-15T09:30:00.000Z',
		recordedBy: NURSE_ID,
		category: 'consent',
		title: 'Consent to treat',
		documentDate: '2026-03-15',
		note: '',
		mimeType: 'application/pdf',
		byteSize: 48_213,
		width: null,
		height: null,
		pages: 2,
		blobId: testId(n + 500),
		policyId: '',
		removed: null,
		...overrides
	};
}
