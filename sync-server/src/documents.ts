/**
 * Documents of an office: their items (updates since the snapshot) and their snapshot.
 *
 * Invariants kept here, each within one transaction:
 * - `seq` is per document, assigned as latest + 1, so the items after a snapshot are exactly the
 *   seqs covers+1..latest and `sinceSnapshot` is latest − covers.
 * - a device's highest stored deviceSeq only grows; a PUSH at or below it is a retransmission
 *   and stores nothing.
 * - a snapshot replaces the previous one only if covers ≥ its covers and ≤ latest, and deletes
 *   the items it covers in the same transaction.
 * - the office's byte and document counters move with every insert and delete.
 */
import type Database from 'better-sqlite3';
import { RelayError } from './errors';
import { documentStatements, type DocRow } from './document-sql';
import type { ItemKind } from './signatures';

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

	constructor(private readonly db: Database.Database) {
		this.sql = documentStatements(db);
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
			const { deviceKey, deviceSeq, epoch, nonce, signature, payload } = input;
			this.sql.insertItem.run(
				doc.doc_key,
				seq,
				deviceKey,
				deviceSeq,
				epoch,
				nonce,
				signature,
				size,
				payload
			);
			this.sql.setLatest.run(seq, doc.doc_key);
			this.sql.setDeviceSeq.run(deviceSeq, deviceKey);
			this.sql.addBytes.run(size, newDocuments, input.officeId);
			return { duplicate: false, seq, latest: seq, covers: doc.covers };
		})();
	}

	/** Swaps in a snapshot covering `covers` and drops the items it covers, or refuses it. */
	snapshot(input: WriteInput & { covers: number }, bounds: WriteBounds): DocumentState {
		return this.db.transaction((): DocumentState => {
			this.writableDevice(input.deviceKey);
			const doc = this.sql.get.get(input.officeId, input.docId);
			if (!doc || input.covers < doc.covers || input.covers > doc.latest) {
				throw new RelayError(
					'stale-snapshot',
					'covers is below the current snapshot or past latest'
				);
			}
			const office = this.office(input.officeId);
			const freed =
				(this.sql.coveredBytes.get(doc.doc_key, input.covers)?.n ?? 0) +
				(this.sql.snapshotSize.get(doc.doc_key)?.size ?? 0);
			const size = input.payload.length;
			if (office.bytes - freed + size > bounds.quotaBytes) {
				throw new RelayError('quota', 'the office has used its storage quota');
			}
			const { covers, deviceKey, deviceSeq, epoch, nonce, signature, payload } = input;
			this.sql.deleteCovered.run(doc.doc_key, covers);
			this.sql.putSnapshot.run(
				doc.doc_key,
				covers,
				deviceKey,
				deviceSeq,
				epoch,
				nonce,
				signature,
				size,
				payload
			);
			this.sql.setCovers.run(covers, doc.doc_key);
			this.sql.addBytes.run(size - freed, 0, input.officeId);
			return { ...toState(doc), covers };
		})();
	}

	/** The device's highest stored deviceSeq; throws if it was revoked meanwhile. */
	private writableDevice(deviceKey: number): number {
		const device = this.sql.device.get(deviceKey);
		if (!device) throw new RelayError('unknown-device', 'unknown device', true);
		if (device.revoked)
			throw new RelayError('revoked', 'this device was removed from the office', true);
		return device.max_device_seq;
	}

	private office(officeId: string): { bytes: number; documents: number } {
		const office = this.sql.office.get(officeId);
		if (!office) throw new RelayError('unknown-device', 'unknown office', true);
		return office;
	}
}
