/**
 * Reads back what the PDF writer makes, strictly enough to catch a broken file: the xref table
 * must point at each object's "N 0 obj", startxref at the table, and page text is collected from
 * the (uncompressed) content streams' Tj operators, decoded from WinAnsi.
 */

export interface ReadPdf {
	version: string;
	pageCount: number;
	/** Each page's text pieces in drawing order. */
	pageTexts: string[][];
	/** Each object's body by number. */
	objects: Map<number, string>;
}

const WIN_ANSI_HIGH: Record<number, string> = {
	0x85: '…',
	0x92: '’',
	0x96: '–',
	0x97: '—',
	0x95: '•'
};

function decodeLiteral(literal: string): string {
	let out = '';
	for (let i = 0; i < literal.length; i++) {
		let char = literal[i];
		if (char === '\\') {
			const octal = /^[0-7]{3}/.exec(literal.slice(i + 1));
			if (octal) {
				const code = parseInt(octal[0], 8);
				char = WIN_ANSI_HIGH[code] ?? String.fromCharCode(code);
				i += 3;
			} else char = literal[++i];
		}
		out += char;
	}
	return out;
}

/** Parses the file, throwing when offsets or structure are wrong. */
export function readPdf(bytes: Uint8Array): ReadPdf {
	const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
	const header = /^%PDF-(\d\.\d)\n/.exec(text);
	if (!header) throw new Error('No %PDF- header.');
	const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
	if (!startxref) throw new Error('No startxref at the end.');
	const xrefAt = Number(startxref[1]);
	if (!text.startsWith('xref\n', xrefAt)) throw new Error('startxref does not point at xref.');
	const [, countText] = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt)) ?? [];
	const count = Number(countText);
	const entries = text
		.slice(xrefAt)
		.split('\n')
		.slice(2, 2 + count);
	const objects = new Map<number, string>();
	for (let n = 1; n < count; n++) {
		if (entries[n].length !== 19) throw new Error(`xref entry ${n} is not 20 bytes.`);
		const offset = Number(entries[n].slice(0, 10));
		const prefix = `${n} 0 obj\n`;
		if (!text.startsWith(prefix, offset)) throw new Error(`xref entry ${n} misses its object.`);
		const end = text.indexOf('\nendobj\n', offset);
		objects.set(n, text.slice(offset + prefix.length, end));
	}
	const pages = [...objects.values()].filter((body) => /\/Type \/Page\b(?!s)/.test(body));
	const pageTexts = pages.map((page) => {
		const contents = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1]);
		const stream = objects.get(contents) ?? '';
		const length = Number(/\/Length (\d+)/.exec(stream)?.[1]);
		const data = stream.slice(stream.indexOf('stream\n') + 7);
		if (data.slice(length) !== '\nendstream') throw new Error('A stream /Length is wrong.');
		return [...data.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => decodeLiteral(m[1]));
	});
	return { version: header[1], pageCount: pages.length, pageTexts, objects };
}
