/**
 * Makes a chosen file ready to store, in the browser. A tablet camera photo is 3–8 MB at 4000+ px
 * and carries EXIF (often the GPS position of the office or the patient's home): it is decoded
 * with its orientation applied, scaled down to a long edge of 2400 px (a card or a letter stays
 * legible) and encoded again as JPEG, which leaves every piece of metadata behind. PDFs are kept
 * byte for byte. What may be stored is decided by the pure rules; this file only does the work.
 */
import { detectFileType, photoInputProblem, sizeProblem, typeProblem } from './attachment-rules';
import type { AcceptedType } from './attachment-schema';

/** Photos are scaled so their longer side is at most this many pixels. */
export const LONG_EDGE_PX = 2400;
export const JPEG_QUALITY = 0.85;

export type PreparedFile =
	{ ok: true; bytes: Uint8Array; type: AcceptedType } | { ok: false; problem: string };

const UNREADABLE_IMAGE =
	'This image could not be opened; it may be damaged. Take the photo again or choose another file.';

/** The size to draw an image of `width` × `height` at: scaled down to LONG_EDGE_PX, never up. */
export function scaledSize(width: number, height: number, longEdge = LONG_EDGE_PX) {
	const scale = Math.min(1, longEdge / Math.max(width, height));
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

async function encodeJpeg(bitmap: ImageBitmap): Promise<Blob> {
	const { width, height } = scaledSize(bitmap.width, bitmap.height);
	const canvas =
		typeof OffscreenCanvas === 'function'
			? new OffscreenCanvas(width, height)
			: Object.assign(document.createElement('canvas'), { width, height });
	const context = canvas.getContext('2d');
	if (!context) throw new Error('No 2D canvas');
	// JPEG has no transparency: a transparent PNG would otherwise turn black.
	context.fillStyle = '#fff';
	context.fillRect(0, 0, width, height);
	context.drawImage(bitmap, 0, 0, width, height);
	const options = { type: 'image/jpeg', quality: JPEG_QUALITY };
	if (canvas instanceof HTMLCanvasElement) {
		return new Promise((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
				options.type,
				options.quality
			)
		);
	}
	return canvas.convertToBlob(options);
}

/** A photo decoded with its EXIF orientation, downscaled and encoded as JPEG without metadata. */
export async function downscalePhoto(file: Blob): Promise<Uint8Array> {
	const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	try {
		return new Uint8Array(await (await encodeJpeg(bitmap)).arrayBuffer());
	} finally {
		bitmap.close();
	}
}

/** Reads and prepares a chosen file, or says why it cannot be stored. */
export async function prepareFile(
	file: Blob,
	downscale: (file: Blob) => Promise<Uint8Array> = downscalePhoto
): Promise<PreparedFile> {
	// The type from the first bytes, before reading (or decoding) a file that may be huge.
	const detected = detectFileType(new Uint8Array(await file.slice(0, 1024).arrayBuffer()));
	if (!detected.accepted) return { ok: false, problem: typeProblem(detected)! };
	if (detected.type === 'application/pdf') {
		const problem = sizeProblem(detected.type, file.size);
		if (problem) return { ok: false, problem };
		return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()), type: detected.type };
	}
	const tooLarge = photoInputProblem(file.size);
	if (tooLarge) return { ok: false, problem: tooLarge };
	let bytes: Uint8Array;
	try {
		bytes = await downscale(file);
	} catch {
		return { ok: false, problem: UNREADABLE_IMAGE };
	}
	const problem = sizeProblem('image/jpeg', bytes.length);
	return problem ? { ok: false, problem } : { ok: true, bytes, type: 'image/jpeg' };
}
