// What can be read from a stored file's bytes without decoding it: an image's pixel size (from
// its header) and a PDF's page count. Both are best effort, shown in the list ("2 pages",
// "2400 × 1800"), never relied on: null when a file keeps them somewhere we do not look (a PDF
// with compressed object streams, a JPEG without a frame header in its first segments).
import type { AcceptedType } from './attachment-schema';

export interface FileInfo {
	width: number | null;
	height: number | null;
	pages: number | null;
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) =>
	(b[i] * 2 ** 24 + u16be(b, i + 1) * 256 + b[i + 3]) >>> 0;
const ascii = (b: Uint8Array, start: number, length: number) =>
	String.fromCharCode(...b.subarray(start, start + length));

type Size = { width: number; height: number } | null;

function pngSize(b: Uint8Array): Size {
	if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
	return { width: u32be(b, 16), height: u32be(b, 20) };
}

// Start-of-frame markers C0–CF carry the size, except C4 (DHT), C8 (JPG) and CC (DAC).
const isStartOfFrame = (marker: number) =>
	marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(b: Uint8Array): Size {
	let i = 2;
	while (i + 9 < b.length) {
		if (b[i] !== 0xff) return null;
		const marker = b[i + 1];
		if (marker === 0xff) {
			i += 1; // fill byte
			continue;
		}
		if (isStartOfFrame(marker)) return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
		// Markers without a length: TEM and the restart markers.
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) i += 2;
		else i += 2 + u16be(b, i + 2);
	}
	return null;
}

function webpSize(b: Uint8Array): Size {
	if (b.length < 30) return null;
	const chunk = ascii(b, 12, 4);
	if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
	if (chunk === 'VP8L' && b[20] === 0x2f) {
		const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
		return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
	return null;
}

/** The number of page objects in a PDF, or null when none can be seen (compressed streams). */
export function pdfPageCount(bytes: Uint8Array): number | null {
	const text = new TextDecoder('latin1').decode(bytes);
	// '/Type /Page' but not '/Type /Pages' (the page tree's inner nodes).
	const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
	return pages > 0 ? pages : null;
}

/** The pixel size from an image's header, or null when it cannot be read. */
export function imageSize(bytes: Uint8Array, type: AcceptedType): Size {
	const size =
		type === 'image/png'
			? pngSize(bytes)
			: type === 'image/jpeg'
				? jpegSize(bytes)
				: type === 'image/webp'
					? webpSize(bytes)
					: null;
	return size && size.width > 0 && size.height > 0 ? size : null;
}

/** Pixel size for images, page count for PDFs, each null when not found. */
export function fileInfo(bytes: Uint8Array, type: AcceptedType): FileInfo {
	if (type === 'application/pdf') return { width: null, height: null, pages: pdfPageCount(bytes) };
	const size = imageSize(bytes, type);
	return { width: size?.width ?? null, height: size?.height ?? null, pages: null };
}
