/**
 * Documents are split by area (key boundary) and period (time), so a device opens only what it
 * needs. A document id is `area` or `area/period`, e.g. `directory` or `schedule/2026-11`.
 */

export interface DocumentRef {
	area: string;
	/** e.g. '2026' or '2026-11'; absent for documents that do not grow with time. */
	period?: string;
}

const AREA_PATTERN = /^[a-z][a-z-]{1,30}$/;
// A year, or a year and a month 01–12: '2026-13' would name a document nothing ever opens.
const PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/** The stable id of a document. */
export function documentId(ref: DocumentRef): string {
	if (!AREA_PATTERN.test(ref.area)) throw new Error(`Not an area name: ${ref.area}`);
	if (ref.period === undefined) return ref.area;
	if (!PERIOD_PATTERN.test(ref.period)) throw new Error(`Not a period: ${ref.period}`);
	return `${ref.area}/${ref.period}`;
}

/** The reference a document id stands for. */
export function parseDocumentId(id: string): DocumentRef {
	const [area, period] = id.split('/');
	const ref = period === undefined ? { area } : { area, period };
	if (documentId(ref) !== id) throw new Error(`Not a document id: ${id}`);
	return ref;
}
