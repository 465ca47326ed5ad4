/**
 * After CAUGHT_UP, the chains of what arrived (chain-watch.ts) can show holes: updates a writer
 * made that never reached this device — held back by the relay, most likely. Each document with a
 * hole is fetched again, once: its cursor goes back to 0 and the client reconnects, so the relay
 * sends its whole backlog again (items already stored are stored again, which Yjs applies as a
 * no-op; nothing is skipped by chain position, since a relay could lie about positions too).
 * Holes still there after that are reported in the status.
 *
 * Which documents were fetched again is kept in meta, so a reload does not fetch them again and
 * again; a document is forgotten there once its holes close, so a later hole is fetched again.
 */
import { readMeta, writeMeta, type OfficeDatabase } from '../storage/db';
import { findGaps, type ChainGap } from './chain-watch';
import { cursorKey } from './sync-meta';

const REFETCHED_KEY = 'sync:refetched';

export interface GapReview {
	/** Documents whose cursor was just reset: reconnect to fetch them again. */
	refetch: string[];
	/** Holes in documents fetched again already: to report. */
	gaps: ChainGap[];
}

/** Resets the cursors of documents with new holes; returns them and the holes to report. */
export async function reviewGaps(db: OfficeDatabase): Promise<GapReview> {
	return db.transaction('rw', db.meta, async () => {
		const gaps = await findGaps(db);
		const fetched = new Set(await readMeta<string[]>(db, REFETCHED_KEY, []));
		const gappy = [...new Set(gaps.map((gap) => gap.docId))];
		const refetch = gappy.filter((docId) => !fetched.has(docId));
		for (const docId of refetch) await writeMeta(db, cursorKey(docId), 0);
		await writeMeta(db, REFETCHED_KEY, gappy);
		return { refetch, gaps: gaps.filter((gap) => fetched.has(gap.docId)) };
	});
}

/** The holes to report now: those in documents fetched again already (after a live page). */
export async function reportedGaps(db: OfficeDatabase): Promise<ChainGap[]> {
	const fetched = new Set(await readMeta<string[]>(db, REFETCHED_KEY, []));
	return (await findGaps(db)).filter((gap) => fetched.has(gap.docId));
}
