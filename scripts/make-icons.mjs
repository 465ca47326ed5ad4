// Draws the app icons (a white medical cross on deep blue) and writes them as PNG files.
// No image tools needed: a tiny PNG encoder (zlib deflate + CRC-32) and 4×4 supersampling.
//
//   node scripts/make-icons.mjs      → static/icons/*.png, static/apple-touch-icon.png,
//                                       static/favicon.png (the outputs are committed)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = /** @type {const} */ ([0x1f, 0x4e, 0x79]);
const WHITE = /** @type {const} */ ([0xff, 0xff, 0xff]);
const SAMPLES = 4;

/**
 * @typedef {object} IconSpec
 * @property {string} path output, relative to the repository root
 * @property {number} size width and height in pixels
 * @property {number} cornerRadius background corner radius, as a fraction of size (0 = full bleed)
 * @property {number} crossSpan length of each cross bar, as a fraction of size
 * @property {number} crossThickness width of each cross bar, as a fraction of size
 */

/** @type {IconSpec[]} */
const ICONS = [
	{
		path: 'static/icons/icon-192.png',
		size: 192,
		cornerRadius: 0.2,
		crossSpan: 0.56,
		crossThickness: 0.19
	},
	{
		path: 'static/icons/icon-512.png',
		size: 512,
		cornerRadius: 0.2,
		crossSpan: 0.56,
		crossThickness: 0.19
	},
	// Maskable: the platform crops to its own shape, so the background bleeds to the edges
	// and the cross stays inside the central 60 %.
	{
		path: 'static/icons/icon-maskable-512.png',
		size: 512,
		cornerRadius: 0,
		crossSpan: 0.44,
		crossThickness: 0.15
	},
	// iOS rounds the corners itself and turns transparency black: full bleed as well.
	{
		path: 'static/apple-touch-icon.png',
		size: 180,
		cornerRadius: 0,
		crossSpan: 0.56,
		crossThickness: 0.19
	},
	// Tiny: a slightly bolder cross to stay legible in a browser tab.
	{ path: 'static/favicon.png', size: 32, cornerRadius: 0.2, crossSpan: 0.62, crossThickness: 0.22 }
];

/**
 * Whether (x, y) lies in the rectangle [x0, x1] × [y0, y1] with corners rounded by r.
 *
 * @param {number} x
 * @param {number} y
 * @param {number} x0
 * @param {number} y0
 * @param {number} x1
 * @param {number} y1
 * @param {number} r
 */
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
	if (x < x0 || x > x1 || y < y0 || y > y1) return false;
	const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
	const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
	return dx * dx + dy * dy <= r * r;
}

/**
 * Renders one icon as straight (non-premultiplied) RGBA.
 *
 * @param {IconSpec} spec
 * @returns {Uint8Array} size × size × 4 bytes
 */
function renderIcon({ size, cornerRadius, crossSpan, crossThickness }) {
	const rgba = new Uint8Array(size * size * 4);
	const radius = cornerRadius * size;
	const c = size / 2;
	const halfSpan = (crossSpan * size) / 2;
	const halfThick = (crossThickness * size) / 2;
	const crossRadius = halfThick * 0.25;
	const n = SAMPLES * SAMPLES;

	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let alpha = 0;
			let white = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const x = px + (sx + 0.5) / SAMPLES;
					const y = py + (sy + 0.5) / SAMPLES;
					if (!inRoundedRect(x, y, 0, 0, size, size, radius)) continue;
					alpha++;
					const inCross =
						inRoundedRect(
							x,
							y,
							c - halfSpan,
							c - halfThick,
							c + halfSpan,
							c + halfThick,
							crossRadius
						) ||
						inRoundedRect(
							x,
							y,
							c - halfThick,
							c - halfSpan,
							c + halfThick,
							c + halfSpan,
							crossRadius
						);
					if (inCross) white++;
				}
			}
			const i = (py * size + px) * 4;
			for (let channel = 0; channel < 3; channel++) {
				// Colour averaged over the covered samples only (straight alpha).
				const mixed =
					alpha === 0 ? 0 : (WHITE[channel] * white + BLUE[channel] * (alpha - white)) / alpha;
				rgba[i + channel] = Math.round(mixed);
			}
			rgba[i + 3] = Math.round((255 * alpha) / n);
		}
	}
	return rgba;
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** @param {Uint8Array} bytes */
function crc32(bytes) {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type four-letter chunk type
 * @param {Uint8Array} data
 */
function chunk(type, data) {
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	out.write(type, 4, 'ascii');
	out.set(data, 8);
	out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
	return out;
}

/**
 * Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG.
 *
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba
 */
function encodePng(width, height, rgba) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // colour type: RGBA
	header[10] = 0; // compression: deflate
	header[11] = 0; // filter method
	header[12] = 0; // no interlace

	const stride = width * 4;
	const raw = Buffer.alloc((stride + 1) * height);
	for (let y = 0; y < height; y++) {
		raw[y * (stride + 1)] = 0; // filter: none
		raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
	}

	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', new Uint8Array(0))
	]);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

for (const spec of ICONS) {
	const file = join(root, spec.path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, encodePng(spec.size, spec.size, renderIcon(spec)));
	console.log(`wrote ${relative(root, file)} (${spec.size}×${spec.size})`);
}
