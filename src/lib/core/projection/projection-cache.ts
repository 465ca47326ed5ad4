/**
 * Sealed projection caches: a large document (ten years of a month's appointments, a registry of
 * thirty thousand patients) costs seconds to load into Yjs and validate, yet most views only read
 * it. So when a projection is complete, its rows are sealed with the area key and stored with a
 * watermark of the document's stored state; the next unlock shows the rows from the cache and
 * loads the document only when something needs it (a write, or rows arriving from elsewhere).
 *
 * The watermark is the snapshot's nonce with the count and the highest id of the document's
 * update rows. Rows are only ever appended (ids grow) or deleted by a compaction, which writes a
 * snapshot with a fresh nonce — so any change to the stored state changes the watermark. It is
 * read BEFORE the document catches up and the rows are taken: the rows then reflect at least the
 * watermark's state, and if they reflect more, the stored state has moved on and the cache is
 * simply not used next time.
 *
 * The associated data binds document, collection and a tag the app sets per build, so a cache
 * written by another version of the app (other schemas, other defaults) fails to open and is
 * treated as absent. Nothing here is ever plaintext at rest.
 */
import { toBase64 } from '../bytes';
import type { DocumentCipher } from '../documents/cipher';
import type { OfficeDatabase } from '../storage/db';
import type { Row } from './projection-table';

/** The stored state of a document: its snapshot, and how many update rows up to which id. */
export async function storedWatermark(db: OfficeDatabase, docId: string): Promise<string> {
	return db.transaction('r', db.updates, db.snapshots, async () => {
		const rows = db.updates.where('[docId+id]').between([docId, 0], [docId, Infinity]);
		const [snapshot, count, last] = await Promise.all([
			db.snapshots.get(docId),
			rows.count(),
			db.updates.where('[docId+id]').between([docId, 0], [docId, Infinity]).last()
		]);
		const nonce = snapshot ? toBase64(snapshot.nonce) : '-';
		return `${nonce}:${count}:${last?.id ?? 0}`;
	});
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ProjectionCache {
	constructor(
		private readonly db: OfficeDatabase,
		private readonly cipher: DocumentCipher,
		/** Changes with every build of the app: caches of other builds are not read. */
		private readonly tag: string
	) {}

	#sealId(docId: string, collection: string): string {
		return `projection:${docId}#${collection}@${this.tag}`;
	}

	/** The cached rows (and the state they reflect) when they match the stored document now. */
	async read<T extends Row>(
		docId: string,
		area: string,
		collection: string
	): Promise<{ rows: T[]; watermark: string } | null> {
		try {
			const row = await this.db.projections.get([docId, collection]);
			if (!row || row.watermark !== (await storedWatermark(this.db, docId))) return null;
			const bytes = await this.cipher.open(this.#sealId(docId, collection), area, row);
			const rows: unknown = JSON.parse(decoder.decode(bytes));
			return Array.isArray(rows) ? { rows: rows as T[], watermark: row.watermark } : null;
		} catch {
			// Another build's cache, a key no longer held, a damaged row: build from the document.
			return null;
		}
	}

	/** Seals and stores the rows of a projection that reflects at least `watermark`. */
	async write(
		docId: string,
		area: string,
		collection: string,
		watermark: string,
		rows: readonly Row[]
	): Promise<void> {
		const plaintext = encoder.encode(JSON.stringify(rows));
		const sealed = await this.cipher.seal(this.#sealId(docId, collection), area, plaintext);
		await this.db.projections.put({ docId, collection, watermark, ...sealed });
	}

	/** Drops every cache (they are derived; e.g. when the projections are rebuilt). */
	async clear(): Promise<void> {
		await this.db.projections.clear();
	}
}
