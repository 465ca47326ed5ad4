/**
 * The relay's store: offices and their devices here, documents in documents.ts, blobs in blobs.ts. Every write runs
 * in a transaction (nested in the commit queue's batch transaction, it becomes a savepoint), so
 * a refused or failed write leaves nothing behind.
 */
import type Database from 'better-sqlite3';
import { BlobStore } from './blobs';
import { DocumentStore } from './documents';
import { RelayError } from './errors';
import { openDatabase } from './schema';

export interface DeviceRecord {
	key: number;
	deviceId: string;
	publicKey: Buffer;
	revoked: boolean;
}

export interface DeviceSummary {
	deviceId: string;
	revoked: boolean;
}

interface DeviceRow {
	device_key: number;
	device_id: string;
	public_key: Buffer;
	revoked: number;
}

const toRecord = (row: DeviceRow): DeviceRecord => ({
	key: row.device_key,
	deviceId: row.device_id,
	publicKey: row.public_key,
	revoked: row.revoked !== 0
});

export class Store {
	readonly documents: DocumentStore;
	readonly blobs: BlobStore;
	private open = true;
	private readonly sql;

	private constructor(readonly db: Database.Database) {
		this.documents = new DocumentStore(db);
		this.blobs = new BlobStore(db);
		this.sql = {
			office: db.prepare<[string], { devices: number }>(
				'SELECT devices FROM offices WHERE office_id = ?'
			),
			countOffices: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM offices'),
			insertOffice: db.prepare<[string, number]>(
				'INSERT INTO offices (office_id, devices, created_at) VALUES (?, 1, ?)'
			),
			countDevice: db.prepare<[string]>(
				'UPDATE offices SET devices = devices + 1 WHERE office_id = ?'
			),
			device: db.prepare<[string, string], DeviceRow>(
				'SELECT device_key, device_id, public_key, revoked FROM devices WHERE office_id = ? AND device_id = ?'
			),
			devices: db.prepare<[string], { device_id: string; revoked: number }>(
				'SELECT device_id, revoked FROM devices WHERE office_id = ? ORDER BY device_key'
			),
			insertDevice: db.prepare<[string, string, Buffer, number]>(
				'INSERT INTO devices (office_id, device_id, public_key, created_at) VALUES (?, ?, ?, ?)'
			),
			revoke: db.prepare<[string, string]>(
				'UPDATE devices SET revoked = 1 WHERE office_id = ? AND device_id = ?'
			),
			probe: db.prepare('SELECT 1 FROM offices LIMIT 1')
		};
	}

	/** Opens the database at `path` (created if missing). */
	static open(path: string): Store {
		return new Store(openDatabase(path));
	}

	officeExists(officeId: string): boolean {
		return this.sql.office.get(officeId) !== undefined;
	}

	device(officeId: string, deviceId: string): DeviceRecord | undefined {
		const row = this.sql.device.get(officeId, deviceId);
		return row && toRecord(row);
	}

	devices(officeId: string): DeviceSummary[] {
		return this.sql.devices
			.all(officeId)
			.map((row) => ({ deviceId: row.device_id, revoked: row.revoked !== 0 }));
	}

	/** Creates an office with its first device; refuses a known office id or one office too many. */
	registerOffice(
		officeId: string,
		deviceId: string,
		publicKey: Buffer,
		maxOffices: number
	): DeviceRecord {
		return this.db.transaction(() => {
			if (this.officeExists(officeId)) {
				throw new RelayError('office-exists', 'this office is already registered', true);
			}
			if ((this.sql.countOffices.get()?.n ?? 0) >= maxOffices) {
				throw new RelayError('quota', 'the relay holds as many offices as it may', true);
			}
			this.sql.insertOffice.run(officeId, Date.now());
			this.sql.insertDevice.run(officeId, deviceId, publicKey, Date.now());
			return toRecord(this.sql.device.get(officeId, deviceId) as DeviceRow);
		})();
	}

	/** Enrolls a device; true if added, false if it was already enrolled with this very key. */
	addDevice(officeId: string, deviceId: string, publicKey: Buffer, maxDevices: number): boolean {
		return this.db.transaction(() => {
			const existing = this.device(officeId, deviceId);
			if (existing) {
				if (!existing.revoked && existing.publicKey.equals(publicKey)) return false;
				throw new RelayError('device-exists', 'this device id is taken');
			}
			const office = this.sql.office.get(officeId);
			if (!office) throw new RelayError('unknown-device', 'unknown office', true);
			if (office.devices >= maxDevices) {
				throw new RelayError('quota', 'the office has as many devices as it may');
			}
			this.sql.insertDevice.run(officeId, deviceId, publicKey, Date.now());
			this.sql.countDevice.run(officeId);
			return true;
		})();
	}

	/** Marks a device revoked: it can no longer authenticate or write. */
	revokeDevice(officeId: string, deviceId: string): void {
		this.db.transaction(() => {
			if (!this.device(officeId, deviceId)) {
				throw new RelayError('unknown-device', 'no such device in this office');
			}
			this.sql.revoke.run(officeId, deviceId);
		})();
	}

	/** Whether the database is open, readable and writable. */
	healthy(): boolean {
		if (!this.open) return false;
		try {
			this.sql.probe.get();
			// Taking the write lock proves the file is writable (a read-only or vanished file fails).
			if (!this.db.inTransaction) this.db.transaction(() => undefined).immediate();
			return true;
		} catch {
			return false;
		}
	}

	close(): void {
		if (!this.open) return;
		this.open = false;
		this.db.close();
	}
}
