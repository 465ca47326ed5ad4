// What files a chart accepts and how large they may be. The type is read from the file's first
// bytes (its "magic number"): a name or extension says nothing about what a file holds, and a
// browser's `file.type` comes from the extension. Every refusal says what to do instead.
import type { AcceptedType } from './attachment-schema';

/** The largest stored PDF: a multi-page scan at 300 dpi stays well under it. */
export const PDF_LIMIT_BYTES = 15 * 1024 * 1024;
/** The largest stored image (after a camera photo is downscaled it is ~1 MB). */
export const IMAGE_LIMIT_BYTES = 10 * 1024 * 1024;
/** The largest image we try to open for downscaling; beyond it a tablet may run out of memory. */
export const PHOTO_INPUT_LIMIT_BYTES = 40 * 1024 * 1024;

/** A type we store, or one we recognise and refuse, or something else. */
export type DetectedType =
	| { accepted: true; type: AcceptedType }
	| { accepted: false; kind: 'heic' | 'tiff' | 'gif' | 'bmp' | 'office' | 'empty' | 'unknown' };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
	String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
	bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

// ISO-BMFF brands of HEIF images (the iPhone's default photo format).
const HEIF_BRANDS = new Set([
	'heic',
	'heix',
	'hevc',
	'hevx',
	'heim',
	'heis',
	'hevm',
	'hevs',
	'mif1',
	'msf1'
]);

/** What a file is, from its first bytes. */
export function detectFileType(bytes: Uint8Array): DetectedType {
	if (bytes.length === 0) return { accepted: false, kind: 'empty' };
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, type: 'image/jpeg' };
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		return { accepted: true, type: 'image/png' };
	}
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
		return { accepted: true, type: 'image/webp' };
	}
	// The PDF header may follow a little junk (some scanners write it); readers look in the first KB.
	if (ascii(bytes, 0, 1024).includes('%PDF-')) return { accepted: true, type: 'application/pdf' };
	if (ascii(bytes, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 4))) {
		return { accepted: false, kind: 'heic' };
	}
	if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
		return { accepted: false, kind: 'tiff' };
	}
	if (ascii(bytes, 0, 4) === 'GIF8') return { accepted: false, kind: 'gif' };
	// 'BM', then the file size, then four reserved zero bytes.
	if (ascii(bytes, 0, 2) === 'BM' && startsWith(bytes, [0, 0, 0, 0], 6)) {
		return { accepted: false, kind: 'bmp' };
	}
	// Word/Excel: .docx/.xlsx are ZIP files, .doc/.xls OLE compound files.
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
		return { accepted: false, kind: 'office' };
	}
	return { accepted: false, kind: 'unknown' };
}

const ACCEPTED_WORDS = 'Attach a JPEG, PNG or WebP image, or a PDF.';

const REFUSALS: Record<Extract<DetectedType, { accepted: false }>['kind'], string> = {
	heic:
		'This is a HEIC photo (the iPhone’s usual format), which cannot be shown everywhere. ' +
		'Take the photo with “Take photo” here, or on the iPhone set Settings › Camera › Formats › ' +
		'Most Compatible (or share the photo as JPEG), then attach it again.',
	tiff: `This is a TIFF scan. Set the scanner to save PDF or JPEG instead. ${ACCEPTED_WORDS}`,
	gif: `This is a GIF image. ${ACCEPTED_WORDS}`,
	bmp: `This is a BMP image. ${ACCEPTED_WORDS}`,
	office: `This looks like a Word or Excel file. Save or print it as PDF first. ${ACCEPTED_WORDS}`,
	empty: 'This file is empty. Choose the file again or scan it again.',
	unknown: `This file is not a type we can store. ${ACCEPTED_WORDS}`
};

/** Why a detected type is refused, or null when it is accepted. */
export function typeProblem(detected: DetectedType): string | null {
	return detected.accepted ? null : REFUSALS[detected.kind];
}

/** '23.4 MB', '812 KB', '120 bytes' (binary units, as file managers on tablets show them). */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The stored-size limit for a type. */
export function sizeLimit(type: AcceptedType): number {
	return type === 'application/pdf' ? PDF_LIMIT_BYTES : IMAGE_LIMIT_BYTES;
}

/** Why a file of `type` and `size` bytes is too large to store, or null. */
export function sizeProblem(type: AcceptedType, size: number): string | null {
	const limit = sizeLimit(type);
	if (size <= limit) return null;
	const sizes = `is ${formatBytes(size)}; the limit is ${formatBytes(limit)}.`;
	return type === 'application/pdf'
		? `This PDF ${sizes} Scan at a lower resolution or split it.`
		: `This image ${sizes} Save it at a lower resolution, or take the photo with “Take photo”.`;
}

/** Why a photo is too large even to open for downscaling, or null. */
export function photoInputProblem(size: number): string | null {
	if (size <= PHOTO_INPUT_LIMIT_BYTES) return null;
	return (
		`This image is ${formatBytes(size)}; images up to ${formatBytes(PHOTO_INPUT_LIMIT_BYTES)} ` +
		'can be attached. Save it at a lower resolution and attach it again.'
	);
}

/** Why these bytes cannot be stored as a document (type first, then size), or null. */
export function fileProblem(bytes: Uint8Array): string | null {
	const detected = detectFileType(bytes);
	if (!detected.accepted) return typeProblem(detected);
	return sizeProblem(detected.type, bytes.length);
}

/** Whether a stored type is shown as an image (thumbnails, <img>) rather than a PDF viewer. */
export function isImageType(type: AcceptedType): boolean {
	return type !== 'application/pdf';
}

/**
 * The `accept` attribute of "Choose file": any image, so that a HEIC or TIFF can still be picked
 * and explained, rather than hidden by the picker.
 */
export const ACCEPT_ATTRIBUTE = 'image/*,application/pdf';
