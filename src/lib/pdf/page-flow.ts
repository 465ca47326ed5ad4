/**
 * Top-to-bottom layout over pages: a cursor that moves down the page and starts a new one (with
 * its heading redrawn) when the next block would not fit above the bottom margin.
 */
import type { PdfDocument, PdfPage } from './pdf-document';

export interface FlowOptions {
	margin?: number;
	/** Draws the top of each page and returns the y where content starts. */
	header?: (page: PdfPage, pageNumber: number) => number;
}

/** A cursor flowing blocks down the pages of a document. */
export class PageFlow {
	page: PdfPage;
	y: number;
	readonly margin: number;
	readonly #header?: FlowOptions['header'];

	constructor(
		readonly document: PdfDocument,
		options: FlowOptions = {}
	) {
		this.margin = options.margin ?? 40;
		this.#header = options.header;
		this.page = document.addPage();
		this.y = this.#start();
	}

	/** Width between the side margins. */
	get width(): number {
		return this.document.width - 2 * this.margin;
	}

	/** Makes room for `height` points, turning the page if they would not fit. */
	ensure(height: number): void {
		if (this.y + height <= this.document.height - this.margin) return;
		this.page = this.document.addPage();
		this.y = this.#start();
	}

	#start(): number {
		return this.#header?.(this.page, this.document.pages.length) ?? this.margin;
	}
}
