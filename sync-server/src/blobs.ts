/**
 * Blobs of an office: immutable encrypted files, stored whole under an id the device chose.
 *
 * Invariants kept here, each within one transaction:
 * - a blob id names one blob per office, owned by the device that put it first: the same device
 *   putting it again is a retransmission (stored nothing, acknowledged again), any other device
 *   is refused (`blob-exists`), so no device can replace another's file.
 * - a blob counts against the office's byte quota from the moment it is stored.
 * - only a device that is enrolled and not revoked stores a blob.
 */
import type Database from 'better-sqlite3';
import { writerCheck } from './devices';
import { RelayError } from './errors';
import { SIGNATURE_VERSION } from './signatures';

export interface BlobInput {
	officeId: string;
	deviceKey: number;
	blobId: string;
	epoch: number;
	nonce: Buffer;
	signature: Buffer;
	link: string;
	payload: Buffer;
}

export interface StoredBlob {
	blobId: string;
	deviceId: string;
	epoch: number;
	nonce: Buffer;
	signature: Buffer;
	link: string;
	/** Signature version: 1 for blobs a v1 relay stored, else 2. */
	v: number;
	size: number;
	payload: Buffer;
}

export class BlobStore {
	private readonly sql;
	private readonly writableDevice: (deviceKey: number) => number;

	constructor(private readonly db: Database.Database) {
		const prepare = db.prepare.bind(db);
		this.writableDevice = writerCheck(db);
		this.sql = {
			owner: prepare<[string, string], { device_key: number }>(
				'SELECT device_key FROM blobs WHERE office_id = ? AND blob_id = ?'
			),
			office: prepare<[string], { bytes: number }>('SELECT bytes FROM offices WHERE office_id = ?'),
			insert: prepare<
				[string, string, number, number, Buffer, Buffer, string, number, number, Buffer, number]
			>(
				`INSERT INTO blobs (office_id, blob_id, device_key, epoch, nonce, signature, link, sig_version, size, payload, created_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
			),
			addBytes: prepare<[number, string]>(
				'UPDATE offices SET bytes = bytes + ? WHERE office_id = ?'
			),
			get: prepare<[string, string], StoredBlob>(
				`SELECT blob_id AS blobId, d.device_id AS deviceId, epoch, nonce, signature, link, sig_version AS v, size, payload
				 FROM blobs b JOIN devices d USING (device_key) WHERE b.office_id = ? AND blob_id = ?`
			)
		};
	}

	/** Stores a blob; `duplicate` when this device already stored it. Refuses as described above. */
	put(input: BlobInput, quotaBytes: number): { duplicate: boolean } {
		return this.db.transaction(() => {
			this.writableDevice(input.deviceKey);
			const owner = this.sql.owner.get(input.officeId, input.blobId);
			if (owner) {
				if (owner.device_key === input.deviceKey) return { duplicate: true };
				throw new RelayError('blob-exists', 'another device stored a blob under this id');
			}
			const office = this.sql.office.get(input.officeId);
			if (!office) throw new RelayError('unknown-device', 'unknown office', true);
			const size = input.payload.length;
			if (office.bytes + size > quotaBytes) {
				throw new RelayError('quota', 'the office has used its storage quota');
			}
			const { officeId, blobId, deviceKey, epoch, nonce, signature, link, payload } = input;
			this.sql.insert.run(
				officeId,
				blobId,
				deviceKey,
				epoch,
				nonce,
				signature,
				link,
				SIGNATURE_VERSION,
				size,
				payload,
				Date.now()
			);
			this.sql.addBytes.run(size, officeId);
			return { duplicate: false };
		})();
	}

	/** The blob of this office under `blobId`, if stored. */
	get(officeId: string, blobId: string): StoredBlob | undefined {
		return this.sql.get.get(officeId, blobId);
	}
}
