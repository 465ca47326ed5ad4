/**
 * Text for the standard fonts: Unicode → WinAnsiEncoding bytes, widths in points, and fitting text
 * to a width (wrapping at spaces, or truncating with an ellipsis). Characters WinAnsi cannot show
 * become '?', so a name in another script still prints as something rather than breaking the file.
 */
import { HELVETICA_BOLD_WIDTHS, HELVETICA_WIDTHS } from './font-metrics';

export type FontName = 'regular' | 'bold';

/** Unicode characters WinAnsi places in 0x80–0x9F (elsewhere it matches Latin-1). */
const WIN_ANSI_HIGH: Record<string, number> = {
	'€': 0x80,
	'‚': 0x82,
	ƒ: 0x83,
	'„': 0x84,
	'…': 0x85,
	'†': 0x86,
	'‡': 0x87,
	ˆ: 0x88,
	'‰': 0x89,
	Š: 0x8a,
	'‹': 0x8b,
	Œ: 0x8c,
	Ž: 0x8e,
	'‘': 0x91,
	'’': 0x92,
	'“': 0x93,
	'”': 0x94,
	'•': 0x95,
	'–': 0x96,
	'—': 0x97,
	'˜': 0x98,
	'™': 0x99,
	š: 0x9a,
	'›': 0x9b,
	œ: 0x9c,
	ž: 0x9e,
	Ÿ: 0x9f
};

const QUESTION_MARK = 0x3f;

/** The WinAnsi code of one character ('?' for what the encoding lacks; tabs and newlines → space). */
export function winAnsiCode(char: string): number {
	const code = char.codePointAt(0) ?? QUESTION_MARK;
	if (code === 0x09 || code === 0x0a || code === 0x0d) return 0x20;
	if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
	return WIN_ANSI_HIGH[char] ?? QUESTION_MARK;
}

/** A string's WinAnsi codes, one per character. */
export function winAnsiCodes(text: string): number[] {
	return Array.from(text.normalize('NFC'), winAnsiCode);
}

/** The width of `text` in points at `size`. */
export function textWidth(text: string, font: FontName, size: number): number {
	const widths = font === 'bold' ? HELVETICA_BOLD_WIDTHS : HELVETICA_WIDTHS;
	let units = 0;
	for (const code of winAnsiCodes(text)) units += widths[code - 32] ?? 0;
	return (units * size) / 1000;
}

/** `text` cut to fit `width`, ending in '…' when something was cut. */
export function truncate(text: string, width: number, font: FontName, size: number): string {
	if (textWidth(text, font, size) <= width) return text;
	const chars = Array.from(text);
	while (chars.length > 0 && textWidth(`${chars.join('').trimEnd()}…`, font, size) > width) {
		chars.pop();
	}
	return chars.length === 0 ? '' : `${chars.join('').trimEnd()}…`;
}

/** `text` broken into lines of at most `width` (at spaces; a too-long word is truncated). */
export function wrap(text: string, width: number, font: FontName, size: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split(/\r?\n/)) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (textWidth(candidate, font, size) <= width) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = truncate(word, width, font, size);
		}
		lines.push(line);
	}
	return lines;
}
