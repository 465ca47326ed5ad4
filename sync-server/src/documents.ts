/**
 * Documents of an office: their items (updates since the confirmed snapshot) and that snapshot.
 * Snapshots are proposed, confirmed and applied in compaction.ts.
 *
 * Invariants kept here, each within one transaction:
 * - `seq` is per document, assigned as latest + 1, so the items after a snapshot are exactly the
 *   seqs covers+1..latest and `sinceSnapshot` is latest − covers.
 * - a device's highest stored deviceSeq only grows; a PUSH at or below it is a retransmission
 *   and stores nothing.
 * - the office's byte and document counters move with every insert and delete.
 */
import type Database from 'better-sqlite3';
import { writerCheck } from './devices';
import { RelayError } from './errors';
import { documentStatements, type DocRow } from './document-sql';
import { SIGNATURE_VERSION, type ItemKind } from './signatures';

export interface DocumentState {
	key: number;
	docId: string;
	latest: number;
	covers: number;
}

export interface StoredItem {
	seq: number;
	kind: ItemKind;
	deviceId: string;
	deviceSeq: number;
	epoch: number;
	nonce: Buffer;
	signature: Buffer;
	link: string;
	/** Signature version: 1 for rows a v1 relay stored, else 2. */
	v: number;
	size: number;
	payload: Buffer;
}

export interface WriteInput {
	officeId: string;
	deviceKey: number;
	docId: string;
	deviceSeq: number;
	epoch: number;
	nonce: Buffer;
	signature: Buffer;
	link: string;
	payload: Buffer;
}

export interface WriteBounds {
	quotaBytes: number;
	maxDocuments: number;
}

/** A stored push (`duplicate: false`) or a retransmission (`seq` 0 if its item is compacted). */
export interface PushResult {
	duplicate: boolean;
	seq: number;
	latest: number;
	covers: number;
}

export interface Page {
	items: StoredItem[];
	latest: number;
	covers: number;
	more: boolean;
}

const toState = (row: DocRow): DocumentState => ({
	key: row.doc_key,
	docId: row.doc_id,
	latest: row.latest,
	covers: row.covers
});

export class DocumentStore {
	private readonly sql: ReturnType<typeof documentStatements>;
	/** The device's highest stored deviceSeq; throws if it was revoked meanwhile. */
	private readonly writableDevice: (deviceKey: number) => number;

	constructor(private readonly db: Database.Database) {
		this.sql = documentStatements(db);
		this.writableDevice = writerCheck(db);
	}

	/** The document of an office by id, if any item of it was ever stored. */
	get(officeId: string, docId: string): DocumentState | undefined {
		const row = this.sql.get.get(officeId, docId);
		return row && toState(row);
	}

	/** Every document of an office with its latest and covered seq. */
	list(officeId: string): DocumentState[] {
		return this.sql.list.all(officeId).map(toState);
	}

	/**
	 * The next backlog page after `cursor`: the snapshot first when the cursor is older than it,
	 * then items in seq order, at most `maxItems` and `maxBytes` of payload (one item alone may be
	 * larger).
	 */
	page(docKey: number, cursor: number, maxItems: number, maxBytes: number): Page {
		const doc = this.sql.byKey.get(docKey);
		if (!doc) return { items: [], latest: 0, covers: 0, more: false };
		const items: StoredItem[] = [];
		let bytes = 0;
		let after = cursor;
		if (cursor < doc.covers) {
			const snapshot = this.sql.snapshot.get(docKey);
			if (snapshot) {
				items.push({ ...snapshot, kind: 'snapshot' });
				bytes = snapshot.size;
			}
			after = doc.covers;
		}
		if (bytes < maxBytes && items.length < maxItems) {
			for (const row of this.sql.items.iterate(docKey, after, maxItems - items.length)) {
				if (items.length > 0 && bytes + row.size > maxBytes) break;
				items.push({ ...row, kind: 'update' });
				bytes += row.size;
			}
		}
		const last = items.at(-1)?.seq ?? after;
		return { items, latest: doc.latest, covers: doc.covers, more: last < doc.latest };
	}

	/** Stores one update unless it is a retransmission; refuses revoked devices and quota. */
	push(input: WriteInput, bounds: WriteBounds): PushResult {
		return this.db.transaction((): PushResult => {
			const maxDeviceSeq = this.writableDevice(input.deviceKey);
			let doc = this.sql.get.get(input.officeId, input.docId);
			if (input.deviceSeq <= maxDeviceSeq) {
				const found = doc && this.sql.findItem.get(input.deviceKey, input.deviceSeq, doc.doc_key);
				return { duplicate: true, seq: found ? found.seq : 0, latest: 0, covers: 0 };
			}
			const office = this.office(input.officeId);
			let newDocuments = 0;
			if (!doc) {
				if (office.documents >= bounds.maxDocuments) {
					throw new RelayError('quota', 'the office has as many documents as it may');
				}
				doc = this.sql.insertDoc.get(input.officeId, input.docId);
				if (!doc) throw new Error('inserting a document returned no row');
				newDocuments = 1;
			}
			const size = input.payload.length;
			if (office.bytes + size > bounds.quotaBytes) {
				throw new RelayError('quota', 'the office has used its storage quota');
			}
			const seq = doc.latest + 1;
			const { deviceKey, deviceSeq, epoch, nonce, signature, link, payload } = input;
			this.sql.insertItem.run(
				doc.doc_key,
				seq,
				deviceKey,
				deviceSeq,
				epoch,
				nonce,
				signature,
				link,
				SIGNATURE_VERSION,
				size,
				payload
			);
			this.sql.setLatest.run(seq, doc.doc_key);
			this.sql.setDeviceSeq.run(deviceSeq, deviceKey);
			this.sql.addBytes.run(size, newDocuments, input.officeId);
			return { duplicate: false, seq, latest: seq, covers: doc.covers };
		})();
	}

	private office(officeId: string): { bytes: number; documents: number } {
		const office = this.sql.office.get(officeId);
		if (!office) throw new RelayError('unknown-device', 'unknown office', true);
		return office;
	}
}
