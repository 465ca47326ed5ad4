/**
 * Compaction with confirmation. A SNAPSHOT (signed by its device, countersigned by an admin) is
 * stored as the document's pending snapshot and deletes nothing: the relay cannot tell a real
 * document state from random bytes, the other devices can. Once `needed` devices other than its
 * writer have confirmed that it opens, it is applied; a dispute from any of them drops it.
 *
 * Invariants kept here, each within one transaction:
 * - at most one pending snapshot per document; its covers is ≥ the confirmed snapshot's covers,
 *   ≤ the document's latest seq, and ≥ the covers of the pending snapshot it replaces.
 * - applying one deletes the items with seq ≤ covers, replaces the confirmed snapshot and drops
 *   the pending one with its confirmations; nothing else deletes an item.
 * - confirmations count distinct devices, never the writer's, and belong to one pending
 *   snapshot: replacing or dropping it drops them.
 * - pending bytes count against the office quota from the moment they are stored.
 */
import type Database from 'better-sqlite3';
import { compactionStatements, type PendingRow, type PendingSnapshotRow } from './compaction-sql';
import { writerCheck } from './devices';
import type { WriteInput } from './documents';
import { RelayError } from './errors';
import { SIGNATURE_VERSION } from './signatures';

export type PendingSnapshot = PendingSnapshotRow;

export interface SnapshotInput extends WriteInput {
	covers: number;
}

/** How SNAPSHOT_CONFIRM and SNAPSHOT_DISPUTE name a pending snapshot. */
export interface SnapshotName {
	docId: string;
	covers: number;
	/** The snapshot's nonce, base64. */
	nonce: string;
}

/** A pending snapshot of an office, without its payload. */
export interface PendingRef {
	docKey: number;
	deviceKey: number;
	nonce: Buffer;
}

export type Confirmation =
	| { outcome: 'ignored' }
	| { outcome: 'counted'; confirmations: number }
	| { outcome: 'applied'; confirmations: number; writer: string };

export class CompactionStore {
	private readonly sql: ReturnType<typeof compactionStatements>;
	private readonly writableDevice: (deviceKey: number) => number;

	constructor(private readonly db: Database.Database) {
		this.sql = compactionStatements(db);
		this.writableDevice = writerCheck(db);
	}

	/** Stores a snapshot as pending; `duplicate` if it is the pending one already (kept as is). */
	propose(input: SnapshotInput, quotaBytes: number): { duplicate: boolean } {
		return this.db.transaction(() => {
			this.writableDevice(input.deviceKey);
			const doc = this.sql.doc.get(input.officeId, input.docId);
			const current = doc && this.sql.pending.get(doc.doc_key);
			if (current?.device_key === input.deviceKey && current.signature.equals(input.signature)) {
				return { duplicate: true };
			}
			const { covers } = input;
			if (!doc || covers < doc.covers || covers > doc.latest || covers < (current?.covers ?? 0)) {
				throw new RelayError(
					'stale-snapshot',
					'covers is below the current or pending snapshot, or past latest'
				);
			}
			const freed = current?.size ?? 0;
			const size = input.payload.length;
			const office = this.sql.officeBytes.get(input.officeId);
			if (!office) throw new RelayError('unknown-device', 'unknown office', true);
			if (office.bytes - freed + size > quotaBytes) {
				throw new RelayError('quota', 'the office has used its storage quota');
			}
			const { deviceKey, deviceSeq, epoch, nonce, signature, link, payload } = input;
			this.sql.clearConfirmations.run(doc.doc_key);
			this.sql.putPending.run(
				doc.doc_key,
				covers,
				deviceKey,
				deviceSeq,
				epoch,
				nonce,
				signature,
				link,
				size,
				payload,
				Date.now()
			);
			this.sql.addBytes.run(size - freed, input.officeId);
			return { duplicate: false };
		})();
	}

	/** Counts a confirmation by `deviceKey`, applying the snapshot at `needed` of them. */
	confirm(officeId: string, deviceKey: number, name: SnapshotName, needed: number): Confirmation {
		return this.db.transaction((): Confirmation => {
			this.writableDevice(deviceKey);
			const found = this.named(officeId, name);
			if (!found || found.pending.device_key === deviceKey) return { outcome: 'ignored' };
			const { docKey, pending } = found;
			this.sql.confirm.run(docKey, deviceKey);
			const confirmations = this.sql.confirmations.get(docKey)?.n ?? 0;
			if (confirmations < needed) return { outcome: 'counted', confirmations };
			this.apply(officeId, docKey, pending.covers);
			return { outcome: 'applied', confirmations, writer: pending.device_id };
		})();
	}

	/** Drops the named pending snapshot (items stay); its writer's device id, if it was there. */
	dispute(officeId: string, deviceKey: number, name: SnapshotName): { writer: string } | undefined {
		return this.db.transaction(() => {
			this.writableDevice(deviceKey);
			const found = this.named(officeId, name);
			if (!found || found.pending.device_key === deviceKey) return undefined;
			this.sql.deletePending.run(found.docKey);
			this.sql.clearConfirmations.run(found.docKey);
			this.sql.addBytes.run(-found.pending.size, officeId);
			return { writer: found.pending.device_id };
		})();
	}

	/** The office's pending snapshots, in document order. */
	pendingOf(officeId: string): PendingRef[] {
		return this.sql.listPending.all(officeId);
	}

	/** One document's pending snapshot with its payload, as offered to other devices. */
	pending(docKey: number): PendingSnapshot | undefined {
		return this.sql.loadPending.get(docKey);
	}

	private named(
		officeId: string,
		name: SnapshotName
	): { docKey: number; pending: PendingRow } | undefined {
		const doc = this.sql.doc.get(officeId, name.docId);
		const pending = doc && this.sql.pending.get(doc.doc_key);
		if (!doc || !pending || pending.covers !== name.covers) return undefined;
		if (!pending.nonce.equals(Buffer.from(name.nonce, 'base64'))) return undefined;
		return { docKey: doc.doc_key, pending };
	}

	/** Makes the pending snapshot the confirmed one and drops what it covers. */
	private apply(officeId: string, docKey: number, covers: number): void {
		const freed =
			(this.sql.coveredBytes.get(docKey, covers)?.n ?? 0) +
			(this.sql.snapshotSize.get(docKey)?.size ?? 0);
		this.sql.deleteCovered.run(docKey, covers);
		this.sql.promote.run(SIGNATURE_VERSION, docKey);
		this.sql.setCovers.run(covers, docKey);
		this.sql.deletePending.run(docKey);
		this.sql.clearConfirmations.run(docKey);
		this.sql.addBytes.run(-freed, officeId);
	}
}
