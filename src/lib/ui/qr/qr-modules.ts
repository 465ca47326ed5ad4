/** The dark modules of a QR code for a text, as one SVG path (one unit per module). */
import qrcode from 'qrcode-generator';

export interface QrPath {
	/** Modules per side, without the quiet zone. */
	size: number;
	/** An SVG path drawing every dark module as a 1×1 square. */
	path: string;
}

/** Encodes `text` (error correction M, smallest version that fits). */
export function qrPath(text: string): QrPath {
	const code = qrcode(0, 'M');
	code.addData(text, 'Byte');
	code.make();
	const size = code.getModuleCount();
	const parts: string[] = [];
	for (let row = 0; row < size; row++) {
		for (let col = 0; col < size; col++) {
			if (code.isDark(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
		}
	}
	return { size, path: parts.join('') };
}
